import * as vscode from 'vscode';
import { analyzeSelection, type SelectionAnalysis } from '../../core/analyze-selection';

/** Which text the command analysed. */
export type AnalyzedScope = 'selection' | 'line' | 'document';

/** What the command returns (to callers of `executeCommand`, e.g. tests). */
export interface AnalyzeSelectionOutcome {
  scope: AnalyzedScope;
  analysis: SelectionAnalysis;
}

/**
 * "SPF Doctor: Analyze Selection": classifies the selection (without one, the line under the
 * cursor; when that line is blank, the whole document), shows the outcome and logs details.
 */
export async function runAnalyzeSelection(log: vscode.LogOutputChannel): Promise<AnalyzeSelectionOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('SPF Doctor: open an editor and select an SPF record or a bounce message.');
    return undefined;
  }
  const { scope, text } = pickText(editor);
  const analysis = analyzeSelection(text);
  log.info(`Analyze Selection (${scope} of ${editor.document.uri.toString()}): ${analysis.kind}`);
  log.info(analysis.reason);
  const message = `SPF Doctor: ${analysis.reason}`;
  if (analysis.kind === 'spf-record' || analysis.kind === 'bounce') void vscode.window.showInformationMessage(message);
  else void vscode.window.showWarningMessage(message);
  return { scope, analysis };
}

function pickText(editor: vscode.TextEditor): { scope: AnalyzedScope; text: string } {
  const { document, selection } = editor;
  if (!selection.isEmpty) return { scope: 'selection', text: document.getText(selection) };
  const line = document.lineAt(selection.active.line);
  if (!line.isEmptyOrWhitespace) return { scope: 'line', text: line.text };
  return { scope: 'document', text: document.getText() };
}
