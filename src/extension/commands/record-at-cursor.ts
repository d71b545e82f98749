import * as vscode from 'vscode';
import type { SpfRecordSite } from '../../core/analyzer/document';
import { siteAt, type AnalysisService, type DocumentAnalysisState } from '../analysis-service';

/** The SPF record under the cursor of the active editor (or the only record of the document). */
export interface RecordAtCursor {
  editor: vscode.TextEditor;
  state: DocumentAnalysisState;
  site: SpfRecordSite;
}

/** Finds the record under the cursor, or undefined when there is none. */
export function recordAtCursor(service: AnalysisService): RecordAtCursor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !service.isAnalysable(editor.document)) return undefined;
  const state = service.analyzeNow(editor.document);
  if (!state) return undefined;
  const spfSites = state.sync.document.sites.filter((site) => site.version === 'spf');
  const here = siteAt(state, editor.document.offsetAt(editor.selection.active));
  const site = here?.version === 'spf' ? here : spfSites.length === 1 ? spfSites[0] : undefined;
  return site ? { editor, state, site } : undefined;
}
