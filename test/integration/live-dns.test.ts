/**
 * Live DNS and the workspace-trust gate, against a DNS server the test starts on 127.0.0.1 inside
 * the extension host. The suite runs in a trusted workspace (the runner passes
 * --disable-workspace-trust), so the gate is tested through the analysis service's injectable
 * trust check: the same class the extension uses, once told the workspace is untrusted and once
 * trusted, on the same document and server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AnalysisService } from '../../src/extension/analysis-service';
import { TestDnsServer, type TestRecord } from '../support/dns-server';
import { codeOf, revertAndCloseAll, setSetting, useTestDnsServer, waitForCode } from './diagnostics-helpers';

/** `_spf.<domain>` includes eleven records: with the top-level include, 12 lookups (> 10, RFC 7208 §4.6.4). */
function overLimitRecords(domain: string): TestRecord[] {
  const names = Array.from({ length: 11 }, (_, index) => `i${index + 1}.${domain}`);
  return [
    { name: `_spf.${domain}`, type: 'TXT', value: [`v=spf1 ${names.map((name) => `include:${name}`).join(' ')} -all`] },
    ...names.map((name, index): TestRecord => ({ name, type: 'TXT', value: [`v=spf1 ip4:192.0.2.${index + 1} -all`] })),
  ];
}

async function openZone(domain: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'zone', content: `$ORIGIN zone.test.\n@ IN TXT "v=spf1 include:_spf.${domain} -all"\n` });
  await vscode.window.showTextDocument(document);
  return document;
}

describe('live DNS', () => {
  const server = new TestDnsServer([...overLimitRecords('live.test'), ...overLimitRecords('gate.test')]);
  const log = vscode.window.createOutputChannel('SPF Doctor tests', { log: true });

  useTestDnsServer(server, 500);
  after(() => log.dispose());

  afterEach(async () => {
    await setSetting('enable', undefined);
    await revertAndCloseAll();
  });

  it('counts lookups through includes served by the configured DNS server (SPF020 from the DNS analysis)', async () => {
    const document = await openZone('live.test');
    const diagnostic = await waitForCode(document, 'SPF020');
    assert.match(diagnostic.message, /12 DNS lookups/);
    assert.ok(server.count({ name: '_spf.live.test', type: 'TXT' }) >= 1);
    assert.ok(server.count({ name: 'i11.live.test', type: 'TXT' }) >= 1);
  });

  it('sends no DNS query when the workspace is not trusted, and does when it is', async () => {
    // The extension itself stays away from this document, so every query counted comes from the services below.
    await setSetting('enable', false);
    const document = await openZone('gate.test');
    const untrusted = new AnalysisService(log, { isTrusted: () => false });
    try {
      const state = await untrusted.analyzeWithDns(document, new AbortController().signal);
      assert.deepEqual(state?.dnsMode, { live: false, reason: 'untrusted' });
      assert.ok(!state?.dns?.findings.some((finding) => finding.code === 'SPF020'));
      assert.equal(server.count({ name: '_spf.gate.test' }), 0);
    } finally {
      untrusted.dispose();
    }
    const trusted = new AnalysisService(log, { isTrusted: () => true });
    try {
      const state = await trusted.analyzeWithDns(document, new AbortController().signal);
      assert.deepEqual(state?.dnsMode, { live: true });
      assert.ok(state?.dns?.findings.some((finding) => finding.code === 'SPF020'));
      assert.ok(server.count({ name: '_spf.gate.test', type: 'TXT' }) >= 1);
    } finally {
      trusted.dispose();
    }
    assert.ok(!vscode.languages.getDiagnostics(document.uri).some((item) => codeOf(item) === 'SPF020'));
  });
});
