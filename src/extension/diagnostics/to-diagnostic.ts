/**
 * Findings of the core as VS Code diagnostics: exact ranges (offsets of the analysed text, which
 * is the document's text), the rule code linking to its doc page, related places, and tags.
 */
import * as vscode from 'vscode';
import type { Finding, ReportedSeverity } from '../../core/analyzer/types';
import { DIAGNOSTIC_SOURCE, RULE_DOCS_BASE_URL } from '../constants';
import { renderMessage } from '../l10n';

const SEVERITIES: Record<ReportedSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Rules whose findings mark terms that never take effect: faded as unnecessary code. */
const UNNECESSARY = new Set(['SPF008', 'SPF009', 'SPF013', 'SPF014']);
/** Rules about what RFC 7208 deprecates (the SPF RR type, §3.1; ptr, §5.5): struck through. */
const DEPRECATED = new Set(['SPF004', 'SPF010']);
/** Codes with a doc page (SPF000, a crashed rule, has none). */
const RULE_CODE = /^SPF0(?!00)\d\d$/;

/** The doc page of a rule, online. */
export function ruleDocsUri(code: string): vscode.Uri {
  return vscode.Uri.parse(`${RULE_DOCS_BASE_URL}/${code}.md`);
}

/** One diagnostic for one finding of `document`'s analysis. */
export function toDiagnostic(finding: Finding, document: vscode.TextDocument): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(document, finding.range), renderMessage(finding.message), SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = RULE_CODE.test(finding.code) ? { value: finding.code, target: ruleDocsUri(finding.code) } : finding.code;
  const tags: vscode.DiagnosticTag[] = [];
  if (UNNECESSARY.has(finding.code)) tags.push(vscode.DiagnosticTag.Unnecessary);
  if (DEPRECATED.has(finding.code)) tags.push(vscode.DiagnosticTag.Deprecated);
  if (tags.length > 0) diagnostic.tags = tags;
  const related = (finding.related ?? []).flatMap((item) => {
    const target = item.uri === undefined ? document : vscode.workspace.textDocuments.find((open) => open.uri.toString() === item.uri);
    return target ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(target.uri, rangeOf(target, item.range)), renderMessage(item.message))] : [];
  });
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** A document range from core offsets. */
export function rangeOf(document: vscode.TextDocument, range: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/** The code value of an SPF Doctor diagnostic (`SPF006`), or undefined for another source's. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return undefined;
}
