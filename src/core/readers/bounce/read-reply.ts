/**
 * Facts from the diagnostic texts of a bounce (normalised, see normalise.ts): which reply rule
 * matched, the client IP and domains it names, the stated verdicts, the reply codes, and the
 * MTAs named around it ("host X[ip] said:", "while talking to X.:", "at host X").
 */
import { canonicalIp } from './ip-address';
import { OTHER_BOUNCE_RULES } from './other-bounce-rules';
import { AUTHENTICATION_REPLY_RULES, type ReplyRule } from './reply-rules';
import type { BounceEvidenceRange, MappedText } from './text-map';
import type { BounceCheckResult, BounceClassification } from './types';

/** A value and the input range it came from. */
export interface Found<T = string> {
  value: T;
  range: BounceEvidenceRange;
}

type CheckName = 'spf' | 'dkim' | 'dmarc';

/** What the reply texts say. */
export interface ReplyFacts {
  classification?: Found<BounceClassification>;
  authentication: boolean;
  provider?: Found;
  statusCode?: Found;
  enhancedStatus?: Found;
  clientIp?: Found;
  spfDomain?: Found;
  fromDomain?: Found;
  checks: Partial<Record<CheckName, Found<BounceCheckResult>>>;
  remoteMta?: Found;
  reportingMta?: Found;
  /** Addresses of receiving MTAs ("host mx[ip] said"): never the client. */
  receiverIps: Set<string>;
}

interface RuleMatch {
  rule: ReplyRule;
  text: MappedText;
  match: RegExpExecArray;
}

const HOST = '[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9])?';
const IP = '[0-9A-Fa-f][0-9A-Fa-f:.]{1,44}';
const REMOTE_HOST_PATTERNS = [
  new RegExp(`\\bhost (?<host>${HOST}) ?\\[(?<ip>${IP})\\]`, 'id'),
  new RegExp(`\\bwhile talking to (?<host>${HOST})\\.?:`, 'id'),
  new RegExp(`\\bRemote-MTA: dns; ?(?<host>${HOST})`, 'id'),
];
const REPORTING_HOST_PATTERNS = [
  new RegExp(`\\bThis is the mail system at host (?<host>${HOST})\\.`, 'id'),
  new RegExp(`\\bGenerating server: (?<host>${HOST})`, 'id'),
  new RegExp(`\\bReporting-MTA: dns; ?(?<host>${HOST})`, 'id'),
];
const REPLY_CODE = /(?<![^\s<>'"(;:])([245]\d{2})(?:[ -]([245]\.\d{1,3}\.\d{1,3}))?(?=[\s-])/g;

/** Reads the facts from `texts` (most telling first). */
export function readReplyFacts(texts: readonly MappedText[]): ReplyFacts {
  const facts: ReplyFacts = { authentication: false, checks: {}, receiverIps: new Set() };
  for (const text of texts) {
    readHosts(text, facts);
  }
  const matches: RuleMatch[] = [];
  for (const rule of AUTHENTICATION_REPLY_RULES) {
    for (const text of texts) {
      const match = rule.broad ? matchInReply(rule.pattern, text.text) : rule.pattern.exec(text.text);
      if (match) matches.push({ rule, text, match });
    }
  }
  if (matches.length > 0) {
    readAuthentication(matches, facts);
  } else {
    readOtherBounce(texts, facts);
  }
  return facts;
}

function readAuthentication(matches: RuleMatch[], facts: ReplyFacts): void {
  const primary = matches[0];
  facts.authentication = true;
  const whole = rangeOfMatch(primary);
  facts.classification = { value: primary.rule.classification, range: whole };
  if (primary.rule.provider) facts.provider = { value: primary.rule.provider, range: whole };
  readStatus(primary.text, primary.match.index, facts);
  for (const candidate of matches) {
    if (candidate !== primary && candidate.rule.broad) continue;
    collectGroups(candidate, facts);
    for (const [name, result] of Object.entries(candidate.rule.checks ?? {}) as Array<[CheckName, BounceCheckResult]>) {
      facts.checks[name] ??= { value: result, range: rangeOfMatch(candidate) };
    }
  }
}

function collectGroups(candidate: RuleMatch, facts: ReplyFacts): void {
  const groups = candidate.match.groups ?? {};
  const at = (name: string): BounceEvidenceRange | undefined => {
    const span = candidate.match.indices?.groups?.[name];
    return span ? candidate.text.toSource(span[0], span[1]) : undefined;
  };
  if (groups.ip && !facts.clientIp) {
    const ip = canonicalIp(groups.ip);
    if (ip) facts.clientIp = { value: ip, range: at('ip')! };
  }
  if (groups.domain && !facts.spfDomain) facts.spfDomain = { value: groups.domain.toLowerCase(), range: at('domain')! };
  if (groups.fromDomain && !facts.fromDomain) facts.fromDomain = { value: groups.fromDomain.toLowerCase(), range: at('fromDomain')! };
  for (const name of ['spf', 'dkim', 'dmarc'] as const) {
    const verdict = groups[name] && verdictOf(groups[name]);
    if (verdict && !facts.checks[name]) facts.checks[name] = { value: verdict, range: at(name)! };
  }
  if (groups.url) readExplanationUrl(candidate, facts);
}

/**
 * pypolicyd-spf explains with `Why?s=mfrom;id=<sender>;ip=<client>;r=<receiver>`: the scope
 * says whether `id` is the MAIL FROM address or the HELO name (RFC 7208 §2.3, §2.4).
 */
function readExplanationUrl(candidate: RuleMatch, facts: ReplyFacts): void {
  const span = candidate.match.indices?.groups?.url;
  if (!span) return;
  const url = candidate.text.text.slice(span[0], span[1]);
  const field = (name: string): { value: string; start: number } | undefined => {
    const found = new RegExp(`[?;&]${name}=([^;&\\s]{1,320})`).exec(url);
    return found ? { value: found[1], start: span[0] + found.index + name.length + 2 } : undefined;
  };
  const ip = field('ip');
  const canonical = ip && canonicalIp(ip.value);
  if (ip && canonical && !facts.clientIp) facts.clientIp = { value: canonical, range: candidate.text.toSource(ip.start, ip.start + ip.value.length) };
  const id = field('id');
  if (!id || facts.spfDomain) return;
  const scope = field('s')?.value.toLowerCase();
  const at = Math.max(id.value.lastIndexOf('@'), id.value.toLowerCase().lastIndexOf('%40') + 2);
  const domainStart = scope === 'helo' || at < 1 ? 0 : at + 1;
  const domain = id.value.slice(domainStart);
  if (/^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/.test(domain) && domain.includes('.')) {
    facts.spfDomain = { value: domain.toLowerCase(), range: candidate.text.toSource(id.start + domainStart, id.start + id.value.length) };
  }
}

function verdictOf(stated: string): BounceCheckResult {
  switch (stated.toLowerCase()) {
    case 'pass':
      return 'pass';
    case 'did not pass':
    case 'fail':
    case 'hardfail':
    case 'permerror':
      return 'fail';
    case 'softfail':
      return 'softfail';
    case 'none':
    case 'bestguesspass':
      return 'none';
    default:
      return 'unknown';
  }
}

function readOtherBounce(texts: readonly MappedText[], facts: ReplyFacts): void {
  for (const rule of OTHER_BOUNCE_RULES) {
    for (const text of texts) {
      const match = matchInReply(rule.pattern, text.text);
      if (!match) continue;
      facts.classification = { value: rule.classification, range: text.toSource(match.index, match.index + match[0].length) };
      readStatus(text, match.index, facts);
      return;
    }
  }
  for (const text of texts) {
    if (readStatus(text, text.text.length, facts)) return;
  }
}

const globalPatterns = new WeakMap<RegExp, RegExp>();
/** Matches looked at per broad pattern and text before giving up. */
const MAX_BROAD_MATCHES = 64;

/** The first match of `pattern` that lies inside an SMTP reply (see {@link replyCodeBefore}). */
function matchInReply(pattern: RegExp, text: string): RegExpExecArray | null {
  let global = globalPatterns.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, `${pattern.flags}g`);
    globalPatterns.set(pattern, global);
  }
  global.lastIndex = 0;
  for (let count = 0; count < MAX_BROAD_MATCHES; count++) {
    const match = global.exec(text);
    if (!match) return null;
    if (replyCodeBefore(text, match.index)) return match;
    if (match[0].length === 0) global.lastIndex++;
  }
  return null;
}

/**
 * Broad phrases ("SPF ... failed", "user unknown") count only inside an SMTP reply: after a reply
 * code in the same paragraph, so prose around a bounce (or a note about it) is not mistaken.
 */
function replyCodeBefore(text: string, position: number): boolean {
  const paragraphStart = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  REPLY_CODE.lastIndex = paragraphStart;
  const found = REPLY_CODE.exec(text);
  return !!found && found.index < position;
}

/** The reply code nearest before `position` in its paragraph (or the first one after it). */
function readStatus(text: MappedText, position: number, facts: ReplyFacts): boolean {
  const paragraphStart = text.text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  let chosen: RegExpExecArray | undefined;
  REPLY_CODE.lastIndex = paragraphStart;
  for (let found = REPLY_CODE.exec(text.text); found; found = REPLY_CODE.exec(text.text)) {
    if (found.index > position && chosen) break;
    chosen = found;
    if (found.index > position) break;
  }
  if (!chosen || text.text.slice(paragraphStart, chosen.index).includes('\n')) return false;
  facts.statusCode = { value: chosen[1], range: text.toSource(chosen.index, chosen.index + 3) };
  if (chosen[2]) {
    const enhancedStart = chosen.index + chosen[0].length - chosen[2].length;
    facts.enhancedStatus = { value: chosen[2], range: text.toSource(enhancedStart, chosen.index + chosen[0].length) };
  }
  return true;
}

function readHosts(text: MappedText, facts: ReplyFacts): void {
  for (const pattern of REMOTE_HOST_PATTERNS) {
    const match = pattern.exec(text.text);
    if (!match?.groups || !match.indices?.groups) continue;
    const ip = match.groups.ip && canonicalIp(match.groups.ip);
    if (ip) facts.receiverIps.add(ip);
    const span = match.indices.groups.host;
    facts.remoteMta ??= { value: match.groups.host.toLowerCase(), range: text.toSource(span[0], span[1]) };
  }
  for (const pattern of REPORTING_HOST_PATTERNS) {
    const match = pattern.exec(text.text);
    const span = match?.indices?.groups?.host;
    if (match?.groups && span) facts.reportingMta ??= { value: match.groups.host.toLowerCase(), range: text.toSource(span[0], span[1]) };
  }
}

function rangeOfMatch(candidate: RuleMatch): BounceEvidenceRange {
  return candidate.text.toSource(candidate.match.index, candidate.match.index + candidate.match[0].length);
}
