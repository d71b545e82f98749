/**
 * "SPF Doctor: Copy Fixed Record": copies the value of the SPF record under the cursor, as a
 * DNS provider's panel takes it (strings joined, no quotes). When the bounce verdict (SPF026)
 * still has its preferred fix pending, the value is copied with that fix applied.
 */
import * as vscode from 'vscode';
import { readDocument } from '../../core/analyzer/document';
import { applyFixes } from '../../core/analyzer/fixes';
import type { CommandContext } from './command-context';
import { recordAtCursor } from './record-at-cursor';

/** What was copied (returned to `executeCommand` callers). */
export interface CopyFixedRecordOutcome {
  value: string;
  /** True when a pending preferred SPF026 fix was applied to the copied value. */
  fixApplied: boolean;
}

export async function runCopyFixedRecord(context: CommandContext): Promise<CopyFixedRecordOutcome | undefined> {
  const at = recordAtCursor(context.service);
  if (!at) {
    void vscode.window.showWarningMessage(vscode.l10n.t('SPF Doctor: put the cursor on an SPF record to copy it.'));
    return undefined;
  }
  const state = (await context.service.analyzeWithDns(at.editor.document, new AbortController().signal)) ?? at.state;
  const text = state.sync.document.text;
  const fix = state.dns?.findings
    .find((finding) => finding.code === 'SPF026' && finding.recordRange?.start === at.site.range.start)
    ?.fixes?.find((candidate) => candidate.isPreferred && !candidate.changesPolicy);
  let value = at.site.value.value;
  const applied = fix ? applyFixes(text, [fix]) : undefined;
  const fixedSite = applied?.ok ? readDocument(applied.text, { kind: state.sync.document.kind, origin: state.options.origin, language: state.options.language }).sites[at.site.index] : undefined;
  if (fixedSite) value = fixedSite.value.value;
  await vscode.env.clipboard.writeText(value);
  void vscode.window.showInformationMessage(vscode.l10n.t('SPF Doctor: copied the record value: {0}', value));
  context.log.info(`Copied record value${fixedSite ? ' (with the SPF026 fix)' : ''}: ${value}`);
  return { value, fixApplied: fixedSite !== undefined };
}
