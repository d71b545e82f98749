/**
 * "SPF Doctor: Analyze Selection" on what is not the seed bounce: record selections in a zone
 * file, a TXT line and a raw value in plain text, DNS-as-code, the record under the cursor, and
 * text it cannot use. Live DNS is off here, so the reports must say no query was sent.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalyzeSelectionOutcome } from '../../src/extension/commands/analyze-selection';
import type { RecordsOutcome } from '../../src/extension/commands/report-records';
import { Commands } from '../../src/extension/constants';
import { revertAndCloseAll, setSetting } from './diagnostics-helpers';
import { openFixture } from './helpers';
import { reportText } from './seed-support';

function selectText(editor: vscode.TextEditor, needle: string): void {
  const text = editor.document.getText();
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `"${needle}" is not in ${editor.document.uri.path}`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + needle.length));
}

async function analyze(): Promise<AnalyzeSelectionOutcome> {
  const outcome = await vscode.commands.executeCommand<AnalyzeSelectionOutcome>(Commands.analyzeSelection);
  assert.ok(outcome);
  return outcome;
}

async function openText(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content }));
}

function records(outcome: AnalyzeSelectionOutcome): RecordsOutcome {
  assert.equal(outcome.report?.kind, 'records');
  return outcome.report as RecordsOutcome;
}

describe('SPF Doctor: Analyze Selection', () => {
  before(() => setSetting('dns.enabled', false));
  after(() => setSetting('dns.enabled', undefined));
  afterEach(revertAndCloseAll);

  it('reports the selected zone-file record with its findings, and says that no DNS query was sent', async () => {
    const editor = await openFixture('example.zone');
    selectText(editor, '@       IN TXT "v=spf1 include:_spf.example.net ~all"');
    const outcome = await analyze();
    assert.equal(outcome.scope, 'selection');
    assert.equal(outcome.analysis.kind, 'spf-record');
    const report = records(outcome);
    assert.equal(report.records, 1);
    assert.equal(await reportText(report.reportUri), report.markdown);
    assert.match(report.markdown, /^## `legacy\.example\.co\.jp` \(line 7\)$/m);
    assert.match(report.markdown, /`v=spf1 include:_spf\.example\.net ~all`/);
    assert.match(report.markdown, /No DNS query was sent: live DNS is off/);
  });

  it('reports the record under the cursor when nothing is selected', async () => {
    const editor = await openFixture('db.example.com');
    const cursor = editor.document.positionAt(editor.document.getText().indexOf('-all'));
    editor.selection = new vscode.Selection(cursor, cursor);
    const outcome = await analyze();
    assert.equal(outcome.scope, 'record');
    assert.match(records(outcome).markdown, /`v=spf1 ip4:192\.0\.2\.0\/24 -all`/);
  });

  it('reads a TXT line in plain text with the TXT-line reader and a raw value with the raw reader', async () => {
    const line = await openText('mail.example.net. 300 IN TXT "v=spf1 ptr -all"\n');
    line.selection = new vscode.Selection(new vscode.Position(0, 0), new vscode.Position(0, 47));
    const fromLine = await analyze();
    assert.deepEqual(fromLine.analysis.kind === 'spf-record' && fromLine.analysis.reader, { kind: 'txt-line' });
    assert.match(records(fromLine).markdown, /^## `mail\.example\.net`$/m);
    assert.match(records(fromLine).markdown, /SPF010/, 'the ptr finding is reported');

    const raw = await openText('Paste this into the panel: v=spf1 mx ~all\n');
    raw.selection = new vscode.Selection(new vscode.Position(0, 0), new vscode.Position(0, 0));
    const fromRaw = await analyze();
    assert.equal(fromRaw.scope, 'line');
    assert.deepEqual(fromRaw.analysis.kind === 'spf-record' && fromRaw.analysis.reader, { kind: 'raw' });
    assert.match(records(fromRaw).markdown, /The record has no owner name, so its include tree cannot be walked/);
  });

  it('reads a DNS-as-code string with the code reader of its language', async () => {
    const editor = await openText('records:\n  - name: example.org\n    type: TXT\n    value: "v=spf1 ip4:192.0.2.1 ?all"\n', 'yaml');
    selectText(editor, '"v=spf1 ip4:192.0.2.1 ?all"');
    const outcome = await analyze();
    assert.deepEqual(outcome.analysis.kind === 'spf-record' && outcome.analysis.reader, { kind: 'code', language: 'yaml' });
    assert.match(records(outcome).markdown, /`v=spf1 ip4:192\.0\.2\.1 \?all`/);
  });

  it('reads the bounce under the cursor as a whole document', async () => {
    const editor = await openFixture('bounce.txt');
    const secondLine = editor.document.lineAt(1).range.start;
    editor.selection = new vscode.Selection(secondLine, secondLine);
    const outcome = await analyze();
    assert.equal(outcome.scope, 'document');
    assert.equal(outcome.analysis.kind === 'bounce' && outcome.analysis.enhancedStatus, '5.7.26');
    assert.equal(outcome.report?.kind, 'bounce');
    assert.match(outcome.report.markdown, /No DNS query was sent: live DNS is off/);
    await vscode.commands.executeCommand(Commands.forgetBouncedSenders, { confirm: true });
  });

  it('explains why a selection without SPF record or bounce is of no use, and opens no report', async () => {
    const editor = await openFixture('example.zone');
    selectText(editor, 'www        A   203.0.113.10');
    const outcome = await analyze();
    assert.equal(outcome.analysis.kind, 'unknown');
    assert.equal(outcome.report, undefined);
  });
});
