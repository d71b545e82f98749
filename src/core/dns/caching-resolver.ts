/**
 * A cache in front of any `Resolver`: answers are kept for their TTL, identical queries in
 * flight share one upstream query, and the number of cached answers is bounded (least
 * recently used answers are dropped first).
 *
 * Caching policy:
 * - `ok` answers live for their TTL, or `defaultTtl` when the upstream gives none (Node
 *   exposes no TTL for TXT, MX and PTR).
 * - `nxdomain`/`nodata` live for their TTL, or the short `negativeTtl` (RFC 2308 would use the
 *   SOA minimum, which Node does not expose).
 * - Errors are not cached by default (`errorTtl: 0`): a SERVFAIL or timeout is often
 *   transient, and joining in-flight queries already stops a burst of identical failing
 *   queries. `CANCELLED` is never cached: it describes the caller, not the name.
 * - A TTL of 0 means "do not cache". TTLs are capped at `maxTtl`.
 */
import { normalizeName, type DnsResponse, type QueryOptions, type QueryType, type Resolver } from './resolver';

export interface CachingResolverOptions {
  /** Most answers kept; the least recently used is dropped beyond it. Default 10 000. */
  maxEntries?: number;
  /** Seconds an `ok` answer without TTL is kept. Default 60. */
  defaultTtl?: number;
  /** Seconds an `nxdomain`/`nodata` answer without TTL is kept. Default 30. */
  negativeTtl?: number;
  /** Seconds an error (other than CANCELLED) is kept. Default 0: not cached. */
  errorTtl?: number;
  /** Upper bound on any TTL, in seconds. Default 86 400. */
  maxTtl?: number;
  /** Clock in milliseconds; injectable for tests. Default `Date.now`. */
  now?: () => number;
}

export interface CacheStats {
  /** Queries answered from the cache. */
  hits: number;
  /** Queries that started an upstream query. */
  misses: number;
  /** Queries that joined an identical upstream query already in flight. */
  inflightJoins: number;
  /** Answers dropped to keep within `maxEntries`. */
  evictions: number;
  /** Answers currently cached (expired ones included until touched or evicted). */
  size: number;
}

interface CacheEntry {
  response: DnsResponse;
  storedAt: number;
  expiresAt: number;
}

interface InFlight {
  promise: Promise<DnsResponse>;
  controller: AbortController;
  waiters: number;
}

/** Caching, query-joining, size-bounded wrapper around another resolver. */
export class CachingResolver implements Resolver {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly counters = { hits: 0, misses: 0, inflightJoins: 0, evictions: 0 };
  private readonly maxEntries: number;
  private readonly defaultTtl: number;
  private readonly negativeTtl: number;
  private readonly errorTtl: number;
  private readonly maxTtl: number;
  private readonly now: () => number;

  constructor(
    private readonly upstream: Resolver,
    options: CachingResolverOptions = {},
  ) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.defaultTtl = options.defaultTtl ?? 60;
    this.negativeTtl = options.negativeTtl ?? 30;
    this.errorTtl = options.errorTtl ?? 0;
    this.maxTtl = options.maxTtl ?? 86_400;
    this.now = options.now ?? Date.now;
  }

  /** Counters since construction or the last `clear()`. */
  stats(): CacheStats {
    return { ...this.counters, size: this.entries.size };
  }

  /** Drops every cached answer and resets the counters (queries in flight finish normally). */
  clear(): void {
    this.entries.clear();
    Object.assign(this.counters, { hits: 0, misses: 0, inflightJoins: 0, evictions: 0 });
  }

  /**
   * Answers from the cache while fresh (with the TTL counted down), else joins or starts the
   * upstream query (an upstream that breaks the contract by rejecting yields an `OTHER` error).
   * Aborting one caller's signal cancels the upstream query only when every
   * caller waiting for it has aborted.
   */
  async query<T extends QueryType>(name: string, type: T, options: QueryOptions = {}): Promise<DnsResponse<T>> {
    const key = `${type} ${normalizeName(name)}`;
    const cached = this.fresh(key);
    if (cached) {
      this.counters.hits++;
      return cached as DnsResponse<T>;
    }
    const signal = options.signal;
    if (signal?.aborted) return cancelled(name, type) as DnsResponse<T>;
    let flight = this.inFlight.get(key);
    if (flight) {
      this.counters.inflightJoins++;
    } else {
      this.counters.misses++;
      flight = this.start(key, name, type);
    }
    return (await this.wait(flight, key, name, type, signal)) as DnsResponse<T>;
  }

  private start(key: string, name: string, type: QueryType): InFlight {
    const controller = new AbortController();
    const promise = this.upstream
      .query(name, type, { signal: controller.signal })
      .catch((error: unknown): DnsResponse => ({ status: 'error', code: 'OTHER', message: `${type} ${name}: ${String(error)}` }))
      .then((response) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        if (!controller.signal.aborted) this.store(key, response);
        return response;
      });
    const flight: InFlight = { promise, controller, waiters: 0 };
    this.inFlight.set(key, flight);
    return flight;
  }

  private wait(flight: InFlight, key: string, name: string, type: QueryType, signal: AbortSignal | undefined): Promise<DnsResponse> {
    flight.waiters++;
    if (!signal) return flight.promise;
    return new Promise((resolve) => {
      const onAbort = (): void => {
        flight.waiters--;
        if (flight.waiters === 0) {
          if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
          flight.controller.abort();
        }
        resolve(cancelled(name, type));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void flight.promise.then((response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      });
    });
  }

  private fresh(key: string): DnsResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (now >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    const { response } = entry;
    if (response.status === 'error' || response.ttl === undefined) return response;
    const remaining = Math.max(0, response.ttl - Math.floor((now - entry.storedAt) / 1000));
    return { ...response, ttl: remaining };
  }

  private store(key: string, response: DnsResponse): void {
    const ttl = Math.min(this.ttlOf(response), this.maxTtl);
    if (!(ttl > 0)) return;
    const now = this.now();
    this.entries.delete(key);
    this.entries.set(key, { response, storedAt: now, expiresAt: now + ttl * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.counters.evictions++;
    }
  }

  private ttlOf(response: DnsResponse): number {
    switch (response.status) {
      case 'ok':
        return response.ttl ?? this.defaultTtl;
      case 'nxdomain':
      case 'nodata':
        return response.ttl ?? this.negativeTtl;
      case 'error':
        return response.code === 'CANCELLED' ? 0 : this.errorTtl;
    }
  }
}

function cancelled(name: string, type: QueryType): DnsResponse {
  return { status: 'error', code: 'CANCELLED', message: `${type} ${name}: query cancelled` };
}
