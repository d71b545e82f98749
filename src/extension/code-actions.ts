/**
 * The lightbulb, in vscode-eslint's order for each finding: its fixes → "Fix all SPF0NN in this
 * document" → "Disable SPF0NN for this record" → "Show documentation for SPF0NN"; and
 * `source.fixAll.spfDoctor` for fix-on-save. Every edit is a WorkspaceEdit built from the core's
 * TextEdits, computed for the document version being shown (a cached DNS analysis of an older
 * version is never used), so one undo restores the text.
 */
import * as vscode from 'vscode';
import { disableCommentEdit } from '../core/analyzer/disable';
import { fixAll } from '../core/analyzer/fix-all';
import { applyFixes, diffAsSingleEdit, selectFixAll } from '../core/analyzer/fixes';
import type { Finding, Fix } from '../core/analyzer/types';
import type { TextEdit } from '../core/text/range';
import type { AnalysisService, DocumentAnalysisState } from './analysis-service';
import { FIX_ALL_KIND_SUFFIX, InternalCommands, Settings, ZONE_LANGUAGE_ID } from './constants';
import { affects, readDocumentSettings } from './settings';
import { diagnosticCode, rangeOf } from './diagnostics/to-diagnostic';
import { renderMessage } from './l10n';

/** `source.fixAll.spfDoctor`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append(FIX_ALL_KIND_SUFFIX);

/** Comment leaders for "Disable … for this record" by language (JSON has no comments). */
const COMMENT_LEADERS: Readonly<Record<string, string>> = { zone: ';', yaml: '#', hcl: '#', javascript: '//', typescript: '//' };

export class SpfCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly service: AnalysisService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.service.analyzeNow(document);
    if (!state) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      const findings = currentFindings(state).filter((finding) => rangeOf(document, finding.range).intersection(range) !== undefined);
      actions.push(...findings.flatMap((finding) => this.actionsFor(document, state, finding, matchingDiagnostics(context, finding, document))));
    }
    // `only` is `source`, `source.fixAll` or ours for fix-on-save and the Source Action menu.
    if (context.only?.contains(FIX_ALL_KIND)) actions.push(...this.fixAllInDocument(document, state));
    return actions;
  }

  /** Every action for one finding, in the fixed order. */
  private actionsFor(document: vscode.TextDocument, state: DocumentAnalysisState, finding: Finding, diagnostics: vscode.Diagnostic[]): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const fixes = finding.fixes ?? [];
    // The core marks its safe fix; a fix that changes who may send mail is offered, never preferred.
    const safe = fixes.filter((fix) => fix.isPreferred && !fix.changesPolicy);
    for (const fix of fixes) {
      const action = new vscode.CodeAction(renderMessage(fix.title), vscode.CodeActionKind.QuickFix);
      action.edit = workspaceEdit(document, fix.edits);
      action.diagnostics = diagnostics;
      action.isPreferred = safe.length === 1 && safe[0] === fix;
      actions.push(action);
    }
    const fixAllEdit = this.fixAllOfCode(state, finding.code);
    if (fixAllEdit) {
      const action = new vscode.CodeAction(vscode.l10n.t('Fix all {0} in this document', finding.code), vscode.CodeActionKind.QuickFix);
      action.edit = workspaceEdit(document, [fixAllEdit]);
      action.diagnostics = diagnostics;
      actions.push(action);
    }
    const leader = COMMENT_LEADERS[state.options.language ?? state.options.kind ?? 'zone'];
    if (finding.recordRange && leader && finding.code !== 'SPF000') {
      const { text, lines } = state.sync.document;
      const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this record', finding.code), vscode.CodeActionKind.QuickFix);
      action.edit = workspaceEdit(document, [disableCommentEdit(text, lines, finding.recordRange, finding.code, leader)]);
      action.diagnostics = diagnostics;
      actions.push(action);
    }
    if (finding.code !== 'SPF000') {
      const action = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', finding.code), vscode.CodeActionKind.QuickFix);
      action.command = { command: InternalCommands.showRuleDocs, title: action.title, arguments: [finding.code] };
      actions.push(action);
    }
    return actions;
  }

  /**
   * One edit fixing every finding of `code` (offered when at least two have a preferred fix).
   * Document-only rules go through the core's multi-pass `fixAll`; DNS rules take one pass of
   * the DNS analysis' preferred fixes.
   */
  private fixAllOfCode(state: DocumentAnalysisState, code: string): TextEdit | undefined {
    const fixable = currentFindings(state).filter((finding) => finding.code === code && finding.fixes?.some((fix) => fix.isPreferred));
    if (fixable.length < 2) return undefined;
    const text = state.sync.document.text;
    const documentOnly = state.sync.findings.some((finding) => finding.code === code);
    if (documentOnly) return fixAll(text, { ...state.options, codes: [code] }).edit;
    return singleEdit(text, selectFixAll(fixable, { codes: [code] }));
  }

  /** `source.fixAll.spfDoctor`: the document-only preferred fixes, pass after pass, as one edit. */
  private fixAllInDocument(document: vscode.TextDocument, state: DocumentAnalysisState): vscode.CodeAction[] {
    const result = fixAll(state.sync.document.text, state.options);
    if (!result.edit) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all auto-fixable SPF problems'), FIX_ALL_KIND);
    action.edit = workspaceEdit(document, [result.edit]);
    return [action];
  }
}

/** The findings of the current version: the DNS analysis when it has finished, else the document-only one. */
function currentFindings(state: DocumentAnalysisState): readonly Finding[] {
  return state.dns?.findings ?? state.sync.findings;
}

function singleEdit(text: string, fixes: Fix[]): TextEdit | undefined {
  const applied = applyFixes(text, fixes);
  return applied.ok ? diffAsSingleEdit(text, applied.text) : undefined;
}

function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const { range, newText } of edits) edit.replace(document.uri, rangeOf(document, range), newText);
  return edit;
}

/** The diagnostics of the context that show this finding (same code, same range). */
function matchingDiagnostics(context: vscode.CodeActionContext, finding: Finding, document: vscode.TextDocument): vscode.Diagnostic[] {
  const range = rangeOf(document, finding.range);
  return context.diagnostics.filter((diagnostic) => diagnosticCode(diagnostic) === finding.code && diagnostic.range.isEqual(range));
}

/**
 * Registers the provider for zone files and the DNS-as-code languages of the settings, and
 * registers it again when `spfDoctor.codeLanguages` changes.
 */
export function registerCodeActions(service: AnalysisService): vscode.Disposable {
  const provider = new SpfCodeActionProvider(service);
  let registration: vscode.Disposable | undefined;
  const register = () => {
    registration?.dispose();
    const languages = [ZONE_LANGUAGE_ID, ...readDocumentSettings(undefined).codeLanguages];
    registration = vscode.languages.registerCodeActionsProvider(languages.map((language) => ({ language })), provider, SpfCodeActionProvider.metadata);
  };
  register();
  const listener = vscode.workspace.onDidChangeConfiguration((event) => affects(event, Settings.codeLanguages) && register());
  return new vscode.Disposable(() => {
    listener.dispose();
    registration?.dispose();
  });
}
