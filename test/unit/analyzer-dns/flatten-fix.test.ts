import assert from 'node:assert/strict';
import { analyzeDocumentWithDns, type AnalyzeDocumentWithDnsOptions } from '../../../src/core/analyzer/analyze';
import { attachBounce } from '../../../src/core/analyzer/dns/bounce-context';
import { draftOf } from '../../../src/core/analyzer/dns/dns-context';
import { composeFlattening, planFlattening } from '../../../src/core/analyzer/dns/flatten';
import { FLATTEN_MESSAGES, proveFlattening } from '../../../src/core/analyzer/dns/flatten-fix';
import { applyFixes } from '../../../src/core/analyzer/fixes';
import type { RuleDefinition } from '../../../src/core/analyzer/rule-api';
import type { Finding } from '../../../src/core/analyzer/types';
import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import { normalizeName } from '../../../src/core/dns/resolver';
import { readDocument } from '../../../src/core/analyzer/document';
import { checkHost } from '../../../src/core/spf/check-host';
import { DNS_RULE_SET } from './dns-rule-set';
import { PROVIDERS } from './flatten-records';

const OUTSIDE = PROVIDERS.filter((record) => !record.name.endsWith('example.com'));
const many = (count: number) => Array.from({ length: count }, (_, index) => `ip4:198.18.${index}.0/24`).join(' ');
const BIG: MemoryRecord = { name: '_big.example', type: 'TXT', value: [`v=spf1 ${many(18)} -all`] };

function zone(record: string): string {
  return [
    '$ORIGIN example.com.',
    '@    IN SOA ns1 hostmaster 1 3600 900 1209600 300',
    '@    IN MX 10 mail',
    'mail IN A 203.0.113.25',
    'www  IN A 203.0.113.80',
    `@    IN TXT "${record}"`,
    'next IN TXT "v=spf1 -all" ; after the record',
    '',
  ].join('\n');
}

const RECORD = 'v=spf1 include:_spf.mailer.example include:_spf.crm.example mx a:www.example.com -all';
const FLATTENED = 'v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:a::/48 ip4:203.0.113.5 ip4:203.0.113.10 ip4:192.0.2.128/25 ip4:203.0.113.77 ip6:2001:db8:c::1 mx a:www.example.com -all';

function options(extra: MemoryRecord[] = [], settings: Partial<AnalyzeDocumentWithDnsOptions> = {}): AnalyzeDocumentWithDnsOptions {
  return { ruleSet: DNS_RULE_SET, dns: { resolver: new MemoryResolver([...OUTSIDE, ...extra]), checkHost }, ...settings };
}

async function finding(text: string, code: string, opts: AnalyzeDocumentWithDnsOptions = options()): Promise<Finding | undefined> {
  return (await analyzeDocumentWithDns(text, opts)).findings.find((candidate) => candidate.code === code);
}

/** The SPF value of the `@` TXT record in a zone text, its strings joined. */
function apexValue(text: string): { strings: string[]; value: string } {
  const site = readDocument(text, { kind: 'zone' }).sites.find((candidate) => candidate.owner !== undefined && normalizeName(candidate.owner) === 'example.com');
  assert.ok(site);
  const strings = site.value.strings.map((item) => item.text);
  return { strings, value: strings.join('') };
}

function unchangedOutsideRecord(before: string, after: string): void {
  const start = before.indexOf('@    IN TXT');
  const tail = before.slice(before.indexOf('\nnext'));
  assert.equal(after.slice(0, start), before.slice(0, start));
  assert.ok(after.endsWith(tail));
}

describe('flattening as a proven fix (SPF020, SPF026)', () => {
  it('SPF020 offers each include alone, then both, never preferred, titled with the proven counts', async () => {
    const found = await finding(zone(RECORD), 'SPF020');
    assert.ok(found?.fixes);
    assert.deepEqual(found.fixes.map((fix) => fix.title.text), [
      'Flatten include:_spf.mailer.example (−5 lookups, 6/10 after) — preview first',
      'Flatten include:_spf.crm.example (−4 lookups, 7/10 after) — preview first',
      'Flatten include:_spf.mailer.example, include:_spf.crm.example (−9 lookups, 2/10 after) — preview first',
    ]);
    for (const fix of found.fixes) {
      assert.equal(fix.kind, 'refactor.rewrite');
      assert.equal(fix.changesPolicy, true);
      assert.equal(fix.isPreferred, undefined);
      assert.match(fix.preview?.text ?? '', /go stale/);
    }
    assert.match(found.fixes[2].preview?.text ?? '', new RegExp(`^Flattened record \\(${FLATTENED.length} octets; DNS lookups 11 → 2 of 10`));
    assert.ok(found.fixes[2].preview?.text.includes(`\n${FLATTENED}\n`));
    assert.ok(found.fixes[2].preview?.text.includes('include:_spf.crm.example → ip4:192.0.2.128/25 ip4:203.0.113.77 ip6:2001:db8:c::1'));
  });

  it('applied, the fix writes the flattened record, touches nothing else, and SPF020 is gone', async () => {
    const text = zone(RECORD);
    const found = await finding(text, 'SPF020');
    const applied = applyFixes(text, [found?.fixes?.[2] ?? assert.fail('no fix')]);
    assert.ok(applied.ok);
    assert.equal(apexValue(applied.text).value, FLATTENED);
    unchangedOutsideRecord(text, applied.text);
    assert.equal(await finding(applied.text, 'SPF020'), undefined);
  });

  it('a long flattened record is split into strings of at most 255 octets and flagged over 450 in the preview', async () => {
    const text = zone('v=spf1 include:_spf.mailer.example include:_spf.crm.example include:_big.example mx a:www.example.com -all');
    const found = await finding(text, 'SPF020', options([BIG]));
    // Flattening _big.example alone leaves 11 lookups: not offered.
    assert.deepEqual(found?.fixes?.map((fix) => fix.title.text.replace(/ \(.*$/, '')), [
      'Flatten include:_spf.mailer.example',
      'Flatten include:_spf.crm.example',
      'Flatten include:_spf.mailer.example, include:_spf.crm.example, include:_big.example',
    ]);
    const all = found?.fixes?.[2];
    assert.match(all?.preview?.text ?? '', /At 491 octets the record is over 450/);
    const applied = applyFixes(text, [all ?? assert.fail('no fix')]);
    assert.ok(applied.ok);
    const { strings, value } = apexValue(applied.text);
    assert.equal(value, FLATTENED.replace(' mx ', ` ${many(18)} mx `));
    assert.ok(strings.length >= 2 && strings.every((item) => new TextEncoder().encode(item).length <= 255), JSON.stringify(strings));
    unchangedOutsideRecord(text, applied.text);
    assert.equal(await finding(applied.text, 'SPF020', options([BIG])), undefined);
  });

  it('respects the flattenKeep setting: the kept include stays in every offered fix', async () => {
    const found = await finding(zone(RECORD), 'SPF020', options([], { flattenKeep: ['_spf.crm.example'] }));
    assert.deepEqual(found?.fixes?.map((fix) => fix.title.text), ['Flatten include:_spf.mailer.example (−5 lookups, 6/10 after) — preview first']);
    assert.match(found?.fixes?.[0].preview?.text ?? '', /include:_spf\.crm\.example: _spf\.crm\.example is in the keep list/);
  });

  it('SPF026: when no candidate fits the lookup limit, flattening is offered and keeps the bounced IP\'s result; afterwards the address fix fits', async () => {
    const bounce = { clientIp: '203.0.113.45', spfDomain: 'example.com', checks: { spf: 'fail', dkim: 'fail', dmarc: 'unknown' } } as const;
    const text = zone(RECORD);
    const found = await finding(text, 'SPF026', attachBounce(options(), bounce));
    assert.ok(found?.fixes);
    assert.deepEqual(found.fixes.map((fix) => fix.title.text.replace(/ \(.*$/, '')), [
      'Flatten include:_spf.mailer.example',
      'Flatten include:_spf.crm.example',
      'Flatten include:_spf.mailer.example, include:_spf.crm.example',
    ]);
    const applied = applyFixes(text, [found.fixes[2]]);
    assert.ok(applied.ok);
    const next = await finding(applied.text, 'SPF026', attachBounce(options(), bounce));
    assert.deepEqual(next?.fixes?.map((fix) => fix.title.text), ['Authorize 203.0.113.45 (from the bounce) — result becomes pass, 2/10 lookups']);
  });

  it('SPF026 offers no flattening when an address fix fits', async () => {
    const bounce = { clientIp: '203.0.113.45', spfDomain: 'example.com', checks: { spf: 'fail', dkim: 'fail', dmarc: 'unknown' } } as const;
    const found = await finding(zone('v=spf1 include:_spf.crm.example mx -all'), 'SPF026', attachBounce(options(), bounce));
    assert.deepEqual(found?.fixes?.map((fix) => fix.kind ?? 'quickfix'), ['quickfix']);
  });

  it('the proof refuses a flattening that changes a probe\'s result', async () => {
    const proofs: string[] = [];
    const tampering: RuleDefinition = {
      meta: { code: 'SPF999', alias: 'tamper', title: 't', description: 'd', defaultSeverity: 'info', rfc: '7208', docs: '', needsDns: true },
      messages: FLATTEN_MESSAGES,
      async checkRecordAsync(context) {
        const plan = await planFlattening('example.com', context.site.record, { resolver: draftOf(context) });
        const result = await composeFlattening(plan);
        const include = plan.candidates[0];
        // Claims to flatten the mailer include but writes a network it does not pass.
        const wrong = { ...result, edits: [{ range: include.range, newText: 'ip4:192.0.2.0/24' }], flattened: result.flattened.slice(0, 1) };
        const proof = await proveFlattening(context, plan, wrong);
        proofs.push(`${proof.rejected}: ${proof.changed.map((probe) => `${probe.ip} ${probe.before}→${probe.after}`).join(', ')}`);
      },
    };
    await analyzeDocumentWithDns(zone(RECORD), { ...options(), ruleSet: [tampering] });
    assert.deepEqual(proofs, ['changes-results: 198.51.100.0 pass→fail, 2001:db8:a:: pass→fail, 203.0.113.5 pass→fail, 203.0.113.10 pass→fail']);
  });
});
