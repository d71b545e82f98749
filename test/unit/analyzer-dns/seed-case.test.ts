import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeDocumentWithDns, type AnalyzeDocumentWithDnsOptions, type DocumentAnalysis } from '../../../src/core/analyzer/analyze';
import { applyFixes } from '../../../src/core/analyzer/fixes';
import { attachBounce, bounceContextFrom, type BounceContext } from '../../../src/core/analyzer/dns/bounce-context';
import { evaluateBounce } from '../../../src/core/analyzer/dns/bounce-verdict';
import { draftResolver } from '../../../src/core/analyzer/dns/draft-resolver';
import { readDocument } from '../../../src/core/analyzer/document';
import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import { NodeResolver } from '../../../src/core/dns/node-resolver';
import { OfflineResolver } from '../../../src/core/dns/offline-resolver';
import type { Resolver } from '../../../src/core/dns/resolver';
import { readBounce } from '../../../src/core/readers/bounce/read-bounce';
import { checkHost } from '../../../src/core/spf/check-host';
import { TestDnsServer, type TestRecord } from '../../support/dns-server';
import { DNS_RULE_SET } from './dns-rule-set';

const root = process.cwd();
const ZONE = readFileSync(resolve(root, 'test/fixtures/zones/shop.example.co.jp.zone'), 'utf8');
const BOUNCE = readFileSync(resolve(root, 'test/fixtures/bounces/gmail-5.7.26-via-postfix.txt'), 'utf8');
const OUTSIDE = (JSON.parse(readFileSync(resolve(root, 'test/fixtures/analyzer-dns/seed-outside.json'), 'utf8')) as { records: MemoryRecord[] }).records;

/** The record line as the hosting panel wrote it, and as the preferred fix must leave it (written by hand). */
const RECORD_BEFORE = '@       IN TXT  "v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ~all"';
const RECORD_AFTER = '@       IN TXT  "v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp +ip4:203.0.113.45 ~all"';

async function seedBounce(): Promise<BounceContext> {
  const context = bounceContextFrom(await readBounce(BOUNCE));
  assert.ok(context, 'the seed bounce names a client IP and an SPF domain');
  return context;
}

async function analyze(text: string, bounce: BounceContext, outside: Resolver): Promise<DocumentAnalysis> {
  const options: AnalyzeDocumentWithDnsOptions = { kind: 'zone', ruleSet: DNS_RULE_SET, dns: { resolver: outside, checkHost } };
  return analyzeDocumentWithDns(text, attachBounce(options, bounce));
}

async function seedEndToEnd(outside: Resolver): Promise<void> {
  const bounce = await seedBounce();
  assert.equal(bounce.clientIp, '203.0.113.45');
  assert.equal(bounce.spfDomain, 'shop.example.co.jp');
  const before = await analyze(ZONE, bounce, outside);
  const finding = before.findings.find((candidate) => candidate.code === 'SPF026');
  assert.ok(finding, 'SPF026 on the TXT record');
  assert.equal(finding.severity, 'error');
  const recordStart = ZONE.indexOf(RECORD_BEFORE);
  assert.deepEqual(finding.recordRange, { start: recordStart, end: recordStart + RECORD_BEFORE.length });
  assert.equal(finding.message.text, '203.0.113.45 (from the Gmail bounce) would get softfail from "~all": no mechanism authorises it (RFC 7208 §4.6.2; 4/10 lookups).');
  const preferred = (finding.fixes ?? []).filter((fix) => fix.isPreferred);
  assert.equal(preferred.length, 1);
  assert.equal(preferred[0].title.text, 'Authorize 203.0.113.45 (from the Gmail bounce) — result becomes pass, 4/10 lookups');

  const applied = applyFixes(ZONE, [preferred[0]]);
  assert.ok(applied.ok);
  assert.equal(applied.text, ZONE.replace(RECORD_BEFORE, RECORD_AFTER));

  const verdict = await evaluateBounce(bounce, 'shop.example.co.jp', draftResolver(readDocument(applied.text, { kind: 'zone' }), outside), { resolver: outside, checkHost });
  assert.equal(verdict.result, 'pass');
  assert.equal(verdict.decidingTerm, '+ip4:203.0.113.45');
  const after = await analyze(applied.text, bounce, outside);
  const remaining = after.findings.filter((candidate) => candidate.code === 'SPF026');
  assert.deepEqual(remaining.map((candidate) => [candidate.severity, candidate.message.id]), [['info', 'SPF026.authorized']]);
}

describe('the seed case end to end (Gmail 5.7.26 bounce + shop.example.co.jp zone)', () => {
  it('names outside the zone from a memory resolver: SPF026 on the record, ip4 fix before ~all, then pass', async () => {
    await seedEndToEnd(new MemoryResolver(OUTSIDE));
  });

  describe('names outside the zone over the wire from a test DNS server', () => {
    const server = new TestDnsServer(OUTSIDE as TestRecord[]);
    before(() => server.start());
    after(() => server.stop());

    it('gives the same finding, fix and verdict through NodeResolver', async () => {
      await seedEndToEnd(new NodeResolver({ servers: [`127.0.0.1:${server.port}`], timeout: 500, tries: 1 }));
      assert.ok(server.received.some((query) => query.name === 'spf.sender.xserver.jp' && query.type === 'TXT'));
    });

    it('with SERVFAIL for the include, says which name failed and that the verdict is incomplete', async () => {
      server.setBehaviour('spf.sender.xserver.jp', 'TXT', { respond: 'servfail' });
      const bounce = await seedBounce();
      const result = await analyze(ZONE, bounce, new NodeResolver({ servers: [`127.0.0.1:${server.port}`], timeout: 500, tries: 1 }));
      const finding = result.findings.find((candidate) => candidate.code === 'SPF026');
      assert.ok(finding);
      assert.equal(finding.message.id, 'SPF026.incomplete');
      assert.match(finding.message.text, /TXT spf\.sender\.xserver\.jp could not be resolved/);
      assert.equal(finding.fixes, undefined);
    });
  });

  it('offline: lists the names outside the zone, marks the verdict incomplete and offers no fix', async () => {
    const bounce = await seedBounce();
    const result = await analyze(ZONE, bounce, new OfflineResolver());
    const finding = result.findings.find((candidate) => candidate.code === 'SPF026');
    assert.ok(finding);
    assert.equal(finding.message.text, 'The verdict for 203.0.113.45 (from the Gmail bounce) is incomplete: A sv1234.xserver.jp, AAAA sv1234.xserver.jp, TXT spf.sender.xserver.jp could not be resolved (a failed query is temperror, RFC 7208 §2.6.6). SPF Doctor does not guess a result; allow live DNS or fix those names, then analyse again.');
    assert.equal(finding.fixes, undefined);
  });
});
