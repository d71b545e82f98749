/**
 * The one DNS interface of the analyzer. Every resolver (live DNS over Node's `dns`,
 * records held in memory or read from zone files, caching, draft overlay) implements it,
 * and any program can plug in its own.
 *
 * Contract:
 * - `query` never throws and never rejects: failures are data (`status: 'error'`).
 * - Names are compared case-insensitively; a trailing dot is optional.
 * - `ok` always carries at least one record; an empty answer is `nodata`.
 * - CNAMEs are followed by the resolver (as a recursive resolver would); callers see the
 *   records of the final target.
 */
export type QueryType = 'A' | 'AAAA' | 'TXT' | 'MX' | 'PTR';

export interface MxRecord {
  preference: number;
  exchange: string;
}

/** Record data per query type. A TXT record is its list of character-strings, unjoined. */
export interface RecordData {
  A: string[];
  AAAA: string[];
  TXT: string[][];
  MX: MxRecord[];
  PTR: string[];
}

/** Why a query failed. NXDOMAIN and empty answers are not errors (RFC 7208 §4.6.4 "void lookups"). */
export type DnsErrorCode =
  | 'SERVFAIL'
  | 'REFUSED'
  | 'TIMEOUT'
  | 'FORMERR'
  | 'NOTIMP'
  | 'BADRESP'
  | 'CONNREFUSED'
  | 'CANCELLED'
  | 'LOOP'
  | 'OTHER';

export type DnsResponse<T extends QueryType = QueryType> =
  | { status: 'ok'; records: RecordData[T]; ttl?: number }
  | { status: 'nxdomain'; ttl?: number }
  | { status: 'nodata'; ttl?: number }
  | { status: 'error'; code: DnsErrorCode; message: string };

export interface QueryOptions {
  /** Aborting answers `{ status: 'error', code: 'CANCELLED' }` as soon as possible. */
  signal?: AbortSignal;
}

export interface Resolver {
  query<T extends QueryType>(name: string, type: T, options?: QueryOptions): Promise<DnsResponse<T>>;
}

/** Lower-cases a DNS name and removes one trailing dot, the form resolvers use as keys. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower.length > 1 ? lower.slice(0, -1) : lower;
}
