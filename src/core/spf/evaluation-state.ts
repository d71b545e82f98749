/**
 * State shared by every step of one `check_host()` call: the resolver, the RFC 7208 §4.6.4
 * counters and the trace they feed.
 */
import ipaddr from 'ipaddr.js';
import type { IPv4, IPv6 } from 'ipaddr.js';
import type { DnsResponse, QueryType, Resolver } from '../dns/resolver';
import type { RecordPrefetcher } from './prefetch';
import type { CounterEvent, DnsQueryTrace, SpfResult, TermTrace } from './trace';

/** The limits of RFC 7208 §4.6.4 (and a guard on include/redirect nesting). */
export interface SpfLimits {
  /** DNS-querying terms (include a mx ptr exists redirect) in the whole evaluation. Default 10. */
  dnsTerms: number;
  /** Void lookups (NXDOMAIN or empty answers). Default 2. */
  voidLookups: number;
  /** MX names per `mx` term; more is permerror. Default 10. */
  mxNames: number;
  /** PTR names looked at per `ptr` term or `%{p}` macro; the rest are ignored. Default 10. */
  ptrNames: number;
}

export const DEFAULT_LIMITS: SpfLimits = { dnsTerms: 10, voidLookups: 2, mxNames: 10, ptrNames: 10 };

/** Stops the evaluation of a record with an error result (caught per record). */
export class EvaluationStop {
  constructor(readonly result: Extract<SpfResult, 'temperror' | 'permerror'>, readonly reason: string) {}
}

/** Parsed addresses of DNS answers, shared across evaluations (answers repeat a lot). */
const addressCache = new Map<string, IPv4 | IPv6 | null>();
const ADDRESS_CACHE_LIMIT = 4096;

function parseOrNull(text: string, ipv4: boolean): IPv4 | IPv6 | null {
  try {
    return ipv4 ? ipaddr.IPv4.parse(text) : ipaddr.IPv6.parse(text);
  } catch {
    return null;
  }
}

function parseAnswerAddress(text: string, ipv4: boolean): IPv4 | IPv6 | null {
  let parsed = addressCache.get(text);
  if (parsed === undefined) {
    parsed = parseOrNull(text, ipv4);
    if (addressCache.size >= ADDRESS_CACHE_LIMIT) addressCache.clear();
    addressCache.set(text, parsed);
  }
  return parsed;
}

export class EvaluationState {
  readonly dnsTerms: CounterEvent[] = [];
  readonly voidLookups: CounterEvent[] = [];
  queryCount = 0;
  /** `A` or `AAAA`: the address type matching the client (RFC 7208 §5.3). */
  readonly addressType: 'A' | 'AAAA';

  constructor(
    readonly resolver: Resolver,
    readonly limits: SpfLimits,
    readonly client: IPv4 | IPv6,
    readonly signal: AbortSignal | undefined,
    /** Answers fetched ahead for include/redirect targets, when prefetching is on. */
    readonly prefetcher?: RecordPrefetcher,
  ) {
    this.addressType = client.kind() === 'ipv4' ? 'A' : 'AAAA';
  }

  /** Sends one query (or takes the answer fetched ahead) and records it in `sink`. */
  async query<T extends QueryType>(name: string, type: T, sink: DnsQueryTrace[]): Promise<DnsResponse<T>> {
    const started = performance.now();
    const ahead = type === 'TXT' ? (this.prefetcher?.take(name) as Promise<DnsResponse<T>> | undefined) : undefined;
    let response: DnsResponse<T>;
    try {
      response = this.signal?.aborted
        ? { status: 'error', code: 'CANCELLED', message: 'the evaluation was cancelled' }
        : await (ahead ?? this.resolver.query(name, type, this.signal ? { signal: this.signal } : undefined));
    } catch (error) {
      // The Resolver contract forbids rejections; a plugged-in resolver that breaks it still gets a result.
      response = { status: 'error', code: 'OTHER', message: `the resolver failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const trace: DnsQueryTrace = { name, type, response, elapsedMs: performance.now() - started };
    if (ahead) trace.prefetched = true;
    sink.push(trace);
    this.queryCount++;
    return response;
  }

  /** Counts a DNS-querying term; the one past the limit is permerror (RFC 7208 §4.6.4). */
  countDnsTerm(domain: string, step: TermTrace): void {
    const count = this.dnsTerms.length + 1;
    this.dnsTerms.push({ count, limit: this.limits.dnsTerms, domain, term: step.term });
    step.dnsTermCount = count;
    if (count > this.limits.dnsTerms) {
      throw new EvaluationStop(
        'permerror',
        `"${step.term}" is DNS-querying term number ${count}: more than ${this.limits.dnsTerms} (RFC 7208 §4.6.4)`,
      );
    }
  }

  /** Counts a void lookup; the one past the limit is permerror (RFC 7208 §4.6.4). */
  countVoidLookup(domain: string, step: TermTrace): void {
    const count = this.voidLookups.length + 1;
    this.voidLookups.push({ count, limit: this.limits.voidLookups, domain, term: step.term });
    step.voidLookupCount = count;
    if (count > this.limits.voidLookups) {
      throw new EvaluationStop(
        'permerror',
        `"${step.term}" made void lookup number ${count}: more than ${this.limits.voidLookups} (RFC 7208 §4.6.4)`,
      );
    }
  }

  /** True when the address text is the client or, with `prefixLength`, in its network. */
  addressMatches(text: string, prefixLength: number): boolean {
    const address = parseAnswerAddress(text, this.addressType === 'A');
    if (address === null || address.kind() !== this.client.kind()) return false;
    return this.client.match(address, prefixLength);
  }
}

/** The error result of a failed query (RFC 7208 §2.6.6: DNS errors are temperror). */
export function dnsFailure(name: string, type: QueryType, response: DnsResponse): EvaluationStop {
  const detail = response.status === 'error' ? `${response.code}: ${response.message}` : response.status;
  return new EvaluationStop('temperror', `DNS ${type} query for ${name} failed (${detail})`);
}
