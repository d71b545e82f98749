/**
 * The seed case end to end through the real extension host: Analyze Selection on the Gmail
 * bounce → the report with the right facts → SPF026 on the record of the workspace's zone file →
 * the preferred ip4 fix first in the lightbulb → applied, the verdict becomes pass → one undo
 * restores the text. Then the untitled-snippet path for a domain only DNS knows, with Copy Fixed
 * Record. Names outside the zone come from a DNS server the suite starts on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/constants';
import type { CopyFixedRecordOutcome } from '../../src/extension/commands/copy-fixed-record';
import { TestDnsServer } from '../support/dns-server';
import { codeActions, codeOf, revertAndCloseAll, spfDiagnostics, useTestDnsServer, waitForDiagnostics } from './diagnostics-helpers';
import { fixtureWorkspace, openFixture } from './helpers';
import { analyzeWholeBounce, markdownPreviewOpen, newsBounce, OUTSIDE_RECORDS, reportText, SEED_ZONE } from './seed-support';

const isProblem = (diagnostic: vscode.Diagnostic) =>
  codeOf(diagnostic) === 'SPF026' && (diagnostic.severity === vscode.DiagnosticSeverity.Error || diagnostic.severity === vscode.DiagnosticSeverity.Warning);
const isPass = (diagnostic: vscode.Diagnostic) => codeOf(diagnostic) === 'SPF026' && /now gets pass/.test(diagnostic.message);

describe('seed case: bounce → report → diagnostic → fix', () => {
  const server = new TestDnsServer(OUTSIDE_RECORDS);

  useTestDnsServer(server, 1000);

  beforeEach(() => vscode.commands.executeCommand(Commands.forgetBouncedSenders, { confirm: true }));
  afterEach(revertAndCloseAll);

  it('explains the Gmail bounce, flags the zone record and fixes it with the preferred ip4 fix (undo restores it)', async () => {
    const outcome = await analyzeWholeBounce(await openFixture('seed/gmail-5.7.26-via-postfix.txt'));
    assert.equal(outcome.diagnosis, 'verdict');
    const report = await reportText(outcome.reportUri);
    assert.equal(report, outcome.markdown);
    assert.ok(markdownPreviewOpen(), 'the report is shown in a Markdown preview');
    assert.match(report, /Receiver: \*\*Gmail\*\* `gmail-smtp-in\.l\.google\.com`/);
    assert.match(report, /Status: `550 5\.7\.26` — multiple authentication checks failed/);
    assert.match(report, /Client IP: \*\*`203\.0\.113\.45`\*\*/);
    assert.match(report, /SPF domain: \*\*`shop\.example\.co\.jp`\*\*/);
    assert.match(report, /not 550-5\.7\.26 pass with ip: \[203\.0\.113\.45\]/, 'the evidence line is quoted');
    assert.match(report, /\| SPF \| \*\*fail\*\* \|\n\| DKIM \| \*\*fail\*\* \|/);
    assert.match(report, /`v=spf1 \+a:sv1234\.xserver\.jp \+a:shop\.example\.co\.jp \+mx include:spf\.sender\.xserver\.jp ~all`/);
    assert.match(report, /`203\.0\.113\.45` gets \*\*softfail\*\* from `~all` for `shop\.example\.co\.jp`/);
    assert.match(report, /DNS lookups: 4\/10, void lookups: 0\/2/);
    assert.match(report, /`v=spf1 \+a:sv1234\.xserver\.jp \+a:shop\.example\.co\.jp \+mx include:spf\.sender\.xserver\.jp \+ip4:203\.0\.113\.45 ~all`/);
    assert.ok(!report.includes('142.250.102.26'), "Gmail's own server address is never reported as the client");

    const zoneUri = vscode.Uri.file(`${fixtureWorkspace}/${SEED_ZONE}`);
    assert.equal(outcome.zoneUri, zoneUri.toString());
    assert.match(report, new RegExp(`\\(${zoneUri.toString().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L17\\)`), 'the report links to the record line');
    const zone = vscode.workspace.textDocuments.find((document) => document.uri.toString() === zoneUri.toString());
    assert.ok(zone, 'the zone file is opened at the record');
    const original = zone.getText();

    const [diagnostic] = (await waitForDiagnostics(zone, (list) => list.some(isProblem), 'SPF026 on the zone record')).filter(isProblem);
    assert.equal(diagnostic.range.start.line, 16);
    const actions = await codeActions(zone, diagnostic.range);
    assert.ok(actions.length > 0);
    const [first] = actions;
    assert.equal(first.isPreferred, true);
    assert.equal(first.title, 'Authorize 203.0.113.45 (from the Gmail bounce) — result becomes pass, 4/10 lookups');
    assert.equal(actions.filter((action) => action.isPreferred).length, 1);

    assert.ok(first.edit && (await vscode.workspace.applyEdit(first.edit)));
    assert.equal(
      zone.lineAt(16).text,
      '@       IN TXT  "v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp +ip4:203.0.113.45 ~all"',
    );
    const after = await waitForDiagnostics(zone, (list) => !list.some(isProblem) && list.some(isPass), 'the verdict pass after the fix');
    assert.equal(after.find(isPass)?.severity, vscode.DiagnosticSeverity.Information);

    await vscode.window.showTextDocument(zone);
    await vscode.commands.executeCommand('undo');
    assert.equal(zone.getText(), original);
    await waitForDiagnostics(zone, (list) => list.some(isProblem), 'SPF026 back after the undo');
  });

  it('opens the live record as an untitled zone snippet when no workspace zone holds it; Copy Fixed Record copies the fixed value', async () => {
    const bounce = await vscode.workspace.openTextDocument({ language: 'plaintext', content: newsBounce() });
    const outcome = await analyzeWholeBounce(await vscode.window.showTextDocument(bounce));
    assert.equal(outcome.diagnosis, 'verdict');
    assert.equal(outcome.zoneUri, undefined);
    const snippet = vscode.workspace.textDocuments.find((document) => document.uri.toString() === outcome.snippetUri);
    assert.ok(snippet, 'the snippet is open');
    assert.equal(snippet.languageId, 'zone');
    assert.equal(snippet.getText(), 'news.example.org. 3600 IN TXT "v=spf1 include:spf.sender.xserver.jp ~all"\n');
    assert.match(outcome.markdown, /From DNS\. An untitled zone snippet/);
    assert.ok(outcome.markdown.includes('`198.51.100.77` gets **softfail** from `~all` for `news.example.org`'));

    await waitForDiagnostics(snippet, (list) => list.some(isProblem), 'SPF026 on the snippet');
    const editor = await vscode.window.showTextDocument(snippet);
    editor.selection = new vscode.Selection(new vscode.Position(0, 40), new vscode.Position(0, 40));
    const copied = await vscode.commands.executeCommand<CopyFixedRecordOutcome>(Commands.copyFixedRecord);
    assert.deepEqual(copied, { value: 'v=spf1 include:spf.sender.xserver.jp ip4:198.51.100.77 ~all', fixApplied: true });
    assert.equal(await vscode.env.clipboard.readText(), 'v=spf1 include:spf.sender.xserver.jp ip4:198.51.100.77 ~all');
    assert.equal(spfDiagnostics(snippet).filter(isProblem).length, 1, 'copying does not edit the snippet');
  });
});
