/**
 * The bounce report as Markdown, in English or Japanese: who rejected the mail, the enhanced
 * status code and its meaning, the client IP and SPF domain with the bounce's own lines as
 * evidence, which checks failed, the current record of the domain, the `check_host()` verdict
 * for the IP (deciding term, counters), and what to do. Bounces an SPF change cannot fix
 * (unknown user, null MX, blocklists, SMTP AUTH; SPF passed but DKIM/DMARC failed) say so.
 */
import type { LookupTree } from '../analyzer/dns/lookup-tree';
import type { BounceEvidenceRange } from '../readers/bounce/text-map';
import type { BounceReport } from '../readers/bounce/types';
import { localizeMessage } from '../i18n/localize';
import { LineIndex } from '../text/line-index';
import type { BounceDiagnosis } from './bounce-diagnosis';
import { code, dnsSection, plain, treeMarkdown, verdictMarkdown, type ReportDnsMode } from './report-markdown';
import { reportTranslator, type ReportLanguage, type ReportTranslate } from './report-text';
import { enhancedStatusMeaning, trapExplanation } from './status-meanings';

/** What the bounce report shows. */
export interface BounceReportInput {
  report: BounceReport;
  /** The bounce text the report was read from (for the evidence lines). */
  text: string;
  diagnosis: BounceDiagnosis;
  dns: ReportDnsMode;
  /** A Markdown link to the record in a zone file (label and target), when it was found in one. */
  recordLink?: { label: string; target: string };
  /** True when the record came from DNS and a zone snippet holding it was opened. */
  snippetOpened?: boolean;
  /** True when the sender was remembered for the workspace's diagnostics. */
  remembered?: boolean;
  /** The include tree of the current record. */
  tree?: LookupTree;
}

/** Lines of the bounce quoted per fact. */
const MAX_EVIDENCE_LINES = 4;

/** Renders the bounce report. Pure; never throws. */
export function renderBounceReport(input: BounceReportInput, language: ReportLanguage): string {
  const t = reportTranslator(language);
  const { report, diagnosis } = input;
  const lines: string[] = [`# ${t('bounceTitle')}`, ''];
  lines.push(...rejectedBy(report, language, t));
  if (diagnosis.kind === 'trap') {
    lines.push(`## ${t('notSpfTitle')}`, '', t('trap', { explanation: trapExplanation(diagnosis.classification, language) }), '');
    return finish(lines, input, t);
  }
  lines.push(...senderFacts(input, t), ...checksTable(report, t));
  switch (diagnosis.kind) {
    case 'not-a-bounce':
      lines.push(plain(diagnosis.reason), '');
      break;
    case 'missing-facts':
      lines.push(`## ${t('verdict')}`, '', t('missingFacts', { missing: [report.clientIp ? undefined : t('missingIp'), report.spfDomain ? undefined : t('missingDomain')].filter(Boolean).join(', ') }), '');
      break;
    case 'not-spf':
      lines.push(`## ${t('notSpfTitle')}`, '', plain(localizeMessage(diagnosis.message, language)), '');
      break;
    case 'no-record':
      lines.push(`## ${t('verdict')}`, '', t('noRecord', { domain: code(diagnosis.bounce.spfDomain), detail: plain(diagnosis.detail) }), '', t('noRecordHint', { domain: code(diagnosis.bounce.spfDomain) }), '');
      break;
    case 'verdict':
      lines.push(...verdictSection(input, diagnosis, language, t));
      break;
  }
  return finish(lines, input, t);
}

function rejectedBy(report: BounceReport, language: ReportLanguage, t: ReportTranslate): string[] {
  const lines = [`## ${t('whoRejected')}`, ''];
  const receiver = [report.provider ? `**${plain(providerTitle(report.provider))}**` : undefined, report.remoteMta ? code(report.remoteMta) : undefined].filter(Boolean).join(' ');
  if (receiver) lines.push(`- ${t('receiver')}: ${receiver}`);
  if (report.reportingMta) lines.push(`- ${t('reportedBy')}: ${code(report.reportingMta)}`);
  const status = [report.statusCode, report.enhancedStatus].filter((part): part is string => part !== null).join(' ');
  lines.push(`- ${t('status')}: ${status ? `${code(status)} — ${report.enhancedStatus ? enhancedStatusMeaning(report.enhancedStatus, language) : ''}` : t('statusUnknown')}`);
  return [...lines, ''];
}

function senderFacts(input: BounceReportInput, t: ReportTranslate): string[] {
  const { report, text } = input;
  const lines = [`## ${t('sender')}`, ''];
  if (report.clientIp) lines.push(`- ${t('clientIp')}: **${code(report.clientIp)}** (${t('clientIpNote')})`);
  if (report.spfDomain) lines.push(`- ${t('spfDomain')}: **${code(report.spfDomain)}**`);
  if (report.fromDomain) lines.push(`- ${t('fromDomain')}: ${code(report.fromDomain)}`);
  if (report.relayHost) lines.push(`- ${t('sendingHost')}: ${code(report.relayHost)}`);
  const evidence = evidenceLines([report.evidence.enhancedStatus, report.evidence.clientIp, report.evidence.spfDomain], text);
  if (evidence.length > 0) lines.push('', `${t('evidence')}:`, '', fence(evidence.join('\n')));
  return [...lines, ''];
}

function checksTable(report: BounceReport, t: ReportTranslate): string[] {
  if (report.classification === 'other') return [];
  const row = (name: string, result: string) => `| ${name} | ${result === 'unknown' ? t('notStated') : `**${result}**`} |`;
  return [`## ${t('checks')}`, '', `| ${t('check')} | ${t('result')} |`, '| --- | --- |', row('SPF', report.checks.spf), row('DKIM', report.checks.dkim), row('DMARC', report.checks.dmarc), ''];
}

function verdictSection(input: BounceReportInput, diagnosis: Extract<BounceDiagnosis, { kind: 'verdict' }>, language: ReportLanguage, t: ReportTranslate): string[] {
  const { record, verdict } = diagnosis;
  const lines = [`## ${t('currentRecord', { domain: diagnosis.bounce.spfDomain })}`, '', code(record.value), ''];
  if (input.recordLink) lines.push(t('recordInFile', { link: `[${plain(input.recordLink.label)}](${input.recordLink.target})` }), '');
  else lines.push(input.snippetOpened ? t('recordFromDns') : t('recordFromDnsNoSnippet'), '');
  lines.push(`## ${t('verdict')}`, '', ...verdictMarkdown(verdict, t), '');
  if (input.tree) lines.push(`### ${t('lookupTree')}`, '', ...treeMarkdown(input.tree, t), '');
  lines.push(`## ${t('whatToDo')}`, '');
  if (!verdict.complete) return [...lines, t('noRecordHint', { domain: code(verdict.domain) }), ''];
  if (verdict.result === 'pass') return [...lines, t('alreadyPasses'), ''];
  if (diagnosis.fixes.length === 0) {
    return [...lines, t('noFix'), ...(diagnosis.finding?.related ?? []).map((item) => `- ${plain(localizeMessage(item.message, language))}`), ''];
  }
  const [best, ...others] = diagnosis.fixes;
  const title = plain(localizeMessage(best.fix.title, language));
  lines.push(best.fix.isPreferred ? t('fix', { title }) : t('offeredFix', { title }), '', t('fixedRecord'), '', code(best.fixedValue), '', t('fixInEditor'), '');
  if (others.length > 0) {
    lines.push(`### ${t('alternatives')}`, '');
    for (const other of others) lines.push(`- ${plain(localizeMessage(other.fix.title, language))}: ${code(other.fixedValue)}`);
    lines.push('');
  }
  return lines;
}

function finish(lines: string[], input: BounceReportInput, t: ReportTranslate): string {
  lines.push(...dnsSection(input.dns, t));
  const bounce = 'bounce' in input.diagnosis ? input.diagnosis.bounce : undefined;
  if (input.remembered && bounce) lines.push(t('rememberedSender', { ip: code(bounce.clientIp), domain: code(bounce.spfDomain) }), '');
  return lines.join('\n');
}

/** The lines of `text` holding the facts, `  12 | text`, in order, without repeats. */
function evidenceLines(ranges: (BounceEvidenceRange | undefined)[], text: string): string[] {
  const index = new LineIndex(text);
  const numbers = new Set<number>();
  for (const range of ranges) {
    if (range === undefined || range.encoded !== undefined) continue;
    const first = index.positionAt(range.start).line;
    const last = index.positionAt(Math.max(range.start, range.end - 1)).line;
    for (let line = first; line <= last && line < first + MAX_EVIDENCE_LINES; line++) numbers.add(line);
  }
  const sourceLines = text.split(/\r\n|\r|\n/);
  return [...numbers].sort((a, b) => a - b).map((line) => `${String(line + 1).padStart(4)} | ${(sourceLines[line] ?? '').slice(0, 400)}`);
}

/** A fenced code block longer than any backtick run of `body`. */
function fence(body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${body}\n${marks}`;
}

/** `gmail` → `Gmail`: the display names the fixes use too. */
function providerTitle(provider: string): string {
  const names: Readonly<Record<string, string>> = { gmail: 'Gmail', microsoft: 'Microsoft', yahoo: 'Yahoo', exim: 'Exim', postfix: 'Postfix', sendmail: 'Sendmail' };
  return names[provider] ?? provider;
}
