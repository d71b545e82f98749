/**
 * The bounce verdict: `check_host()` for the bounced client IP on the draft (the document's
 * records over live DNS), with the deciding term, the counters and the names that could not be
 * resolved — the facts SPF026 and a report show.
 */
import ipaddr from 'ipaddr.js';
import type { CheckHostResult, SpfRequest } from '../../spf/check-host';
import type { EvaluationTrace, SpfResult } from '../../spf/trace';
import type { Resolver } from '../../dns/resolver';
import type { DnsAnalysisContext } from '../rule-api';
import type { BounceContext } from './bounce-context';
import type { UnresolvedName } from './lookup-tree';

/** The outcome of evaluating the bounced IP on a draft. */
export interface BounceVerdict {
  ip: string;
  domain: string;
  result: SpfResult;
  /** The term that decided, e.g. `~all` (following redirects), when one did. */
  decidingTerm?: string;
  /** The domain whose record holds the deciding term. */
  decidingDomain?: string;
  /** Why, in the engine's words. */
  reason: string;
  dnsTerms: number;
  voidLookups: number;
  /** Names whose queries failed; when any, the verdict is incomplete and must not be trusted. */
  unresolved: UnresolvedName[];
  complete: boolean;
  check: CheckHostResult;
}

/** The `check_host()` request for the bounce (HELO: the relay host when known). */
export function bounceRequest(bounce: BounceContext, domain: string): SpfRequest {
  return { ip: bounce.clientIp, domain, sender: `postmaster@${domain}`, helo: bounce.relayHost ?? domain };
}

/** Evaluates the bounced IP for `domain` through `resolver` (a draft resolver). Never rejects. */
export async function evaluateBounce(bounce: BounceContext, domain: string, resolver: Resolver, dns: DnsAnalysisContext): Promise<BounceVerdict> {
  const check = await dns.checkHost(bounceRequest(bounce, domain), dns.signal ? { resolver, signal: dns.signal } : { resolver });
  const trace = check.trace;
  const unresolved = failedQueries(trace.root);
  const verdict: BounceVerdict = {
    ip: bounce.clientIp,
    domain,
    result: check.result,
    reason: trace.root.reason,
    dnsTerms: trace.dnsTerms.length,
    voidLookups: trace.voidLookups.length,
    unresolved,
    complete: unresolved.length === 0,
    check,
  };
  if (trace.decidedBy) {
    verdict.decidingTerm = trace.decidedBy.term;
    verdict.decidingDomain = trace.decidedBy.domain;
  }
  return verdict;
}

/** Every query of the evaluation that failed (errors, not void answers). */
function failedQueries(evaluation: EvaluationTrace, found: UnresolvedName[] = []): UnresolvedName[] {
  const queries = [...evaluation.recordQueries, ...evaluation.terms.flatMap((term) => term.queries), ...(evaluation.explanation?.queries ?? [])];
  for (const query of queries) {
    if (query.response.status !== 'error') continue;
    if (!found.some((item) => item.name === query.name && item.type === query.type)) {
      found.push({ name: query.name, type: query.type, reason: query.response.message });
    }
  }
  for (const term of evaluation.terms) if (term.child) failedQueries(term.child, found);
  return found;
}

/** The mechanism that authorises exactly `ip`: `ip4:203.0.113.45` or `ip6:2001:db8::1` (RFC 7208 §5.6). */
export function addressMechanism(ip: string): string | undefined {
  if (!ipaddr.isValid(ip)) return undefined;
  const address = ipaddr.process(ip);
  return address.kind() === 'ipv4' ? `ip4:${address.toString()}` : `ip6:${address.toString()}`;
}
