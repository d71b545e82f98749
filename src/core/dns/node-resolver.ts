/**
 * Live DNS over Node's `dns.promises.Resolver` (c-ares), mapped onto the analyzer's
 * `Resolver` contract.
 *
 * What c-ares does for us, and how its outcomes are mapped:
 * - NXDOMAIN → `ENOTFOUND` → `nxdomain`; NOERROR without records of the asked type →
 *   `ENODATA` → `nodata` (both are "void lookups", RFC 7208 §4.6.4).
 * - SERVFAIL, REFUSED, FORMERR, NOTIMP, a malformed answer, no answer in time, a refused
 *   connection and cancellation → `error` with the matching code and a message naming the
 *   query and the server(s), e.g. `TXT example.com: server 127.0.0.1:5353 answered SERVFAIL`.
 * - A UDP answer with the TC bit set is retried over TCP by c-ares itself.
 * - CNAME chains in an answer are followed by c-ares and the final records returned. When the
 *   answer holds records but none of the asked type (a CNAME loop, or a server answering with
 *   another type), c-ares reports success with an empty list; this class then walks the CNAME
 *   chain with CNAME queries: a loop (or a chain longer than 16 names) is a
 *   `LOOP` error, anything else is `nodata`. (Node answers a CNAME query with the name the
 *   answer leads to, so a name that is its own CNAME cannot be told from a name without one;
 *   it is reported as `nodata`.)
 * - TTLs: Node exposes them only for A and AAAA (`{ ttl: true }`; the smallest TTL of the
 *   answer is used). TXT, MX and PTR answers and negative answers carry no `ttl`: it is unknown,
 *   and caches apply their own default (see `CachingResolver`).
 * - Timeouts: `timeout` is c-ares's initial per-try timeout; c-ares 1.34 lengthens later
 *   tries (backoff adapted to the server's measured latency), so a server that never answers
 *   is given up on after a few times `timeout` × `tries` (measured: 100 ms × 2 tries ≈ 0.8 s,
 *   300 ms × 2 ≈ 0.9–1.2 s).
 */
import { Resolver as AresResolver } from 'node:dns/promises';
import type { DnsErrorCode, DnsResponse, QueryOptions, QueryType, RecordData, Resolver } from './resolver';

export interface NodeResolverOptions {
  /**
   * DNS servers as Node's `setServers` takes them: `192.0.2.1`, `192.0.2.1:5353`, `2001:db8::1`
   * or `[2001:db8::1]:5353`. Default: the system's servers.
   */
  servers?: string[];
  /** Milliseconds c-ares waits for the first try; later tries wait longer. Default 2000. */
  timeout?: number;
  /** Attempts per server before giving up. Default 2. */
  tries?: number;
}

/** Longest CNAME chain walked when looking for a loop; longer chains count as a loop. */
const MAX_CNAME_HOPS = 16;

const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_TRIES = 2;

const ERROR_CODES: Record<string, DnsErrorCode> = {
  ESERVFAIL: 'SERVFAIL',
  EREFUSED: 'REFUSED',
  ETIMEOUT: 'TIMEOUT',
  EFORMERR: 'FORMERR',
  ENOTIMP: 'NOTIMP',
  EBADRESP: 'BADRESP',
  ECONNREFUSED: 'CONNREFUSED',
  ECANCELLED: 'CANCELLED',
};

type Answer<T extends QueryType> = { records: RecordData[T]; ttl?: number };

/** Live DNS resolver over Node's c-ares binding. `query` never throws. */
export class NodeResolver implements Resolver {
  private readonly shared: AresResolver;
  private readonly servers: string[];
  private readonly timeout: number;
  private readonly tries: number;

  /** @throws Error when a server address is not one Node's `setServers` accepts. */
  constructor(options: NodeResolverOptions = {}) {
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.tries = options.tries ?? DEFAULT_TRIES;
    this.shared = new AresResolver({ timeout: this.timeout, tries: this.tries });
    if (options.servers) {
      try {
        this.shared.setServers(options.servers);
      } catch (error) {
        throw new Error(`invalid DNS server list ${JSON.stringify(options.servers)}: ${(error as Error).message}`);
      }
    }
    this.servers = this.shared.getServers();
  }

  /** The servers queried, as c-ares reports them (`127.0.0.1:5353`, `[::1]:5353`). */
  getServers(): string[] {
    return [...this.servers];
  }

  /** Looks up `name`/`type`; see the module comment for how outcomes are mapped. */
  async query<T extends QueryType>(name: string, type: T, options: QueryOptions = {}): Promise<DnsResponse<T>> {
    const signal = options.signal;
    if (signal?.aborted) return this.failure(name, type, 'CANCELLED');
    const ares = signal ? this.perQueryResolver() : this.shared;
    const cancel = (): void => ares.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const answer = await lookUp(ares, name, type);
      if (answer.records.length > 0) {
        return answer.ttl === undefined ? { status: 'ok', records: answer.records } : { status: 'ok', records: answer.records, ttl: answer.ttl };
      }
      return await this.explainEmptyAnswer(ares, name, type);
    } catch (error) {
      return this.mapError(error, name, type);
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  /** A channel of its own, so aborting one query cannot cancel the others. */
  private perQueryResolver(): AresResolver {
    const resolver = new AresResolver({ timeout: this.timeout, tries: this.tries });
    resolver.setServers(this.servers);
    return resolver;
  }

  /**
   * c-ares answered "success" with no record of the asked type: the answer held only other
   * records (CNAMEs that never reach the type, or a lying server). Walk the CNAMEs to tell a
   * loop apart from an empty answer.
   */
  private async explainEmptyAnswer<T extends QueryType>(ares: AresResolver, name: string, type: T): Promise<DnsResponse<T>> {
    const chain = [name];
    const seen = new Set([name.toLowerCase()]);
    for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
      let targets: string[];
      try {
        targets = await ares.resolveCname(chain[chain.length - 1]);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ECANCELLED') return this.failure(name, type, 'CANCELLED');
        return { status: 'nodata' };
      }
      const target = targets[0];
      // Node answers a CNAME query with the name the answer leads to; the asked name itself means no alias.
      if (target === undefined || target.toLowerCase() === chain[chain.length - 1].toLowerCase()) return { status: 'nodata' };
      chain.push(target);
      if (seen.has(target.toLowerCase())) {
        return this.failure(name, type, 'LOOP', `CNAME loop ${chain.join(' → ')}`);
      }
      seen.add(target.toLowerCase());
    }
    return this.failure(name, type, 'LOOP', `CNAME chain longer than ${MAX_CNAME_HOPS}: ${chain.join(' → ')} …`);
  }

  private mapError<T extends QueryType>(error: unknown, name: string, type: T): DnsResponse<T> {
    const nodeCode = (error as NodeJS.ErrnoException).code ?? '';
    if (nodeCode === 'ENOTFOUND') return { status: 'nxdomain' };
    if (nodeCode === 'ENODATA') return { status: 'nodata' };
    const code = ERROR_CODES[nodeCode];
    if (code) return this.failure(name, type, code);
    return this.failure(name, type, 'OTHER', `${nodeCode || 'error'}: ${(error as Error).message}`);
  }

  private failure<T extends QueryType>(name: string, type: T, code: DnsErrorCode, detail?: string): DnsResponse<T> {
    return { status: 'error', code, message: `${type} ${name}: ${detail ?? this.describe(code)}` };
  }

  private describe(code: DnsErrorCode): string {
    const servers = this.servers.length === 1 ? `server ${this.servers[0]}` : `servers ${this.servers.join(', ')}`;
    switch (code) {
      case 'SERVFAIL':
      case 'REFUSED':
      case 'NOTIMP':
        return `${servers} answered ${code}`;
      case 'FORMERR':
        return `${servers} answered FORMERR (it could not read the query)`;
      case 'TIMEOUT':
        return `no answer from ${servers} (timeout ${this.timeout} ms, ${this.tries} ${this.tries === 1 ? 'try' : 'tries'})`;
      case 'CONNREFUSED':
        return `${servers} refused the connection`;
      case 'BADRESP':
        return `${servers} sent a malformed answer`;
      case 'CANCELLED':
        return 'query cancelled';
      default:
        return `query failed (${code})`;
    }
  }
}

async function lookUp<T extends QueryType>(ares: AresResolver, name: string, type: T): Promise<Answer<T>> {
  switch (type) {
    case 'A':
    case 'AAAA': {
      const addresses = type === 'A' ? await ares.resolve4(name, { ttl: true }) : await ares.resolve6(name, { ttl: true });
      const ttl = addresses.length > 0 ? Math.min(...addresses.map((entry) => entry.ttl)) : undefined;
      return { records: addresses.map((entry) => entry.address), ttl } as Answer<T>;
    }
    case 'TXT':
      return { records: await ares.resolveTxt(name) } as Answer<T>;
    case 'MX': {
      const exchanges = await ares.resolveMx(name);
      return { records: exchanges.map((mx) => ({ preference: mx.priority, exchange: mx.exchange })) } as Answer<T>;
    }
    case 'PTR':
      return { records: await ares.resolvePtr(name) } as Answer<T>;
    default:
      throw Object.assign(new Error(`unsupported query type ${String(type)}`), { code: 'EBADQUERY' });
  }
}
