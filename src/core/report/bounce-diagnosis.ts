/**
 * The bounce → fix loop shared by the command line (`explain`, `analyze`) and the extension's
 * "Analyze Selection" report: what a bounce says, whether SPF is what failed,
 * the current record of the SPF domain (from a zone file, or from DNS), the verdict for the
 * bounced IP on it (RFC 7208 §4 `check_host()`), and the fixes the analyzer proved (SPF026),
 * each with the record value it produces.
 */
import { analyzeDocumentWithDns } from '../analyzer/analyze';
import { bounceContextFrom, isAlignedWithFrom, type BounceContext } from '../analyzer/dns/bounce-context';
import { evaluateBounce, type BounceVerdict } from '../analyzer/dns/bounce-verdict';
import { draftResolver } from '../analyzer/dns/draft-resolver';
import { readDocument, type DocumentKind } from '../analyzer/document';
import { applyFixes } from '../analyzer/fixes';
import { message, type Finding, type Fix, type MessageData } from '../analyzer/types';
import { normalizeName, type Resolver } from '../dns/resolver';
import { AUTHENTICATION_CLASSIFICATIONS, type BounceClassification, type BounceReport } from '../readers/bounce/types';
import { ipNotAuthorizedRule } from '../rules/spf026-ip-not-authorized';
import { checkHost } from '../spf/check-host';
import { classifyVersion } from '../analyzer/version-tag';

/** A zone document the record of the SPF domain may be in. */
export interface ZoneDocument {
  file: string;
  text: string;
  origin?: string;
}

/** Where the current record came from and what it is. */
export interface RecordSource {
  /** `file`: a zone file given on the command line; `dns`: looked up (zone data or live DNS). */
  from: 'file' | 'dns';
  file?: string;
  /** The origin of a zone file without `$ORIGIN` (from its name). */
  origin?: string;
  /** The analysed text: the zone file, or the record's strings quoted (`"…" "…"`). */
  text: string;
  documentKind: DocumentKind;
  /** The record's value (strings concatenated, RFC 7208 §3.3). */
  value: string;
  /** The record's range in `text`. */
  range: { start: number; end: number };
}

/** A proven fix and what it makes of the record. */
export interface FixOutcome {
  fix: Fix;
  /** The record value after the fix, as a DNS provider's panel takes it. */
  fixedValue: string;
  /** The whole text after the fix (the zone file, for a record from a file). */
  fixedText: string;
}

export type BounceDiagnosis =
  | { kind: 'not-a-bounce'; reason: string }
  /** Not an authentication failure: no SPF change helps. */
  | { kind: 'trap'; classification: BounceClassification; explanation: string }
  /** SPF passed, or cannot align with the From domain: SPF changes will not help. */
  | { kind: 'not-spf'; bounce: BounceContext; message: MessageData }
  | { kind: 'missing-facts'; missing: string[] }
  /** The domain's record could not be found or read. */
  | { kind: 'no-record'; bounce: BounceContext; why: 'unresolved' | 'none' | 'multiple'; detail: string }
  | { kind: 'verdict'; bounce: BounceContext; record: RecordSource; verdict: BounceVerdict; finding?: Finding; fixes: FixOutcome[] };

/** Why a bounce that is not an authentication failure cannot be fixed in SPF. */
const TRAP_EXPLANATIONS: Readonly<Partial<Record<BounceClassification, string>>> = {
  'unknown-user': 'the recipient address does not exist at the receiver; check the address (SPF is not involved)',
  'mailbox-full': 'the recipient\'s mailbox is full; try again later or reach them another way (SPF is not involved)',
  'null-mx': 'the recipient domain publishes a null MX (RFC 7505): it accepts no mail at all (SPF is not involved)',
  blocklist: 'the sending IP or domain is on a blocklist or has a poor reputation; ask for delisting and check the sender\'s reputation (SPF is not involved)',
  'relay-denied': 'the server refused to relay: the sender is not allowed to send through it; authenticate or use the right outgoing server (SPF is not involved)',
  'smtp-auth-required': 'the server requires SMTP authentication (RFC 4954) before it accepts mail; configure the mail client\'s login (SPF is not involved)',
  other: 'the receiver refused the message for a reason other than SPF, DKIM or DMARC',
};

/** What `diagnoseBounce` needs besides the bounce. */
export interface DiagnosisSources {
  /** Names outside the record's document (zone data, live DNS, or offline). */
  resolver: Resolver;
  /** Zone files that may hold the domain's record (analysed files and `--zone` files). */
  zoneDocuments: readonly ZoneDocument[];
}

/** Diagnoses a read bounce. Never rejects. */
export async function diagnoseBounce(report: BounceReport, sources: DiagnosisSources): Promise<BounceDiagnosis> {
  if (report.classification === 'not-a-bounce') return { kind: 'not-a-bounce', reason: report.reason ?? 'no bounce found' };
  if (!AUTHENTICATION_CLASSIFICATIONS.includes(report.classification)) {
    const explanation = TRAP_EXPLANATIONS[report.classification] ?? TRAP_EXPLANATIONS.other ?? '';
    return { kind: 'trap', classification: report.classification, explanation };
  }
  const bounce = bounceContextFrom(report);
  if (!bounce) {
    const missing = [report.clientIp ? undefined : 'the client IP', report.spfDomain ? undefined : 'the SPF domain'].filter((item): item is string => item !== undefined);
    return { kind: 'missing-facts', missing };
  }
  const notSpf = notAnSpfProblem(bounce);
  if (notSpf) return { kind: 'not-spf', bounce, message: notSpf };
  const record = findRecordInFiles(bounce.spfDomain, sources.zoneDocuments) ?? (await lookUpRecord(bounce.spfDomain, sources.resolver));
  if ('why' in record) return { kind: 'no-record', bounce, ...record };
  return diagnoseRecord(bounce, record, sources.resolver);
}

/** SPF026's own wording for a bounce that an SPF change cannot fix (RFC 7489 §3.1). */
function notAnSpfProblem(bounce: BounceContext): MessageData | undefined {
  const templates = ipNotAuthorizedRule.messages;
  const fromDomain = bounce.fromDomain ?? bounce.spfDomain;
  if (bounce.checks.spf === 'pass') {
    const failed = (['dkim', 'dmarc'] as const).filter((check) => bounce.checks[check] === 'fail').map((check) => check.toUpperCase());
    return message('SPF026.spfPassed', templates.spfPassed, { ip: bounce.clientIp, failed: failed.length > 0 ? failed.join(' and ') : 'DMARC', fromDomain });
  }
  if (isAlignedWithFrom(bounce) === false) return message('SPF026.notAligned', templates.notAligned, { spfDomain: bounce.spfDomain, fromDomain });
  return undefined;
}

function findRecordInFiles(domain: string, documents: readonly ZoneDocument[]): RecordSource | undefined {
  for (const { file, text, origin } of documents) {
    const site = readDocument(text, { kind: 'zone', origin }).sites.find((candidate) => candidate.version === 'spf' && candidate.owner !== undefined && normalizeName(candidate.owner) === domain);
    if (site) return { from: 'file', file, text, ...(origin === undefined ? {} : { origin }), documentKind: 'zone', value: site.value.value, range: site.range };
  }
  return undefined;
}

/** The domain's SPF record from the resolver (RFC 7208 §4.4: TXT records starting `v=spf1`). */
async function lookUpRecord(domain: string, resolver: Resolver): Promise<RecordSource | { why: 'unresolved' | 'none' | 'multiple'; detail: string }> {
  const response = await resolver.query(domain, 'TXT');
  if (response.status === 'error') return { why: 'unresolved', detail: response.message };
  const records = response.status === 'ok' ? response.records.filter((strings) => classifyVersion(strings.join('')) === 'spf') : [];
  if (records.length === 0) return { why: 'none', detail: `${domain} has no SPF record (RFC 7208 §4.5)` };
  if (records.length > 1) return { why: 'multiple', detail: `${domain} has ${records.length} SPF records: check_host() gives permerror (RFC 7208 §4.5)` };
  const text = records[0].map((piece) => `"${piece.replace(/["\\]/g, '\\$&')}"`).join(' ');
  return { from: 'dns', text, documentKind: 'raw', value: records[0].join(''), range: { start: 0, end: text.length } };
}

/** The verdict on the current record and SPF026's proven fixes, each applied to show its result. */
async function diagnoseRecord(bounce: BounceContext, record: RecordSource, outside: Resolver): Promise<BounceDiagnosis> {
  const dns = { resolver: outside, checkHost };
  const read = { kind: record.documentKind, origin: record.origin };
  const document = readDocument(record.text, read);
  const verdict = await evaluateBounce(bounce, bounce.spfDomain, draftResolver(document, outside, bounce.spfDomain), dns);
  const analysis = await analyzeDocumentWithDns(record.text, { ...read, ruleSet: [ipNotAuthorizedRule], bounce, dns });
  const finding = analysis.findings.find((candidate) => candidate.code === ipNotAuthorizedRule.meta.code && candidate.recordRange?.start === record.range.start);
  const siteIndex = document.sites.findIndex((site) => site.range.start === record.range.start);
  const fixes: FixOutcome[] = [];
  for (const fix of finding?.fixes ?? []) {
    const applied = applyFixes(record.text, [fix]);
    if (!applied.ok) continue;
    const fixedSite = readDocument(applied.text, read).sites[siteIndex];
    if (fixedSite) fixes.push({ fix, fixedValue: fixedSite.value.value, fixedText: applied.text });
  }
  fixes.sort((a, b) => Number(b.fix.isPreferred === true) - Number(a.fix.isPreferred === true));
  return finding ? { kind: 'verdict', bounce, record, verdict, finding, fixes } : { kind: 'verdict', bounce, record, verdict, fixes };
}
