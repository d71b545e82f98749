/**
 * Property (fast-check, seeded): on generated zones and provider records answered by a
 * MemoryResolver, every fix any DNS rule (SPF020–SPF026) offers, applied alone, leaves its record
 * free of syntax errors and every byte outside that record's lines unchanged.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocumentWithDns } from '../../../src/core/analyzer/analyze';
import { readDocument } from '../../../src/core/analyzer/document';
import { applyFixes } from '../../../src/core/analyzer/fixes';
import type { Finding } from '../../../src/core/analyzer/types';
import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { DNS_RULE_SET } from './dns-rule-set';

const PROVIDERS = ['p1.example', 'p2.example', 'p3.example', 'p4.example'];
const qualifier = fc.constantFrom('', '', '+', '-', '~', '?');
const ip4 = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.constantFrom(8, 16, 24, 25, 28, 32)).map(([octet, bits]) => `ip4:198.51.${octet}.0/${bits}`);
const ip6 = fc.integer({ min: 0, max: 0xffff }).map((group) => `ip6:2001:db8:${group.toString(16)}::/48`);
const all = fc.constantFrom('-all', '~all', '?all', '+all');

/** A provider's record: networks, hosts, nested includes, sometimes terms flattening keeps. */
const providerRecord = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.tuple(qualifier, ip4).map(([q, term]) => q + term),
        fc.tuple(qualifier, ip6).map(([q, term]) => q + term),
        fc.constantFrom('a:host.p1.example', 'mx:p2.example', 'include:p3.example', 'include:p4.example', 'exists:%{i}.p1.example', 'include:gone.example', 'ptr'),
      ),
      { maxLength: 6 },
    ),
    fc.option(all, { nil: undefined }),
  )
  .map(([terms, end]) => ['v=spf1', ...terms, ...(end ? [end] : [])].join(' '));

/** The zone's own record: enough includes and hosts to pass 10 lookups now and then. */
const ownTerm = fc.oneof(
  { arbitrary: fc.constantFrom(...PROVIDERS.map((name) => `include:${name}`)), weight: 3 },
  fc.constantFrom(...PROVIDERS.map((name) => `include:${name}`), 'a', 'mx', 'a:mail.example.com', 'mx:example.com', 'include:sub.example.com', 'include:gone.example', 'exists:x.example.com', 'include:%{d}.p1.example'),
  fc.tuple(qualifier, ip4).map(([q, term]) => q + term),
);
const ownRecord = fc
  .tuple(fc.array(ownTerm, { minLength: 3, maxLength: 14 }), fc.option(fc.constantFrom('-all', '~all', 'redirect=p1.example'), { nil: undefined }))
  .map(([terms, end]) => ['v=spf1', ...terms, ...(end ? [end] : [])].join(' '));

/** A record value as a master-file TXT: one quoted string, or cut into several at `cuts`. */
function quoted(value: string, cuts: readonly number[]): string {
  const points = [...new Set(cuts.map((cut) => cut % (value.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of [...points, value.length]) {
    if (point <= start && point !== value.length) continue;
    pieces.push(value.slice(start, point));
    start = point;
  }
  return pieces.map((piece) => `"${piece}"`).join(' ');
}

function zoneText(own: string, cuts: readonly number[], sub: string): string {
  return [
    '$ORIGIN example.com.',
    '@    IN SOA ns1 hostmaster 1 3600 900 1209600 300',
    '@    IN MX 10 mail',
    'mail IN A 192.0.2.25',
    `@    IN TXT ( ${quoted(own, cuts)} ) ; own`,
    `sub  IN TXT "${sub}"`,
    'tail IN TXT "not spf" ; last',
    '',
  ].join('\n');
}

function outside(providers: readonly string[]): MemoryRecord[] {
  return [
    ...providers.map((value, index): MemoryRecord => ({ name: PROVIDERS[index], type: 'TXT', value: [value] })),
    { name: 'host.p1.example', type: 'A', value: '203.0.113.9' },
    { name: 'host.p1.example', type: 'AAAA', value: '2001:db8:ffff::9' },
    { name: 'p2.example', type: 'MX', value: { preference: 10, exchange: 'host.p1.example' } },
  ];
}

/** The document lines of a finding's record (whole lines: the fix may re-split its strings). */
function recordLines(text: string, finding: Finding): { start: number; end: number } {
  const range = finding.recordRange ?? finding.range;
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const newline = text.indexOf('\n', range.end);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

describe('DNS rule fixes are safe (property, seeded)', () => {
  it('every offered fix keeps its record free of syntax errors and changes nothing outside it', async () => {
    let fixesTried = 0;
    let flatteningTried = 0;
    await fc.assert(
      fc.asyncProperty(
        ownRecord,
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.tuple(providerRecord, providerRecord, providerRecord, providerRecord),
        ownRecord,
        fc.option(fc.constantFrom('203.0.113.9', '198.51.7.1', '2001:db8:ffff::9', '192.0.2.99'), { nil: undefined }),
        fc.array(fc.constantFrom(...PROVIDERS), { maxLength: 2 }),
        async (own, cuts, providers, sub, clientIp, keep) => {
          const text = zoneText(own, cuts, sub);
          const bounce = clientIp === undefined ? {} : { bounce: { clientIp, spfDomain: 'example.com', checks: { spf: 'fail', dkim: 'fail', dmarc: 'fail' } } as const };
          const result = await analyzeDocumentWithDns(text, { ruleSet: DNS_RULE_SET, flattenKeep: keep, dns: { resolver: new MemoryResolver(outside(providers)), checkHost }, ...bounce });
          assert.deepEqual(result.ruleFailures, []);
          const sitesBefore = result.document.sites.length;
          for (const finding of result.findings) {
            for (const fix of finding.fixes ?? []) {
              fixesTried++;
              if (fix.kind === 'refactor.rewrite') flatteningTried++;
              const applied = applyFixes(text, [fix]);
              assert.ok(applied.ok, `${fix.title.text}: edits do not apply`);
              const lines = recordLines(text, finding);
              const tail = text.length - lines.end;
              assert.equal(applied.text.slice(0, lines.start), text.slice(0, lines.start), `${fix.title.text}: text before the record changed`);
              assert.equal(applied.text.slice(applied.text.length - tail), text.slice(lines.end), `${fix.title.text}: text after the record changed`);
              const after = readDocument(applied.text, { kind: 'zone' });
              assert.equal(after.sites.length, sitesBefore, `${fix.title.text}: the number of SPF records changed`);
              const fixed = after.sites.find((site) => site.range.start >= lines.start && site.range.start < applied.text.length - tail);
              assert.ok(fixed, `${fix.title.text}: the record is gone`);
              assert.deepEqual(fixed.record.errors.map((error) => error.reason), [], `${fix.title.text}: ${fixed.record.text}`);
            }
          }
        },
      ),
      { seed: 7208, numRuns: 150 },
    );
    // The generators are meant to exercise fixes (removals, bounce fixes, flattening), not only findings.
    assert.ok(fixesTried > 50, `only ${fixesTried} fixes were tried`);
    assert.ok(flatteningTried > 5, `only ${flatteningTried} flattening fixes were tried`);
  });
});
