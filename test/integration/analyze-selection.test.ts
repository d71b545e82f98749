import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalyzeSelectionOutcome } from '../../src/extension/commands/analyze-selection';
import { Commands } from '../../src/extension/constants';
import { closeAllEditors, openFixture } from './helpers';

function selectText(editor: vscode.TextEditor, needle: string): void {
  const text = editor.document.getText();
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `"${needle}" is not in ${editor.document.uri.path}`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + needle.length));
}

describe('SPF Doctor: Analyze Selection', () => {
  afterEach(closeAllEditors);

  it('finds the SPF record in a selected zone-file line', async () => {
    const editor = await openFixture('example.zone');
    selectText(editor, '@       IN TXT "v=spf1 include:_spf.example.net ~all"');
    const outcome = await vscode.commands.executeCommand<AnalyzeSelectionOutcome>(Commands.analyzeSelection);
    assert.equal(outcome?.scope, 'selection');
    assert.equal(outcome.analysis.kind, 'spf-record');
    assert.equal(outcome.analysis.kind === 'spf-record' && outcome.analysis.record, 'v=spf1 include:_spf.example.net ~all');
  });

  it('analyses the line under the cursor when nothing is selected', async () => {
    const editor = await openFixture('bounce.txt');
    const secondLine = editor.document.lineAt(1).range.start;
    editor.selection = new vscode.Selection(secondLine, secondLine);
    const outcome = await vscode.commands.executeCommand<AnalyzeSelectionOutcome>(Commands.analyzeSelection);
    assert.equal(outcome?.scope, 'line');
    assert.equal(outcome.analysis.kind, 'bounce');
    assert.equal(outcome.analysis.kind === 'bounce' && outcome.analysis.enhancedStatus, '5.7.26');
  });

  it('explains why a selection without SPF record or bounce is of no use', async () => {
    const editor = await openFixture('example.zone');
    selectText(editor, 'www        A   203.0.113.10');
    const outcome = await vscode.commands.executeCommand<AnalyzeSelectionOutcome>(Commands.analyzeSelection);
    assert.equal(outcome?.analysis.kind, 'unknown');
    assert.match(outcome.analysis.reason, /No SPF record/);
  });
});
