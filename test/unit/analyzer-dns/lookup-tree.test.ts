import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocumentWithDns } from '../../../src/core/analyzer/analyze';
import { buildLookupTree, lookupTreeForDomain } from '../../../src/core/analyzer/dns/lookup-tree';
import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import { OfflineResolver } from '../../../src/core/dns/offline-resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { parseRecord } from '../../../src/core/spf/parser';
import { DNS_RULE_SET } from './dns-rule-set';

const txt = (name: string, value: string): MemoryRecord => ({ name, type: 'TXT', value: [value] });
const RECORDS: MemoryRecord[] = [
  txt('example.com', 'v=spf1 include:_spf.example.net a mx ip4:192.0.2.0/24 exp=explain.example.com -all'),
  txt('_spf.example.net', 'v=spf1 ip6:2001:db8::/32 a:mail.example.net include:_inner.example.net ~all'),
  txt('_inner.example.net', 'v=spf1 exists:gone.example.net redirect=_last.example.net'),
  txt('_last.example.net', 'v=spf1 ip4:198.51.100.7 -all'),
  { name: 'example.com', type: 'A', value: '192.0.2.10' },
  { name: 'example.com', type: 'MX', value: { preference: 10, exchange: 'mx.example.com' } },
  { name: 'mx.example.com', type: 'A', value: '192.0.2.25' },
  { name: 'mx.example.com', type: 'AAAA', value: '2001:db8::25' },
  { name: 'mail.example.net', type: 'A', value: '198.51.100.1' },
];

describe('lookup tree (RFC 7208 §4.6.4 accounting)', () => {
  it('counts per term and in total like check_host() for a client that matches nothing', async () => {
    const resolver = new MemoryResolver(RECORDS);
    const tree = await lookupTreeForDomain('example.com', { resolver });
    // include (1) + _spf.example.net: a:mail (1) + include (1) + _inner: exists (1) + redirect (1) = 5; a (1); mx (1); ip4, exp, all: 0.
    assert.deepEqual(tree.root.terms.map((term) => [term.term, term.totalLookups]), [['include:_spf.example.net', 5], ['a', 1], ['mx', 1], ['ip4:192.0.2.0/24', 0], ['-all', 0]]);
    assert.equal(tree.dnsLookups, 7);
    assert.equal(tree.voidLookups, 1);
    assert.equal(tree.complete, true);
    const check = await checkHost({ ip: '203.0.113.99', domain: 'example.com', sender: 'a@example.com', helo: 'h.example.com' }, { resolver });
    assert.equal(check.result, 'fail');
    assert.equal(check.trace.dnsTerms.length, tree.dnsLookups);
    assert.equal(check.trace.voidLookups.length, tree.voidLookups);
  });

  it('lists the networks each term authorises: literals and resolved a/mx addresses', async () => {
    const tree = await lookupTreeForDomain('example.com', { resolver: new MemoryResolver(RECORDS) });
    const byTerm = Object.fromEntries(tree.root.terms.map((term) => [term.term, term.networks]));
    assert.deepEqual(byTerm.a, ['192.0.2.10']);
    assert.deepEqual(byTerm.mx, ['192.0.2.25', '2001:db8::25']);
    assert.deepEqual(byTerm['ip4:192.0.2.0/24'], ['192.0.2.0/24']);
    const include = tree.root.terms[0].child;
    assert.deepEqual(include?.terms.map((term) => term.networks), [['2001:db8::/32'], ['198.51.100.1'], [], []]);
  });

  it('walks terms after an early match that check_host() would not reach, but stops at all (redirect ignored)', async () => {
    const record = parseRecord('v=spf1 ip4:0.0.0.0/0 a:x.example.com -all mx redirect=r.example.com');
    const tree = await buildLookupTree('example.com', record, { resolver: new MemoryResolver([]) });
    assert.deepEqual(tree.root.terms.map((term) => term.term), ['ip4:0.0.0.0/0', 'a:x.example.com', '-all']);
    assert.equal(tree.dnsLookups, 1);
  });

  it('offline: lists the names it could not resolve and marks the totals incomplete, never guessing', async () => {
    const tree = await buildLookupTree('example.com', parseRecord('v=spf1 include:_spf.example.net mx -all'), { resolver: new OfflineResolver() });
    assert.equal(tree.complete, false);
    assert.deepEqual(tree.unresolved.map((item) => `${item.type} ${item.name}`), ['TXT _spf.example.net', 'MX example.com']);
    assert.equal(tree.root.terms[0].child?.status, 'unresolved');
    assert.equal(tree.dnsLookups, 2);
  });

  it('SPF020 shows the arithmetic per term', async () => {
    const zone = [
      '$ORIGIN example.com.',
      '@ IN SOA ns hostmaster 1 3600 900 1209600 300',
      'mail IN A 192.0.2.25',
      'relay IN MX 10 mail',
      'four IN TXT "v=spf1 a:mail.example.com mx:relay.example.com a:mail.example.com exists:mail.example.com -all"',
      'five IN TXT "v=spf1 a:mail.example.com mx:relay.example.com mx:relay.example.com a:mail.example.com exists:mail.example.com -all"',
      '@ IN TXT "v=spf1 include:four.example.com include:five.example.com mx:relay.example.com a:mail.example.com -all"',
      '',
    ].join('\n');
    const result = await analyzeDocumentWithDns(zone, { ruleSet: DNS_RULE_SET, dns: { resolver: new MemoryResolver([]), checkHost } });
    const finding = result.findings.find((candidate) => candidate.code === 'SPF020');
    assert.ok(finding);
    assert.match(finding.message.text, /include:four\.example\.com \(5\) \+ include:five\.example\.com \(6\) \+ mx:relay\.example\.com \(1\) \+ a:mail\.example\.com \(1\) = 13 > 10/);
  });

  it('SPF020 says what it could not count when only a macro target is uncounted (no empty list of names)', async () => {
    const zone = [
      '$ORIGIN example.com.',
      '@ IN SOA ns hostmaster 1 3600 900 1209600 300',
      'mail IN A 192.0.2.25',
      '@ IN TXT "v=spf1 a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com a:mail.example.com exists:%{i}.example.com -all"',
      '',
    ].join('\n');
    const result = await analyzeDocumentWithDns(zone, { ruleSet: DNS_RULE_SET, dns: { resolver: new MemoryResolver([]), checkHost } });
    const finding = result.findings.find((candidate) => candidate.code === 'SPF020');
    assert.ok(finding);
    assert.equal(finding.message.id, 'SPF020.overLimitUncounted');
    assert.match(finding.message.text, /at least 12 DNS lookups/);
    assert.doesNotMatch(finding.message.text, /resolved: \./);
  });

  it('never throws on generated records and zones with a memory resolver (property, seeded)', async () => {
    const label = fc.constantFrom('a', 'b', 'c', 'example.com', 'x.example.com', 'gone.example.com');
    const term = fc.oneof(
      fc.constantFrom('-all', '~all', '?all', '+all', 'a', 'mx', 'ptr', 'ip4:192.0.2.0/24', 'ip6:2001:db8::/32', 'exists:%{i}.example.com', 'include:%{d}.x.example.com', 'mx/24', 'a//64', 'bogus'),
      label.map((name) => `include:${name}`),
      label.map((name) => `redirect=${name}`),
      label.map((name) => `a:${name}`),
      label.map((name) => `mx:${name}`),
    );
    const record = fc.array(term, { maxLength: 8 }).map((terms) => ['v=spf1', ...terms].join(' '));
    const extra = fc.array(fc.tuple(label, record), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(record, extra, fc.constantFrom('192.0.2.1', '2001:db8::1', 'not-an-ip'), async (own, others, ip) => {
        const zone = ['$ORIGIN example.com.', '@ IN MX 10 mail', `@ IN TXT "${own}"`, ...others.map(([name, value]) => `${name.replace(/\.example\.com$/, '')} IN TXT "${value}"`)].join('\n');
        const records = others.map(([name, value]) => txt(name, value));
        const result = await analyzeDocumentWithDns(zone, {
          ruleSet: DNS_RULE_SET,
          bounce: { clientIp: ip, spfDomain: 'example.com', checks: { spf: 'fail', dkim: 'fail', dmarc: 'fail' } },
          dns: { resolver: new MemoryResolver(records), checkHost },
        });
        assert.deepEqual(result.ruleFailures, []);
      }),
      { seed: 7208, numRuns: 150 },
    );
  });
});
