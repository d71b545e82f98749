import assert from 'node:assert/strict';
import { analyzeDocument, analyzeDocumentWithDns } from '../../../src/core/analyzer/analyze';
import type { RuleDefinition } from '../../../src/core/analyzer/rule-api';
import type { DnsResponse, QueryType, Resolver } from '../../../src/core/dns/resolver';
import { checkHost } from '../../../src/core/spf/check-host';

const ZONE = '$ORIGIN example.com.\n@ IN TXT "v=spf1 mx ~all"\n';

/** Answers every query with NXDOMAIN and counts the queries. */
class CountingResolver implements Resolver {
  queries: string[] = [];
  async query<T extends QueryType>(name: string, type: T): Promise<DnsResponse<T>> {
    this.queries.push(`${name} ${type}`);
    return { status: 'nxdomain' };
  }
}

/** A DNS rule that offers an ip4 fix only when the fixed draft makes the IP pass. */
const verifyingRule: RuleDefinition = {
  meta: { code: 'SPF098', alias: 'test-verified-fix', title: 't', description: 'd', defaultSeverity: 'warning', rfc: '7208 §4', docs: 'x', needsDns: true },
  messages: { notAuthorized: '{ip} gets {result}', authorize: 'Authorize {ip}' },
  async checkRecordAsync(context) {
    const ip = '203.0.113.45';
    const { record } = context.site;
    const all = record.mechanisms.find((mechanism) => mechanism.name === 'all');
    if (!all) return;
    const fix = context.valueFix(context.message('authorize', { ip }), [{ range: { start: all.range.start, end: all.range.start }, newText: `ip4:${ip} ` }], { isPreferred: true });
    const preview = fix && context.previewFix(fix);
    const verdict = await context.dns.checkHost({ ip, domain: 'example.com', sender: 'a@example.com', helo: 'mail.example.com' }, { resolver: context.dns.resolver });
    const draftRecord = preview?.site?.value.value;
    const passes = draftRecord?.includes(`ip4:${ip} `) === true;
    context.report(all.range, context.message('notAuthorized', { ip, result: verdict.result }), { fixes: passes ? [fix] : [] });
  },
};

describe('analyzeDocumentWithDns', () => {
  it('runs DNS rules with a resolver and the engine, and lets them preview a fix on the draft before offering it', async () => {
    const resolver = new CountingResolver();
    const result = await analyzeDocumentWithDns(ZONE, { ruleSet: [verifyingRule], dns: { resolver, checkHost } });
    assert.equal(result.findings.length, 1);
    const finding = result.findings[0];
    assert.equal(finding.message.text, '203.0.113.45 gets none');
    assert.ok(resolver.queries.includes('example.com TXT'));
    assert.equal(finding.fixes?.[0].title.text, 'Authorize 203.0.113.45');
    assert.equal(ZONE.slice(finding.range.start, finding.range.end), '~all');
  });

  it('the synchronous analysis does not run DNS rules', () => {
    assert.deepEqual(analyzeDocument(ZONE, { ruleSet: [verifyingRule] }).findings, []);
  });

  it('a DNS rule that rejects becomes an SPF000 finding', async () => {
    const failing: RuleDefinition = { ...verifyingRule, async checkRecordAsync() { throw new Error('resolver exploded'); } };
    const result = await analyzeDocumentWithDns(ZONE, { ruleSet: [failing], dns: { resolver: new CountingResolver(), checkHost } });
    assert.deepEqual(result.findings.map((finding) => finding.code), ['SPF000']);
    assert.match(result.findings[0].message.text, /resolver exploded/);
  });
});
