/**
 * Markdown pieces the reports share: the include tree with its counters (RFC 7208 §4.6.4),
 * findings in the report's language, and the verdict of `check_host()` for one IP. Everything
 * taken from documents, bounces or DNS goes into code spans or is escaped, so it is never read
 * as Markdown.
 */
import type { Finding } from '../analyzer/types';
import type { BounceVerdict } from '../analyzer/dns/bounce-verdict';
import type { LookupTree, RecordLookups } from '../analyzer/dns/lookup-tree';
import { escapeMarkdown, inlineCode } from '../hover/hover-text';
import { DEFAULT_SPF_LIMITS } from '../spf/check-host';
import { localizeMessage } from '../i18n/localize';
import type { ReportLanguage, ReportTranslate } from './report-text';

/** Longest record or value shown in one code span. */
export const MAX_VALUE_SHOWN = 4000;
/** Lines of a tree shown at most; hostile trees are cut with a note. */
const MAX_TREE_LINES = 400;

/** Whether DNS queries were sent, and why not (the extension's trust gate and setting). */
export type ReportDnsMode = { live: true } | { live: false; reason: 'disabled' | 'untrusted' };

/** The report's closing section: whether DNS was asked, and why not. */
export function dnsSection(dns: ReportDnsMode, t: ReportTranslate): string[] {
  return [`## ${t('dns')}`, '', dns.live ? t('dnsLive') : dns.reason === 'untrusted' ? t('dnsUntrusted') : t('dnsDisabled'), ''];
}

/** `text` as a code span that can hold a whole record. */
export function code(text: string): string {
  return inlineCode(text, MAX_VALUE_SHOWN);
}

/** Plain text from a bounce or DNS, with Markdown punctuation escaped. */
export function plain(text: string): string {
  return escapeMarkdown(text);
}

/** The include tree as a nested list, each record with its lookups and each term with its cost. */
export function treeMarkdown(tree: LookupTree, t: ReportTranslate): string[] {
  const lines: string[] = [t('treeTotals', { lookups: tree.dnsLookups, limit: tree.limits.dnsTerms, voids: tree.voidLookups, voidLimit: tree.limits.voidLookups })];
  if (!tree.complete) lines.push('', t('treeIncomplete', { reasons: tree.incompleteReasons.join(', ') }));
  if (tree.unresolved.length > 0) lines.push('', t('treeUnresolved', { names: tree.unresolved.map((item) => code(item.reason)).join(', ') }));
  lines.push('');
  const list: string[] = [];
  appendRecord(tree.root, 0, list, t);
  if (list.length > MAX_TREE_LINES) list.splice(MAX_TREE_LINES, list.length - MAX_TREE_LINES, `${'  '.repeat(1)}- …`);
  return [...lines, ...list];
}

function appendRecord(record: RecordLookups, depth: number, list: string[], t: ReportTranslate): void {
  if (list.length > MAX_TREE_LINES) return;
  const indent = '  '.repeat(depth);
  const status = record.status === 'ok' ? '' : ` — ${t('treeStatus', { status: record.status })}${record.reason ? `: ${plain(record.reason)}` : ''}`;
  list.push(`${indent}- **${code(record.domain)}** — ${t('treeLookups', { lookups: record.totalLookups })}${status}`);
  for (const term of record.terms) {
    if (list.length > MAX_TREE_LINES) return;
    const parts = [code(term.term)];
    if (term.lookups > 0) parts.push(t('treeLookups', { lookups: term.totalLookups }));
    if (term.voidLookups > 0) parts.push(t('treeVoid', { voids: term.voidLookups }));
    if (term.networks.length > 0) parts.push(term.networks.slice(0, 8).map(code).join(' ') + (term.networks.length > 8 ? ' …' : ''));
    if (term.incomplete) parts.push(`(${term.incomplete})`);
    list.push(`${indent}  - ${parts.join(' — ')}`);
    if (term.child) appendRecord(term.child, depth + 2, list, t);
  }
}

/** One bullet per finding: severity, code and the message in the report's language. */
export function findingsMarkdown(findings: readonly Finding[], language: ReportLanguage, t: ReportTranslate, lineOf?: (offset: number) => number): string[] {
  if (findings.length === 0) return [t('noFindings')];
  return findings.map((finding) => {
    const severity = t(`severity_${finding.severity}`);
    const where = lineOf ? ` (${t('line', { line: lineOf(finding.range.start) + 1 })})` : '';
    return `- ${t('findingLine', { severity: `**${severity}**`, code: finding.code, message: plain(localizeMessage(finding.message, language)) })}${where}`;
  });
}

/** The verdict sentence and the counters of a `check_host()` evaluation. */
export function verdictMarkdown(verdict: BounceVerdict, t: ReportTranslate): string[] {
  if (!verdict.complete) {
    return [t('incomplete', { names: verdict.unresolved.map((item) => code(item.reason)).join(', ') })];
  }
  // RFC 7208 §4.7: the final `all` decides only when no mechanism before it matched.
  const why = verdict.decidingTerm !== undefined && /^[-~?+]?all$/i.test(verdict.decidingTerm) ? t('noMechanism') : plain(verdict.reason);
  const args = { ip: code(verdict.ip), result: verdict.result, domain: code(verdict.domain), why };
  const sentence = verdict.decidingTerm
    ? t('verdictLine', { ...args, term: `${code(verdict.decidingTerm)}${verdict.decidingDomain && verdict.decidingDomain !== verdict.domain ? ` (${code(verdict.decidingDomain)})` : ''}` })
    : t('verdictNoTerm', args);
  return [sentence, '', t('counters', { lookups: verdict.dnsTerms, limit: DEFAULT_SPF_LIMITS.dnsTerms, voids: verdict.voidLookups, voidLimit: DEFAULT_SPF_LIMITS.voidLookups })];
}
