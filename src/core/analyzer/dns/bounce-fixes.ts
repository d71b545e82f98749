/**
 * Fixes for a bounced IP, each proven on the draft before it is offered: the edit is applied to
 * the document text, the document re-read, `check_host()` re-run for the IP and the lookups
 * re-counted. A candidate is offered only when the IP then passes and the record stays within
 * 10 DNS-querying terms (RFC 7208 §4.6.4); otherwise it is reported as rejected, with why.
 *
 * Candidates, inserted before the first `all` (or `redirect=`) in the record's qualifier style:
 * 1. `ip4:`/`ip6:` for the exact address — preferred when the relay is not a known service;
 * 2. the documented `include:` of the mail service the relay host or PTR name belongs to —
 *    never preferred, it authorises every sender of that service (a policy change);
 * 3. `a:<relay host>` when that host resolves to the IP (what hosting panels write).
 */
import type { SpfRecord } from '../../spf/ast';
import { findMailService, type MailService } from '../../services/mail-services';
import type { TextEdit } from '../../text/range';
import { normalizeName } from '../../dns/resolver';
import type { AsyncRecordRuleContext } from '../rule-api';
import { ANALYZER_MESSAGES } from '../analyzer-messages';
import { message, type Fix, type MessageData } from '../types';
import { providerName, type BounceContext } from './bounce-context';
import { addressMechanism, evaluateBounce, type BounceVerdict } from './bounce-verdict';
import { draftOf, treeOf } from './dns-context';
import { siteDomain } from './draft-resolver';

/** Which kind of fix a candidate is. */
export type BounceFixKind = 'address' | 'service' | 'relay-a';

/** A mechanism that could authorise the bounced IP. */
export interface BounceFixCandidate {
  kind: BounceFixKind;
  /** The mechanism as inserted, qualifier included (`+ip4:203.0.113.45`). */
  term: string;
  service?: MailService;
}

/** A candidate after its proof on the draft. */
export interface ProvenCandidate {
  candidate: BounceFixCandidate;
  /** The verdict for the IP with the fix applied (absent when the fix could not be applied). */
  verdict?: BounceVerdict;
  /** DNS-querying terms of the fixed record (a lower bound when `lookupsComplete` is false). */
  lookups?: number;
  lookupsComplete?: boolean;
  /** The fix, when it makes the IP pass within the lookup limit. */
  fix?: Fix;
  /** Why it is not offered. */
  rejected?: 'not-applicable' | 'not-pass' | 'over-limit';
}

/**
 * "the Gmail bounce", for "(from the Gmail bounce)" in messages and fix titles: a message of its
 * own, so a localised sentence gets a localised phrase.
 */
export function bounceSource(bounce: BounceContext): MessageData {
  const provider = providerName(bounce);
  return provider
    ? message('bounce.sourceNamed', ANALYZER_MESSAGES['bounce.sourceNamed'], { provider })
    : message('bounce.sourceUnnamed', ANALYZER_MESSAGES['bounce.sourceUnnamed']);
}

/** The candidates for a record, in the order they are offered. */
export async function bounceFixCandidates(context: AsyncRecordRuleContext, bounce: BounceContext): Promise<BounceFixCandidate[]> {
  const record = context.site.record;
  const plus = writesPlusQualifier(record) ? '+' : '';
  const candidates: BounceFixCandidate[] = [];
  const address = addressMechanism(bounce.clientIp);
  if (address) candidates.push({ kind: 'address', term: `${plus}${address}` });
  const service = [bounce.relayHost, bounce.ptrName]
    .filter((host): host is string => host !== undefined)
    .map((host) => findMailService(host, context.settings.mailServices ?? []))
    .find((found) => found?.include);
  if (service?.include && !includesAlready(record, service.include)) candidates.push({ kind: 'service', term: `${plus}include:${service.include}`, service });
  if (bounce.relayHost && (await resolvesTo(context, bounce.relayHost, bounce.clientIp))) {
    candidates.push({ kind: 'relay-a', term: `${plus}a:${bounce.relayHost}` });
  }
  return candidates;
}

/** The value edit inserting `term` before the first `all`, else before `redirect=`, else at the end. */
export function insertTermEdit(record: SpfRecord, term: string): TextEdit {
  const before = record.mechanisms.find((mechanism) => mechanism.name === 'all') ?? record.redirect;
  if (before) return { range: { start: before.range.start, end: before.range.start }, newText: `${term} ` };
  const last = record.terms[record.terms.length - 1];
  const end = last ? last.range.end : record.versionRange?.end ?? record.text.length;
  return { range: { start: end, end }, newText: ` ${term}` };
}

/**
 * Applies each candidate to the draft and proves it: the IP must pass and the record stay within
 * the lookup limit. `title` builds the offered fix's title from the proof.
 */
export async function proveCandidates(
  context: AsyncRecordRuleContext,
  bounce: BounceContext,
  candidates: readonly BounceFixCandidate[],
  title: (proof: ProvenCandidate, lookups: number) => MessageData,
): Promise<ProvenCandidate[]> {
  const proven: ProvenCandidate[] = [];
  const knownService = candidates.some((candidate) => candidate.kind === 'service');
  for (const candidate of candidates) {
    const draftFix = context.valueFix(title({ candidate }, 0), [insertTermEdit(context.site.record, candidate.term)]);
    const preview = draftFix ? context.previewFix(draftFix) : undefined;
    const domain = siteDomain(context.site, bounce.spfDomain);
    if (!draftFix || !preview?.site || domain === undefined) {
      proven.push({ candidate, rejected: 'not-applicable' });
      continue;
    }
    const resolver = draftOf(context, preview.document);
    const verdict = await evaluateBounce(bounce, domain, resolver, context.dns);
    const tree = await treeOf(context, preview.site, preview.document);
    const lookups = tree?.dnsLookups ?? verdict.dnsTerms;
    const proof: ProvenCandidate = { candidate, verdict, lookups, lookupsComplete: tree?.complete ?? false };
    if (verdict.result !== 'pass') proof.rejected = 'not-pass';
    else if (lookups > (tree?.limits.dnsTerms ?? 10)) proof.rejected = 'over-limit';
    else {
      const preferred = candidate.kind === 'address' && !knownService;
      proof.fix = { ...draftFix, title: title(proof, lookups), ...(preferred ? { isPreferred: true } : {}), ...(candidate.kind === 'service' ? { changesPolicy: true } : {}) };
    }
    proven.push(proof);
  }
  return proven;
}

/** True when the record writes an explicit `+` somewhere (`+a:…`): inserted terms then do too. */
function writesPlusQualifier(record: SpfRecord): boolean {
  return record.mechanisms.some((mechanism) => mechanism.qualifierRange !== undefined && mechanism.qualifier === '+');
}

function includesAlready(record: SpfRecord, include: string): boolean {
  const wanted = normalizeName(include);
  return record.mechanisms.some((mechanism) => mechanism.name === 'include' && mechanism.domainSpec !== undefined && normalizeName(mechanism.domainSpec.text) === wanted);
}

/** True when `host` has an A/AAAA record equal to `ip` on the draft. */
async function resolvesTo(context: AsyncRecordRuleContext, host: string, ip: string): Promise<boolean> {
  const address = addressMechanism(ip);
  if (!address) return false;
  const wanted = address.slice(4);
  const type = address.startsWith('ip4:') ? 'A' : 'AAAA';
  const response = await draftOf(context).query(host, type, context.dns.signal ? { signal: context.dns.signal } : undefined);
  return response.status === 'ok' && response.records.some((record) => normalizeAddress(record) === wanted);
}

function normalizeAddress(text: string): string | undefined {
  const term = addressMechanism(text);
  return term?.slice(4);
}
