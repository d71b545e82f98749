import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, codeOf, openFixtureCopy, rangeOfText, revertAndCloseAll, waitForCode, waitForDiagnostics } from './diagnostics-helpers';

function titles(actions: vscode.CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.edit, `no edit on ${action?.title}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
}

describe('quick fixes', () => {
  afterEach(revertAndCloseAll);

  it('offers fix → alternatives → fix all → disable → docs, with exactly one preferred fix', async () => {
    const { document } = await openFixtureCopy('zones/fixes.zone');
    const diagnostic = await waitForCode(document, 'SPF015');
    const actions = await codeActions(document, diagnostic.range);
    assert.deepEqual(titles(actions), [
      'Write the network as 192.0.2.0/24 (same meaning)',
      'Authorise only the host 192.0.2.7',
      'Disable SPF015 for this record',
      'Show documentation for SPF015',
    ]);
    assert.deepEqual(actions.map((action) => action.isPreferred === true), [true, false, false, false]);
    assert.deepEqual(actions.map((action) => action.kind?.value), ['quickfix', 'quickfix', 'quickfix', 'quickfix']);
    assert.deepEqual(actions[3].command?.arguments, ['SPF015']);
  });

  it('adds "Fix all SPF013 in this document" when two findings of the rule can be fixed', async () => {
    const { document } = await openFixtureCopy('zones/fixes.zone');
    await waitForDiagnostics(document, (list) => list.filter((item) => codeOf(item) === 'SPF013').length === 2, 'two SPF013 diagnostics');
    const actions = await codeActions(document, rangeOfText(document, 'mx', 1));
    assert.deepEqual(titles(actions), ['Remove the repeated "mx"', 'Fix all SPF013 in this document', 'Disable SPF013 for this record', 'Show documentation for SPF013']);
    await apply(actions[1]);
    assert.ok(document.getText().includes('dup1  IN TXT "v=spf1 ip4:192.0.2.1 -all"\ndup2  IN TXT "v=spf1 mx -all"\n'), document.getText());
    await waitForDiagnostics(document, (list) => !list.some((item) => codeOf(item) === 'SPF013'), 'SPF013 to disappear');
  });

  it('applies the preferred fix as one WorkspaceEdit: the diagnostic goes, one undo restores every byte', async () => {
    const editor = await openFixtureCopy('zones/fixes.zone');
    const { document } = editor;
    const original = document.getText();
    const diagnostic = await waitForCode(document, 'SPF015');
    const preferred = (await codeActions(document, diagnostic.range)).find((action) => action.isPreferred);
    await apply(preferred);
    assert.ok(document.getText().includes('net1  IN TXT "v=spf1 ip4:192.0.2.0/24 -all"'));
    await waitForDiagnostics(document, (list) => !list.some((item) => codeOf(item) === 'SPF015'), 'SPF015 to disappear');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
    await waitForCode(document, 'SPF015');
  });

  it('"Disable SPF015 for this record" writes a comment the analyzer understands', async () => {
    const { document } = await openFixtureCopy('zones/fixes.zone');
    const diagnostic = await waitForCode(document, 'SPF015');
    const disable = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Disable SPF015 for this record');
    await apply(disable);
    assert.ok(document.getText().includes('dup2  IN TXT "v=spf1 mx mx -all"\n; spf-doctor-disable SPF015\nnet1  IN TXT'), document.getText());
    const diagnostics = await waitForDiagnostics(document, (list) => !list.some((item) => codeOf(item) === 'SPF015'), 'SPF015 to disappear');
    assert.ok(diagnostics.some((item) => codeOf(item) === 'SPF013'), 'other rules still report');
  });

  it('source.fixAll.spfDoctor applies every safe fix in one edit, and nothing fixable is left', async () => {
    const { document } = await openFixtureCopy('zones/fixes.zone');
    await waitForCode(document, 'SPF005');
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await codeActions(document, whole, 'source.fixAll.spfDoctor');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind?.value, 'source.fixAll.spfDoctor');
    await apply(actions[0]);
    assert.equal(
      document.getText(),
      [
        '$ORIGIN fixes.example.',
        '$TTL 3600',
        'dup1  IN TXT "v=spf1 ip4:192.0.2.1 -all"',
        'dup2  IN TXT "v=spf1 mx -all"',
        'net1  IN TXT "v=spf1 ip4:192.0.2.0/24 -all"',
        'up    IN TXT "v=spf1 -all"',
        '',
      ].join('\n'),
    );
    await waitForDiagnostics(document, (list) => list.length === 0, 'no diagnostics after fix all');
    assert.deepEqual(await codeActions(document, whole, 'source.fixAll.spfDoctor'), []);
  });
});
