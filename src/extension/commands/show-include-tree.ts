/**
 * "SPF Doctor: Show Include Tree": the include tree of the SPF record under the cursor, with
 * the DNS lookups per term and in total (RFC 7208 §4.6.4), as a report beside the editor.
 */
import * as vscode from 'vscode';
import { siteDomain } from '../../core/analyzer/dns/draft-resolver';
import { renderTreeReport } from '../../core/report/record-report';
import { reportLanguageFor } from '../../core/report/report-text';
import type { CommandContext } from './command-context';
import { recordAtCursor } from './record-at-cursor';

/** What the command showed (returned to `executeCommand` callers). */
export interface IncludeTreeOutcome {
  domain: string;
  reportUri: string;
  markdown: string;
}

export async function runShowIncludeTree(context: CommandContext): Promise<IncludeTreeOutcome | undefined> {
  const at = recordAtCursor(context.service);
  if (!at) {
    void vscode.window.showWarningMessage(vscode.l10n.t('SPF Doctor: put the cursor on an SPF record in a zone file or DNS-as-code file.'));
    return undefined;
  }
  const domain = siteDomain(at.site);
  const state = await context.service.analyzeWithDns(at.editor.document, new AbortController().signal);
  const tree = state?.trees?.get(at.site.index);
  if (domain === undefined || !tree) {
    void vscode.window.showWarningMessage(vscode.l10n.t('SPF Doctor: this record has no owner name, so its include tree cannot be walked. Use "Check Domain…" with the domain.'));
    return undefined;
  }
  const markdown = renderTreeReport(domain, at.site.value.value, tree, state?.dnsMode ?? context.service.resolver().mode, reportLanguageFor(vscode.env.language));
  const reportUri = await context.reports.show(`include-tree-${domain}`, markdown);
  return { domain, reportUri: reportUri.toString(), markdown };
}
