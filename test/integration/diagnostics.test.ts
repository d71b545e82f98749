import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, InternalCommands, RULE_DOCS_BASE_URL } from '../../src/extension/constants';
import { openFixture } from './helpers';
import { codeOf, openFixtureCopy, rangeOfText, revertAndCloseAll, setSetting, spfDiagnostics, waitForCode, waitForDiagnostics } from './diagnostics-helpers';

describe('diagnostics', () => {
  afterEach(async () => {
    await setSetting('rules', undefined);
    await setSetting('enable', undefined);
    await setSetting('run', undefined);
    await revertAndCloseAll();
  });

  it('reports a term split across two strings with its whole document range, code link, severity and tag', async () => {
    const { document } = await openFixture('zones/diagnostics.zone');
    const diagnostic = await waitForCode(document, 'SPF008');
    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'SPF008');
    assert.equal(code.target.toString(true), `${RULE_DOCS_BASE_URL}/SPF008.md`);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    // From the first piece "ip4:198.51." on line 5 to the end of "100.7" on line 6.
    const first = rangeOfText(document, 'ip4:198.51.');
    const last = rangeOfText(document, '100.7');
    assert.ok(first.start.line !== last.start.line, 'the fixture splits the term across lines');
    assert.deepEqual(diagnostic.range, new vscode.Range(first.start, last.end));
    assert.deepEqual(diagnostic.tags, [vscode.DiagnosticTag.Unnecessary]);
  });

  it('points related information at the first of two repeated terms', async () => {
    const { document } = await openFixture('zones/fixes.zone');
    const diagnostics = await waitForDiagnostics(document, (list) => list.filter((item) => codeOf(item) === 'SPF013').length === 2, 'two SPF013 diagnostics');
    const repeated = diagnostics.find((item) => codeOf(item) === 'SPF013' && item.range.isEqual(rangeOfText(document, 'ip4:192.0.2.1', 1)));
    assert.ok(repeated, 'SPF013 on the second ip4:192.0.2.1');
    const related = repeated.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri.toString(), document.uri.toString());
    assert.deepEqual(related[0].location.range, rangeOfText(document, 'ip4:192.0.2.1', 0));
  });

  it('drops a rule set to "off" in spfDoctor.rules and keeps the others', async () => {
    const { document } = await openFixture('zones/diagnostics.zone');
    await waitForCode(document, 'SPF006');
    await setSetting('rules', { 'permissive-all': 'off' });
    const diagnostics = await waitForDiagnostics(document, (list) => !list.some((item) => codeOf(item) === 'SPF006'), 'SPF006 to disappear');
    assert.ok(diagnostics.some((item) => codeOf(item) === 'SPF008'), 'SPF008 is still reported');
    await setSetting('rules', { SPF008: 'error' });
    const raised = await waitForDiagnostics(document, (list) => list.some((item) => codeOf(item) === 'SPF008' && item.severity === vscode.DiagnosticSeverity.Error), 'SPF008 as an error');
    assert.ok(raised.some((item) => codeOf(item) === 'SPF006'), 'SPF006 is back once the setting no longer turns it off');
  });

  it('updates as you type and clears when turned off', async () => {
    const editor = await openFixtureCopy('zones/diagnostics.zone');
    const { document } = editor;
    await waitForCode(document, 'SPF006');
    await editor.edit((builder) => builder.replace(rangeOfText(document, '?all'), '-all'));
    await waitForDiagnostics(document, (list) => !list.some((item) => codeOf(item) === 'SPF006') && list.length > 0, 'SPF006 to disappear after the edit');
    await setSetting('enable', false);
    await waitForDiagnostics(document, (list) => list.length === 0, 'all diagnostics to be cleared');
    assert.deepEqual(spfDiagnostics(document), []);
  });

  it('reports v=spf1 strings in DNS-as-code files (YAML)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: "records:\n  - type: TXT\n    value: 'v=spf1 mx mx -all'\n" });
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitForCode(document, 'SPF013');
    assert.deepEqual(diagnostic.range, rangeOfText(document, 'mx', 1));
  });

  it('in manual mode checks only when asked (SPF Doctor: Check SPF Records in This File)', async () => {
    await setSetting('run', 'manual');
    const untouched = await vscode.workspace.openTextDocument({ language: 'zone', content: '@ IN TXT "v=spf1 mx mx -all"\n' });
    const asked = await vscode.workspace.openTextDocument({ language: 'zone', content: '@ IN TXT "v=spf1 a a -all"\n' });
    await vscode.window.showTextDocument(asked);
    await vscode.commands.executeCommand(InternalCommands.runDiagnostics);
    await waitForCode(asked, 'SPF013');
    // An automatic run of the document opened first would have been scheduled, with the same
    // zero delay, before the command's run: it would have published by now.
    assert.deepEqual(spfDiagnostics(untouched), []);
  });
});
