/**
 * "SPF Doctor: Analyze Selection": works on a selected bounce, TXT line, raw record, DNS-as-code
 * string or whole zone. Without a selection: the SPF record under the cursor (in a file SPF
 * Doctor analyses), else the line under the cursor when it holds a record, else the document.
 * The core's `analyzeSelection` says what the text is and which reader reads it; a bounce gets
 * the bounce report, records get the record report, anything else a message saying why not.
 */
import * as vscode from 'vscode';
import { analyzeSelection, type SelectionAnalysis } from '../../core/analyze-selection';
import { siteAt } from '../analysis-service';
import type { CommandContext } from './command-context';
import { explainBounce, type BounceOutcome } from './explain-bounce';
import { reportDocumentRecords, reportTextRecords, type RecordsOutcome } from './report-records';

/** Which text the command analysed. */
export type AnalyzedScope = 'selection' | 'record' | 'line' | 'document';

/** What the command returns (to callers of `executeCommand`, e.g. tests). */
export interface AnalyzeSelectionOutcome {
  scope: AnalyzedScope;
  analysis: SelectionAnalysis;
  report?: BounceOutcome | RecordsOutcome;
}

export async function runAnalyzeSelection(context: CommandContext): Promise<AnalyzeSelectionOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('SPF Doctor: open an editor and select an SPF record or a bounce message.'));
    return undefined;
  }
  const { document } = editor;
  const options = context.service.analysisOptions(document);
  const analysable = options !== undefined;
  const picked = pickText(editor, context);
  const codeLanguage = options?.kind === 'code' ? options.language : undefined;
  const analysis = analyzeSelection(picked.text, codeLanguage ? { codeLanguage } : {});
  context.log.info(`Analyze Selection (${picked.outcome.scope} of ${document.uri.toString()}): ${analysis.kind}`);
  try {
    if (analysis.kind === 'bounce') {
      return { ...picked.outcome, analysis, report: await withProgress(vscode.l10n.t('Explaining the bounce…'), () => explainBounce(picked.text, context)) };
    }
    if (analysis.kind === 'spf-record') {
      const report = await withProgress(vscode.l10n.t('Analysing the SPF record…'), async () =>
        (analysable ? await reportDocumentRecords(document, picked.range, context) : undefined) ?? (await reportTextRecords(analysis.input, analysis.reader, context)),
      );
      return { ...picked.outcome, analysis, report };
    }
  } catch (error) {
    context.log.error(`Analyze Selection failed: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('SPF Doctor could not analyse the selection: {0}', String(error)));
    return { ...picked.outcome, analysis };
  }
  void vscode.window.showWarningMessage(unusableMessage(analysis));
  return { ...picked.outcome, analysis };
}

interface PickedText {
  text: string;
  /** Offsets of the text in the document. */
  range: { start: number; end: number };
  outcome: { scope: AnalyzedScope };
}

function pickText(editor: vscode.TextEditor, context: CommandContext): PickedText {
  const { document, selection } = editor;
  const whole = { text: document.getText(), range: { start: 0, end: document.getText().length }, outcome: { scope: 'document' as const } };
  if (!selection.isEmpty) {
    const range = { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
    return { text: document.getText(selection), range, outcome: { scope: 'selection' } };
  }
  const offset = document.offsetAt(selection.active);
  const state = context.service.isAnalysable(document) ? context.service.analyzeNow(document) : undefined;
  const site = state ? siteAt(state, offset) : undefined;
  if (site) return { text: document.getText().slice(site.range.start, site.range.end), range: site.range, outcome: { scope: 'record' } };
  const line = document.lineAt(selection.active.line);
  // A bounce is read whole (its facts are spread over many lines); a record line is read alone.
  if (!line.isEmptyOrWhitespace && analyzeSelection(line.text).kind === 'spf-record') {
    return { text: line.text, range: { start: document.offsetAt(line.range.start), end: document.offsetAt(line.range.end) }, outcome: { scope: 'line' } };
  }
  return whole;
}

function unusableMessage(analysis: SelectionAnalysis): string {
  switch (analysis.kind) {
    case 'empty':
      return vscode.l10n.t('SPF Doctor: the selection is empty. Select an SPF record or a bounce message.');
    case 'binary':
      return vscode.l10n.t('SPF Doctor: the selection looks binary (control character at offset {0}).', analysis.offset);
    case 'too-large':
      return vscode.l10n.t('SPF Doctor: the selection is too large. Select the SPF record or the bounce message only.');
    default:
      return vscode.l10n.t('SPF Doctor: no SPF record ("v=spf1 ...") and no bounce (an SMTP 4xx/5xx reply with a status such as 5.7.26) found.');
  }
}

function withProgress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, task);
}
