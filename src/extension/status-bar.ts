/**
 * The status bar item: DNS lookups used by the SPF record under the cursor (`SPF 7/10`,
 * RFC 7208 §4.6.4). With a finished DNS analysis the count goes through every include and
 * redirect; before it, or when DNS is off, it counts the record's own DNS-querying terms and the
 * tooltip says so.
 */
import * as vscode from 'vscode';
import type { SpfRecord } from '../core/spf/ast';
import { siteAt, type AnalysisService } from './analysis-service';
import { LOOKUP_LIMIT } from './constants';

/** `include`, `a`, `mx`, `ptr`, `exists` and `redirect` each cost one lookup (RFC 7208 §4.6.4). */
const QUERYING_MECHANISMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

/** The record's own DNS-querying terms, without following includes. */
export function documentOnlyLookups(record: SpfRecord): number {
  return record.mechanisms.filter((term) => QUERYING_MECHANISMS.has(term.name)).length + (record.redirect ? 1 : 0);
}

export class LookupStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('spfDoctor.lookups', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly service: AnalysisService) {
    this.item.name = vscode.l10n.t('SPF Doctor: DNS lookups');
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((event) => event.textEditor === vscode.window.activeTextEditor && this.update()),
      service.onDidChangeAnalysis((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.update()),
    );
    this.update();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const state = editor && this.service.isAnalysable(editor.document) ? this.service.latest(editor.document) : undefined;
    const site = state && editor ? siteAt(state, editor.document.offsetAt(editor.selection.active)) : undefined;
    if (!state || !site || site.version !== 'spf') {
      this.item.hide();
      return;
    }
    const tree = state.trees?.get(site.index);
    const tooltip = new vscode.MarkdownString();
    if (tree && state.dnsMode?.live) {
      const atLeast = tree.complete ? '' : '≥';
      this.item.text = `SPF ${atLeast}${tree.dnsLookups}/${tree.limits.dnsTerms}`;
      tooltip.appendMarkdown(vscode.l10n.t('DNS lookups of this record through every include and redirect: {0} of {1} (RFC 7208 §4.6.4).', `${atLeast}${tree.dnsLookups}`, tree.limits.dnsTerms));
      if (!tree.complete) tooltip.appendMarkdown('\n\n' + vscode.l10n.t('Some names could not be resolved, so this is a lower bound.'));
    } else {
      this.item.text = `SPF ${documentOnlyLookups(site.record)}/${LOOKUP_LIMIT}`;
      tooltip.appendMarkdown(vscode.l10n.t('DNS-querying terms written in this record: {0} of {1}. Includes and redirects are not followed, so the real count can be higher.', documentOnlyLookups(site.record), LOOKUP_LIMIT));
      tooltip.appendMarkdown('\n\n' + this.whyDocumentOnly(state.dnsMode));
    }
    this.item.tooltip = tooltip;
    this.item.backgroundColor = this.overLimit(state, site.index, site.record) ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  private whyDocumentOnly(mode: { live: boolean; reason?: string } | undefined): string {
    if (mode?.reason === 'untrusted') return vscode.l10n.t('Live DNS is off because this workspace is not trusted.');
    if (mode?.reason === 'disabled') return vscode.l10n.t('Live DNS is off (setting spfDoctor.dns.enabled).');
    return vscode.l10n.t('The DNS analysis has not finished yet.');
  }

  private overLimit(state: { trees?: ReadonlyMap<number, { dnsLookups: number }> }, index: number, record: SpfRecord): boolean {
    return (state.trees?.get(index)?.dnsLookups ?? documentOnlyLookups(record)) > LOOKUP_LIMIT;
  }
}
