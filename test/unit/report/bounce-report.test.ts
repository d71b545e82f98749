import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MemoryResolver } from '../../../src/core/dns/memory-resolver';
import { OfflineResolver } from '../../../src/core/dns/offline-resolver';
import { readBounce } from '../../../src/core/readers/bounce/read-bounce';
import type { BounceReport } from '../../../src/core/readers/bounce/types';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import { zoneToMemoryRecords } from '../../../src/core/readers/zone/zone-to-memory-records';
import { diagnoseBounce } from '../../../src/core/report/bounce-diagnosis';
import { renderBounceReport } from '../../../src/core/report/bounce-report';
import { enhancedStatusMeaning } from '../../../src/core/report/status-meanings';

const root = process.cwd();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const seedBounce = read('test/fixtures/workspace/seed/gmail-5.7.26-via-postfix.txt');
const seedZone = read('test/fixtures/workspace/seed/shop.example.co.jp.zone');
/** The hosting service's names, as examples/xserver.jp.zone publishes them. */
const outside = new MemoryResolver(zoneToMemoryRecords(readZone(read('examples/xserver.jp.zone'), {})));

async function seedReport(language: 'en' | 'ja'): Promise<string> {
  const report = await readBounce(seedBounce);
  const diagnosis = await diagnoseBounce(report, { resolver: outside, zoneDocuments: [{ file: 'shop.example.co.jp.zone', text: seedZone }] });
  return renderBounceReport({ report, text: seedBounce, diagnosis, dns: { live: true }, recordLink: { label: 'shop.example.co.jp.zone, line 17', target: 'file:///zones/shop.example.co.jp.zone#L17' }, remembered: true }, language);
}

describe('bounce report (Markdown)', () => {
  it('states the seed case facts: receiver, status meaning, client IP with its evidence line, checks, record, verdict and fix', async () => {
    const report = await seedReport('en');
    assert.match(report, /^- Receiver: \*\*Gmail\*\* `gmail-smtp-in\.l\.google\.com`$/m);
    assert.match(report, /^- Reported by: `mail-proxy101\.phy\.example-hosting\.com`$/m);
    assert.match(report, /^- Status: `550 5\.7\.26` — multiple authentication checks failed \(RFC 7372 §3\.4\)/m);
    assert.match(report, /^- Client IP: \*\*`203\.0\.113\.45`\*\* \(the sending server, as the receiver saw it\)$/m);
    assert.match(report, /^ {2}16 \| {5}not 550-5\.7\.26 pass with ip: \[203\.0\.113\.45\]\. The sender should visit$/m);
    assert.match(report, /^\| SPF \| \*\*fail\*\* \|$/m);
    assert.match(report, /^\| DMARC \| not stated \|$/m);
    assert.match(report, /^In \[shop\\\.example\\\.co\\\.jp\\\.zone, line 17\]\(file:\/\/\/zones\/shop\.example\.co\.jp\.zone#L17\)\.$/m);
    assert.match(report, /^`203\.0\.113\.45` gets \*\*softfail\*\* from `~all` for `shop\.example\.co\.jp`: no mechanism before it authorises this IP$/m);
    assert.match(report, /^DNS lookups: 4\/10, void lookups: 0\/2 \(RFC 7208 §4\.6\.4\)\.$/m);
    assert.match(report, /^`v=spf1 \+a:sv1234\.xserver\.jp \+a:shop\.example\.co\.jp \+mx include:spf\.sender\.xserver\.jp \+ip4:203\.0\.113\.45 ~all`$/m);
    assert.ok(!report.includes('142.250.102.26'), "the receiver's own address is not reported");
  });

  it('is written in Japanese with the same facts', async () => {
    const report = await seedReport('ja');
    assert.match(report, /^# SPF Doctor: バウンスのレポート$/m);
    assert.match(report, /^- クライアント IP: \*\*`203\.0\.113\.45`\*\*/m);
    assert.match(report, /複数の認証検査に失敗しました \(RFC 7372 §3\.4\)/);
    assert.match(report, /^`203\.0\.113\.45` は `shop\.example\.co\.jp` に対して `~all` により \*\*softfail\*\* になります/m);
    assert.match(report, /修正: 203\\\.0\\\.113\\\.45 を許可/);
  });

  it('explains a trap (unknown user) as not an SPF problem, without a record or fix', async () => {
    const text = read('test/fixtures/bounces/au-user-unknown.txt');
    const report = await readBounce(text);
    const diagnosis = await diagnoseBounce(report, { resolver: new OfflineResolver('test'), zoneDocuments: [] });
    const markdown = renderBounceReport({ report, text, diagnosis, dns: { live: false, reason: 'untrusted' } }, 'en');
    assert.match(markdown, /^## This is not an SPF problem$/m);
    assert.match(markdown, /The recipient address does not exist at the receiver.*No SPF change will fix this bounce\./);
    assert.ok(!markdown.includes('## What to do'));
    assert.match(markdown, /No DNS query was sent: this workspace is not trusted/);
  });

  it('says that adding to SPF will not help when SPF passed and DKIM/DMARC failed', async () => {
    const report: BounceReport = {
      classification: 'dmarc', provider: 'gmail', reportingMta: null, remoteMta: null, statusCode: '550', enhancedStatus: '5.7.26',
      clientIp: '192.0.2.7', spfDomain: 'bounces.example.net', fromDomain: 'example.net', relayHost: null,
      checks: { spf: 'pass', dkim: 'fail', dmarc: 'fail' }, evidence: { checks: {} },
    };
    const diagnosis = await diagnoseBounce(report, { resolver: new OfflineResolver('test'), zoneDocuments: [] });
    assert.equal(diagnosis.kind, 'not-spf');
    const markdown = renderBounceReport({ report, text: '', diagnosis, dns: { live: true } }, 'en');
    assert.match(markdown, /^## This is not an SPF problem$/m);
    assert.match(markdown, /SPF passed for 192\\\.0\\\.2\\\.7, but DKIM and DMARC failed: adding to SPF will not help/);
  });

  it('names the unresolved query instead of a verdict when DNS is off', async () => {
    const report = await readBounce(seedBounce);
    const diagnosis = await diagnoseBounce(report, { resolver: new OfflineResolver('live DNS is off'), zoneDocuments: [{ file: 'z.zone', text: seedZone }] });
    const markdown = renderBounceReport({ report, text: seedBounce, diagnosis, dns: { live: false, reason: 'disabled' } }, 'en');
    assert.match(markdown, /^Cannot verify: `A sv1234\.xserver\.jp: [^`]*live DNS is off[^`]*` could not be resolved/m);
    assert.match(markdown, /No DNS query was sent: live DNS is off/);
  });
});

describe('enhanced status meanings', () => {
  it('knows the RFC 7372 authentication codes and falls back to class and subject (RFC 3463)', () => {
    assert.equal(enhancedStatusMeaning('5.7.23', 'en'), 'SPF validation failed (RFC 7372 §3.2)');
    assert.equal(enhancedStatusMeaning('4.4.7', 'en'), 'persistent transient failure: the sender will retry, network and routing (RFC 3463 §3)');
    assert.equal(enhancedStatusMeaning('5.7.23', 'ja'), 'SPF の検証に失敗しました (RFC 7372 §3.2)');
    assert.equal(enhancedStatusMeaning('9.9.9', 'en'), '9.9.9');
  });
});
