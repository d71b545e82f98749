/**
 * SPF026 ip-not-authorized: the bounce → fix verdict. With a bounce attached to the analysis,
 * the record of the bounce's SPF domain is evaluated with `check_host()` for the bounced client
 * IP on the draft (RFC 7208 §4), and the result is reported with its deciding term. When the IP
 * does not pass, the fixes of `bounce-fixes.ts` are offered, each proven on the draft first.
 * When SPF is not what failed (it passed, or it cannot align with the From domain for DMARC,
 * RFC 7489 §3.1), the finding says what will help instead and offers no SPF change. When no
 * candidate fits within 10 lookups, flattening (proven, never preferred) is offered instead.
 */
import type { AsyncRecordRuleContext, RuleDefinition } from '../analyzer/rule-api';
import { isAlignedWithFrom, type BounceContext } from '../analyzer/dns/bounce-context';
import { evaluateBounce, type BounceVerdict } from '../analyzer/dns/bounce-verdict';
import { bounceFixCandidates, bounceSource, proveCandidates, type ProvenCandidate } from '../analyzer/dns/bounce-fixes';
import { draftOf, fallbackOwner, treeOf } from '../analyzer/dns/dns-context';
import { FLATTEN_MESSAGES, flattenFixes } from '../analyzer/dns/flatten-fix';
import { siteDomain } from '../analyzer/dns/draft-resolver';
import type { RelatedInformation } from '../analyzer/types';
import { ruleMeta } from './support';

const LOOKUP_LIMIT = 10;

export const ipNotAuthorizedRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF026',
    alias: 'ip-not-authorized',
    title: 'Bounced IP not authorised',
    description: 'With a bounce attached: the client IP it names does not get pass from this record (evaluated on the draft), with fixes proven to make it pass.',
    defaultSeverity: 'error',
    rfc: '7208 §4, §5',
    needsDns: true,
    fixable: true,
  }),
  messages: {
    notAuthorized: '{ip} (from {source}) would get {result} from "{term}"{inDomain}: {why} (RFC 7208 §4.6.2; {lookups}/{limit} lookups).',
    notAuthorizedNoTerm: '{ip} (from {source}) would get {result} for {domain}: {why} (RFC 7208 §4; {lookups}/{limit} lookups).',
    allNoMechanism: 'no mechanism authorises it',
    incomplete: 'The verdict for {ip} (from {source}) is incomplete: {names} could not be resolved (a failed query is temperror, RFC 7208 §2.6.6). SPF Doctor does not guess a result; allow live DNS or fix those names, then analyse again.',
    authorized: '{ip} (from {source}) now gets pass from "{term}"{inDomain} (RFC 7208 §2.6.3; {lookups}/{limit} lookups). Publish this record to fix the bounce.',
    spfPassed: 'The bounce says SPF passed for {ip}, but {failed} failed: adding to SPF will not help. Sign the mail with DKIM for {fromDomain} (DMARC needs SPF or DKIM aligned with the From domain, RFC 7489 §3.1).',
    notAligned: 'SPF is checked for {spfDomain} but the From domain is {fromDomain}: DMARC needs an aligned domain (RFC 7489 §3.1.2), so changing SPF for {spfDomain} will not help. Sign with DKIM for {fromDomain}, or send with a MAIL FROM (Return-Path) under {fromDomain}.',
    addAddress: 'Authorize {ip} (from {source}) — result becomes pass, {lookups}/{limit} lookups',
    addServiceInclude: 'Include {service} ({term}) — {ip} becomes pass, {lookups}/{limit} lookups; authorises every sender of {service}',
    addRelayHost: 'Authorize the relay {host} ({term}, resolves to {ip}) — result becomes pass, {lookups}/{limit} lookups',
    overLimit: 'Adding "{term}" would make {ip} pass but the record would need {lookups}/{limit} lookups (RFC 7208 §4.6.4): use the address form or flatten an include instead.',
    otherCandidateFails: 'Adding "{term}" was tried on the draft and {ip} would still get {result}.',
    ...FLATTEN_MESSAGES,
  },
  async checkRecordAsync(context) {
    const bounce = context.settings.bounce;
    if (!bounce) return;
    const domain = siteDomain(context.site, fallbackOwner(context));
    if (domain !== bounce.spfDomain) return;
    const range = context.site.record.versionRange ?? { start: 0, end: 0 };
    const source = bounceSource(bounce);
    if (reportNotAnSpfProblem(context, bounce, range)) return;
    const verdict = await evaluateBounce(bounce, domain, draftOf(context), context.dns);
    if (!verdict.complete) {
      // check_host() stops at the first failure; the lookup tree lists every name the record needs.
      const unresolved = [...verdict.unresolved, ...((await treeOf(context))?.unresolved ?? [])];
      const names = [...new Set(unresolved.map((item) => `${item.type} ${item.name}`))].join(', ');
      context.report(range, context.message('incomplete', { ip: bounce.clientIp, source, names }), { severity: 'warning' });
      return;
    }
    const termArgs = deciding(verdict, domain);
    const base = { ip: bounce.clientIp, source, result: verdict.result, domain, lookups: verdict.dnsTerms, limit: LOOKUP_LIMIT, ...termArgs };
    if (verdict.result === 'pass') {
      context.report(range, context.message('authorized', base), { severity: 'info' });
      return;
    }
    const why = verdict.decidingTerm !== undefined && /^[-~?+]?all$/i.test(verdict.decidingTerm) ? context.message('allNoMechanism').text : verdict.reason;
    const proven = await proveCandidates(context, bounce, await bounceFixCandidates(context, bounce), (proof, lookups) => fixTitle(context, bounce, proof, lookups));
    const related: RelatedInformation[] = proven.filter((proof) => proof.rejected === 'over-limit' || proof.rejected === 'not-pass').map((proof) => ({
      message: context.message(proof.rejected === 'over-limit' ? 'overLimit' : 'otherCandidateFails', {
        term: proof.candidate.term, ip: bounce.clientIp, lookups: proof.lookups ?? 0, limit: LOOKUP_LIMIT, result: proof.verdict?.result ?? '',
      }),
      range: context.map(range).range,
    }));
    // RFC 7208 §4.6.4: when every candidate would pass the lookup limit, make room by flattening.
    const overLimit = !proven.some((proof) => proof.fix) && (proven.some((proof) => proof.rejected === 'over-limit') || ((await treeOf(context))?.dnsLookups ?? 0) > LOOKUP_LIMIT);
    const flattening = overLimit ? (await flattenFixes(context)).map((proof) => proof.fix) : [];
    context.report(range, context.message(verdict.decidingTerm === undefined ? 'notAuthorizedNoTerm' : 'notAuthorized', { ...base, why }), {
      fixes: [...proven.map((proof) => proof.fix), ...flattening],
      related,
    });
  },
};

/** Reports (and returns true) when the bounce shows that an SPF change cannot fix it. */
function reportNotAnSpfProblem(context: AsyncRecordRuleContext, bounce: BounceContext, range: { start: number; end: number }): boolean {
  const fromDomain = bounce.fromDomain ?? bounce.spfDomain;
  if (bounce.checks.spf === 'pass') {
    const failed = (['dkim', 'dmarc'] as const).filter((check) => bounce.checks[check] === 'fail').map((check) => check.toUpperCase());
    context.report(range, context.message('spfPassed', { ip: bounce.clientIp, failed: failed.length > 0 ? failed.join(' and ') : 'DMARC', fromDomain }), { severity: 'warning' });
    return true;
  }
  if (isAlignedWithFrom(bounce) === false) {
    context.report(range, context.message('notAligned', { spfDomain: bounce.spfDomain, fromDomain }), { severity: 'warning' });
    return true;
  }
  return false;
}

function deciding(verdict: BounceVerdict, domain: string): { term: string; inDomain: string } {
  const term = verdict.decidingTerm ?? '';
  const inDomain = verdict.decidingDomain !== undefined && verdict.decidingDomain !== domain ? ` in ${verdict.decidingDomain}` : '';
  return { term, inDomain };
}

function fixTitle(context: AsyncRecordRuleContext, bounce: BounceContext, proof: ProvenCandidate, lookups: number) {
  const { candidate } = proof;
  const args = { ip: bounce.clientIp, source: bounceSource(bounce), lookups, limit: LOOKUP_LIMIT, term: candidate.term };
  switch (candidate.kind) {
    case 'address':
      return context.message('addAddress', args);
    case 'service':
      return context.message('addServiceInclude', { ...args, service: candidate.service?.name ?? '' });
    case 'relay-a':
      return context.message('addRelayHost', { ...args, host: bounce.relayHost ?? '' });
  }
}
