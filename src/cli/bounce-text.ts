/**
 * The readable explanation of a bounce: what failed, for which IP and domain (with the lines of
 * the bounce that say so), the verdict for that IP on the domain's current record, and the fix —
 * the fixed record value for a DNS provider's panel and, for a zone file, the diff.
 */
import { LineIndex } from '../core/text/line-index';
import type { BounceEvidenceRange } from '../core/readers/bounce/text-map';
import type { BounceReport } from '../core/readers/bounce/types';
import type { BounceDiagnosis, FixOutcome } from '../core/report/bounce-diagnosis';
import { indent, type Style } from './output';
import { unifiedDiff } from './unified-diff';

const CLASSIFICATION_TITLES: Readonly<Record<BounceReport['classification'], string>> = {
  spf: 'SPF did not pass',
  dkim: 'DKIM did not pass',
  dmarc: 'DMARC failed',
  unauthenticated: 'the message was not authenticated (neither SPF nor DKIM passed)',
  'unknown-user': 'unknown recipient (not an SPF failure)',
  'mailbox-full': 'mailbox full (not an SPF failure)',
  'null-mx': 'the recipient domain accepts no mail, null MX (not an SPF failure)',
  blocklist: 'blocklisted or poor reputation (not an SPF failure)',
  'relay-denied': 'relaying denied (not an SPF failure)',
  'smtp-auth-required': 'SMTP authentication required (not an SPF failure)',
  other: 'refused for another reason (not an SPF failure)',
  'not-a-bounce': 'not a bounce',
};

/** Lines of the bounce that hold the facts, `  12 | text`, without repeats, in order. */
export function evidenceLines(report: BounceReport, text: string): string[] {
  const ranges: BounceEvidenceRange[] = [
    report.evidence.enhancedStatus,
    report.evidence.clientIp,
    report.evidence.spfDomain,
    report.evidence.checks.spf,
    report.evidence.checks.dkim,
    report.evidence.checks.dmarc,
  ].filter((range): range is BounceEvidenceRange => range !== undefined && range.encoded === undefined);
  const lines = new LineIndex(text);
  const numbers = new Set<number>();
  for (const range of ranges) {
    const first = lines.positionAt(range.start).line;
    const last = lines.positionAt(Math.max(range.start, range.end - 1)).line;
    for (let line = first; line <= last && line < first + 4; line++) numbers.add(line);
  }
  const sourceLines = text.split(/\r\n|\r|\n/);
  return [...numbers].sort((a, b) => a - b).map((line) => `${String(line + 1).padStart(4)} | ${sourceLines[line] ?? ''}`);
}

function checksLine(report: BounceReport): string {
  const { spf, dkim, dmarc } = report.checks;
  return `SPF ${spf}, DKIM ${dkim}, DMARC ${dmarc}`;
}

/** The explanation of one bounce as indented text. */
export function describeBounce(file: string, report: BounceReport, text: string, diagnosis: BounceDiagnosis, style: Style): string {
  const status = [report.statusCode, report.enhancedStatus].filter((part) => part !== null).join(' ');
  const by = [report.provider, status].filter((part) => part !== null && part !== '').join(', ');
  const lines = [`${style.bold(`${file}:`)} bounce${by ? ` (${by})` : ''}: ${CLASSIFICATION_TITLES[report.classification]}`];
  if (diagnosis.kind === 'not-a-bounce') return [...lines, `  ${diagnosis.reason}`].join('\n');
  if (report.clientIp) lines.push(`  Client IP:    ${report.clientIp} (the sending server, as the receiver saw it)`);
  if (report.spfDomain) lines.push(`  SPF domain:   ${report.spfDomain}`);
  if (report.fromDomain) lines.push(`  From domain:  ${report.fromDomain}`);
  if (report.relayHost) lines.push(`  Sending host: ${report.relayHost}`);
  if (report.classification !== 'other') lines.push(`  Checks:       ${checksLine(report)}`);
  const evidence = evidenceLines(report, text);
  if (evidence.length > 0) lines.push('  Evidence:', ...evidence.map((line) => `  ${style.dim(line)}`));
  lines.push(...diagnosisLines(diagnosis, style));
  return lines.join('\n');
}

function diagnosisLines(diagnosis: BounceDiagnosis, style: Style): string[] {
  switch (diagnosis.kind) {
    case 'not-a-bounce':
      return [];
    case 'trap':
      return [`  ${style.bold('Verdict:')} ${diagnosis.explanation}.`, '  No SPF change will fix this bounce.'];
    case 'missing-facts':
      return [`  ${style.bold('Verdict:')} cannot be computed: the bounce does not name ${diagnosis.missing.join(' or ')}.`];
    case 'not-spf':
      return [`  ${style.bold('Verdict:')} ${diagnosis.message.text}`];
    case 'no-record':
      return diagnosis.why === 'unresolved'
        ? [`  ${style.bold('Verdict:')} cannot verify: the record of ${diagnosis.bounce.spfDomain} could not be looked up (${diagnosis.detail}).`, `  Give its zone file with --zone FILE, or allow DNS.`]
        : [`  ${style.bold('Verdict:')} ${diagnosis.detail}.`];
    case 'verdict':
      return verdictLines(diagnosis, style);
  }
}

function verdictLines(diagnosis: Extract<BounceDiagnosis, { kind: 'verdict' }>, style: Style): string[] {
  const { verdict, record, bounce } = diagnosis;
  const where = record.from === 'file' ? `in ${record.file}` : 'from DNS';
  const lines = [`  Current record (${where}): ${record.value}`];
  if (!verdict.complete) {
    const names = verdict.unresolved.map((item) => `${item.type} ${item.name}`).join(', ');
    lines.push(`  ${style.bold('Verdict:')} cannot verify: ${names} could not be resolved; SPF Doctor does not guess a result.`);
    if (diagnosis.finding) lines.push(`  ${diagnosis.finding.message.text}`);
    return lines;
  }
  const term = verdict.decidingTerm ? ` from "${verdict.decidingTerm}"${verdict.decidingDomain && verdict.decidingDomain !== verdict.domain ? ` in ${verdict.decidingDomain}` : ''}` : '';
  // RFC 7208 §4.7: the final `all` decides only when no mechanism before it matched.
  const why = verdict.decidingTerm !== undefined && /^[-~?+]?all$/i.test(verdict.decidingTerm) ? 'no mechanism before it authorises this IP' : verdict.reason;
  lines.push(`  ${style.bold('Verdict:')} ${bounce.clientIp} gets ${style.result(verdict.result)}${term} for ${verdict.domain} (${verdict.dnsTerms}/10 DNS lookups): ${why}`);
  if (verdict.result === 'pass') {
    lines.push('  The current record already authorises this IP: the record the receiver saw may be older, or SPF was checked for another domain.');
    return lines;
  }
  if (diagnosis.fixes.length === 0) {
    lines.push('  No fix could be proven for this record.', ...(diagnosis.finding?.related ?? []).map((item) => `  ${item.message.text}`));
    return lines;
  }
  const [best, ...others] = diagnosis.fixes;
  lines.push(...fixLines(best, record.file, record.text, style));
  for (const other of others) lines.push(`  Alternative: ${other.fix.title.text}`, `    ${other.fixedValue}`);
  return lines;
}

function fixLines(outcome: FixOutcome, file: string | undefined, before: string, style: Style): string[] {
  // Only a preferred fix is safe to apply as is; the others change policy (an include) or only make room (flattening).
  const [label, result] = outcome.fix.isPreferred ? ['Fix', 'Fixed record'] : ['Offered fix (review it first)', 'Record after it'];
  const lines = [`  ${style.bold(`${label}:`)} ${outcome.fix.title.text}`, `  ${style.bold(`${result}:`)} ${outcome.fixedValue}`];
  if (file !== undefined) lines.push(`  Zone file change:`, indent(unifiedDiff(file, before, outcome.fixedText).trimEnd(), '    '));
  return lines;
}
