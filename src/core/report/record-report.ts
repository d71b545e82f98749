/**
 * Reports on SPF records as Markdown, in English or Japanese: the findings and include tree of
 * records a user selected, the live check of a domain (its record, include tree with counters
 * and the `check_host()` verdict for an IP), and the include tree of one record.
 */
import { evaluateBounce, type BounceVerdict } from '../analyzer/dns/bounce-verdict';
import { lookupTreeForDomain, type LookupTree } from '../analyzer/dns/lookup-tree';
import type { Finding } from '../analyzer/types';
import type { Resolver } from '../dns/resolver';
import { checkHost } from '../spf/check-host';
import { code, dnsSection, findingsMarkdown, plain, treeMarkdown, verdictMarkdown, type ReportDnsMode } from './report-markdown';
import { reportTranslator, type ReportLanguage } from './report-text';

/** One analysed record of a record report. */
export interface ReportedRecord {
  /** The owner name, when the text says it. */
  domain?: string;
  value: string;
  findings: readonly Finding[];
  tree?: LookupTree;
  /** 0-based line of the record in the analysed text, when that text has lines worth naming. */
  line?: number;
}

/** Renders the report of selected records. Pure; never throws. */
export function renderRecordReport(records: readonly ReportedRecord[], dns: ReportDnsMode, language: ReportLanguage): string {
  const t = reportTranslator(language);
  const lines = [`# ${t('recordTitle')}`, ''];
  for (const record of records) {
    const where = record.line === undefined ? '' : ` (${t('line', { line: record.line + 1 })})`;
    lines.push(`## ${record.domain ? code(record.domain) : t('record')}${where}`, '', code(record.value), '');
    lines.push(`### ${t('findings')}`, '', ...findingsMarkdown(record.findings, language, t), '');
    lines.push(`### ${t('lookupTree')}`, '', ...(record.tree ? treeMarkdown(record.tree, t) : [t('treeNoDomain')]), '');
  }
  if (records.length === 0) lines.push(t('noFindings'), '');
  return [...lines, ...dnsSection(dns, t)].join('\n');
}

/** What a live check of a domain found. */
export interface DomainCheck {
  domain: string;
  tree: LookupTree;
  /** The verdict for the IP asked about, when one was given. */
  verdict?: BounceVerdict;
}

/**
 * Checks `domain` through `resolver`: its SPF record and include tree (RFC 7208 §4.6.4
 * counters) and, with `ip`, the `check_host()` result for that client (RFC 7208 §4). Never rejects.
 */
export async function checkDomain(domain: string, ip: string | undefined, resolver: Resolver, signal?: AbortSignal): Promise<DomainCheck> {
  const tree = await lookupTreeForDomain(domain, signal ? { resolver, signal } : { resolver });
  if (ip === undefined) return { domain, tree };
  const bounce = { clientIp: ip, spfDomain: domain, checks: { spf: 'unknown', dkim: 'unknown', dmarc: 'unknown' } as const };
  const verdict = await evaluateBounce(bounce, domain, resolver, signal ? { resolver, checkHost, signal } : { resolver, checkHost });
  return { domain, tree, verdict };
}

/** Renders a domain check. Pure; never throws. */
export function renderDomainReport(check: DomainCheck, dns: ReportDnsMode, language: ReportLanguage): string {
  const t = reportTranslator(language);
  const lines = [`# ${t('domainTitle', { domain: plain(check.domain) })}`, ''];
  const root = check.tree.root;
  if (root.record !== undefined) lines.push(`## ${t('record')}`, '', code(root.record), '');
  else lines.push(t('noSpfRecord', { domain: code(check.domain), detail: plain(root.reason ?? root.status) }), '');
  lines.push(`## ${t('lookupTree')}`, '', ...treeMarkdown(check.tree, t), '');
  if (check.verdict) lines.push(`## ${t('verdictFor', { ip: check.verdict.ip })}`, '', ...verdictMarkdown(check.verdict, t), '');
  else lines.push(t('noIpGiven'), '');
  return [...lines, ...dnsSection(dns, t)].join('\n');
}

/** Renders the include tree of one record. Pure; never throws. */
export function renderTreeReport(domain: string, value: string, tree: LookupTree, dns: ReportDnsMode, language: ReportLanguage): string {
  const t = reportTranslator(language);
  return [`# ${t('treeTitle', { domain: plain(domain) })}`, '', code(value), '', ...treeMarkdown(tree, t), '', ...dnsSection(dns, t)].join('\n');
}
