/**
 * Hover help through VS Code's provider registry (`vscode.executeHoverProvider`) on each term kind
 * of a fixture zone, on a YAML DNS-as-code string, and the include record from the DNS analysis'
 * cache (a DNS server the test starts on 127.0.0.1; every query of the extension goes there).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AnalysisService } from '../../src/extension/analysis-service';
import { SpfHoverProvider } from '../../src/extension/hover-provider';
import { TestDnsServer, type TestRecord } from '../support/dns-server';
import { rangeOfText, revertAndCloseAll, useTestDnsServer, waitForCode } from './diagnostics-helpers';
import { openFixture } from './helpers';

/** The Markdown of SPF Doctor's hovers at `position` (other providers' hovers never cite RFC 7208 sections with links). */
async function spfHovers(document: vscode.TextDocument, position: vscode.Position): Promise<{ range?: vscode.Range; text: string }[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers
    .map((hover) => ({
      range: hover.range,
      text: hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n'),
    }))
    .filter((hover) => hover.text.includes('https://www.rfc-editor.org/rfc/rfc7208#section-'));
}

/** The one SPF hover on the `occurrence`-th `needle`, hovered at `offsetInNeedle`. */
async function hoverOn(document: vscode.TextDocument, needle: string, occurrence = 0, offsetInNeedle = 0): Promise<{ range?: vscode.Range; text: string }> {
  const start = rangeOfText(document, needle, occurrence).start;
  const position = document.positionAt(document.offsetAt(start) + offsetInNeedle);
  const hovers = await spfHovers(document, position);
  assert.equal(hovers.length, 1, `one SPF Doctor hover on "${needle}", got ${hovers.length}`);
  return hovers[0];
}

/** Over the 10-lookup limit: `_spf.<domain>` includes eleven records, so SPF020 shows that the DNS analysis ran. */
function includeRecords(domain: string): TestRecord[] {
  const names = Array.from({ length: 11 }, (_, index) => `i${index + 1}.${domain}`);
  return [
    { name: `_spf.${domain}`, type: 'TXT', value: [`v=spf1 ${names.map((name) => `include:${name}`).join(' ')} -all`] },
    ...names.map((name, index): TestRecord => ({ name, type: 'TXT', value: [`v=spf1 ip4:192.0.2.${index + 1} -all`] })),
  ];
}

describe('hover help', () => {
  const server = new TestDnsServer(includeRecords('hover.test'));

  useTestDnsServer(server, 500);

  afterEach(revertAndCloseAll);

  /** Hovered at `at` characters into `needle`; the hover covers the text `range` (default: the needle). */
  const cases: { what: string; needle: string; at?: number; range?: string; expect: string[] }[] = [
    { what: 'the version tag', needle: 'v=spf1', expect: ['`v=spf1` · SPF version tag', '#section-4.5'] },
    { what: 'an ip4 prefix length', needle: '/24', expect: ['IPv4 prefix length', '`192.0.2.0` – `192.0.2.255`: 256 addresses', '#section-5.6'] },
    { what: 'the first piece of a split include', needle: 'inc"', range: 'inc', expect: ['`include` · mechanism', '#section-5.2', '**DNS lookups:** 1, plus'] },
    { what: 'the second piece of a split include', needle: 'lude:_spf.google.com', at: 1, expect: ['`include` · mechanism', 'Mail service: **Google Workspace / Gmail**'] },
    { what: 'the domain of an include', needle: '_spf.google.com', at: 3, expect: ['**Target:** `_spf.google.com`', '#section-5.2'] },
    { what: 'a qualifier on all', needle: '~all', range: '~', expect: ['`~` · qualifier (softfail)', '#section-4.6.2', '`-all` — fail', '← this record'] },
    { what: 'all', needle: '~all', at: 2, expect: ['`all` · mechanism', '#section-5.1', '**DNS lookups:** 0'] },
    { what: 'a', needle: 'a/24', expect: ['`a` · mechanism', '#section-5.3', '**DNS lookups:** 1'] },
    { what: 'mx', needle: 'mx:mail.hover.example', expect: ['`mx` · mechanism', '#section-5.4', 'more than 10 MX hosts'] },
    { what: 'ptr', needle: 'ptr', at: 1, expect: ['`ptr` · mechanism', '#section-5.5', 'SHOULD NOT'] },
    { what: 'ip6', needle: 'ip6:2001:db8::/32', expect: ['`ip6` · mechanism', '#section-5.6', '2^96 addresses'] },
    { what: 'exists', needle: 'exists:%{ir}._spf.%{d}', expect: ['`exists` · mechanism', '#section-5.7'] },
    { what: 'a macro', needle: '%{ir}', at: 2, expect: ['`%{ir}` · macro', '#section-7.2', '`%{ir}` → `45.113.0.203`'] },
    { what: 'redirect', needle: 'redirect=_spf.example.net', expect: ['`redirect=` · modifier', '#section-6.1', '**DNS lookups:** 1, plus every lookup of the target record'] },
    { what: 'exp', needle: 'exp=why.hover.example', expect: ['`exp=` · modifier', '#section-6.2', '**DNS lookups:** 0 during evaluation'] },
    { what: 'an unknown modifier', needle: 'note=x%%y', expect: ['`note=` · unknown modifier', '#section-6'] },
    { what: 'an escape', needle: '%%', expect: ['`%%` · macro escape', '#section-7.1', 'literal percent sign'] },
  ];

  for (const entry of cases) {
    it(`explains ${entry.what} with its document range`, async () => {
      const { document } = await openFixture('zones/hover.zone');
      const hover = await hoverOn(document, entry.needle, 0, entry.at);
      for (const text of entry.expect) assert.ok(hover.text.includes(text), `"${text}" missing from:\n${hover.text}`);
      assert.deepEqual(hover.range, rangeOfText(document, entry.range ?? entry.needle));
    });
  }

  it('gives no hover outside SPF strings', async () => {
    const { document } = await openFixture('zones/hover.zone');
    for (const needle of ['$ORIGIN', 'IN TXT', '( "v=spf1', 'Hover fixture']) {
      assert.deepEqual(await spfHovers(document, rangeOfText(document, needle).start), [], needle);
    }
  });

  it('explains an SPF string in YAML DNS-as-code', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'records:\n  - type: TXT\n    value: "v=spf1 include:_spf.google.com -all"\n' });
    await vscode.window.showTextDocument(document);
    const hover = await hoverOn(document, '-all', 0, 1);
    assert.ok(hover.text.includes('`all` · mechanism'), hover.text);
    assert.deepEqual(hover.range, rangeOfText(document, '-all'));
  });

  it('shows the included record and its lookups from the DNS analysis, sending no query itself', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'zone', content: '$ORIGIN zone.hover.test.\n@ IN TXT "v=spf1 include:_spf.hover.test -all"\n' });
    await vscode.window.showTextDocument(document);
    await waitForCode(document, 'SPF020');
    const queriesBefore = server.received.length;
    const hover = await hoverOn(document, '_spf.hover.test');
    assert.ok(hover.text.includes('Record at `_spf.hover.test` (from the DNS cache): `v=spf1 include:i1.hover.test'), hover.text);
    assert.ok(hover.text.includes('This include costs 12 of the 10 DNS lookups: 1 for itself and 11 inside the included record.'), hover.text);
    assert.equal(server.received.length, queriesBefore, 'the hover sent DNS queries');
  });

  it('says the record is not shown in an untrusted workspace, and queries nothing', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'zone', content: '$ORIGIN zone.hover.test.\n@ IN TXT "v=spf1 include:_spf.hover.test ~all"\n' });
    await vscode.window.showTextDocument(document);
    await waitForCode(document, 'SPF020');
    const queriesBefore = server.received.length;
    const log = vscode.window.createOutputChannel('SPF Doctor hover tests', { log: true });
    const untrusted = new AnalysisService(log, { isTrusted: () => false });
    try {
      const provider = new SpfHoverProvider(untrusted);
      const position = rangeOfText(document, '_spf.hover.test').start;
      const hover = await provider.provideHover(document, position, new vscode.CancellationTokenSource().token);
      const text = (hover?.contents[0] as vscode.MarkdownString | undefined)?.value ?? '';
      assert.ok(text.includes('Live DNS is off or the workspace is not trusted: the record of `_spf.hover.test` is not shown.'), text);
      assert.equal((hover?.contents[0] as vscode.MarkdownString).isTrusted, false);
      assert.equal(server.received.length, queriesBefore);
    } finally {
      untrusted.dispose();
      log.dispose();
    }
  });
});
