/**
 * Analyze Selection on a whole `.eml` (multipart/report with a quoted-printable part and a
 * message/delivery-status part): the extension reads its MIME structure with postal-mime from
 * `dist/mime.js`, loaded on first use (scripts/bundles.mjs). Were that chunk missing, the bounce
 * reader would give "not a bounce" with the load error as its reason. Live DNS is off here.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalyzeSelectionOutcome } from '../../src/extension/commands/analyze-selection';
import type { BounceOutcome } from '../../src/extension/commands/explain-bounce';
import { Commands } from '../../src/extension/constants';
import { revertAndCloseAll, setSetting } from './diagnostics-helpers';

const emlPath = path.resolve(__dirname, '../../../test/fixtures/bounces/microsoft-5.7.23-qp-receiver-side.eml');

describe('SPF Doctor: Analyze Selection on an .eml', () => {
  before(() => setSetting('dns.enabled', false));
  after(() => setSetting('dns.enabled', undefined));
  afterEach(revertAndCloseAll);

  it('reads a multipart/report bounce with the lazily loaded MIME parser and explains it', async () => {
    const content = readFileSync(emlPath, 'utf8');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content }));
    const { document } = editor;
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.positionAt(document.getText().length));
    const outcome = await vscode.commands.executeCommand<AnalyzeSelectionOutcome>(Commands.analyzeSelection);
    assert.equal(outcome?.analysis.kind, 'bounce');
    assert.equal(outcome.report?.kind, 'bounce');
    const report = outcome.report as BounceOutcome;
    assert.equal(report.diagnosis, 'verdict', report.markdown);
    assert.match(report.markdown, /203\.0\.113\.45/);
    assert.match(report.markdown, /shop\.example\.co\.jp/);
    await vscode.commands.executeCommand(Commands.forgetBouncedSenders, { confirm: true });
  });
});
