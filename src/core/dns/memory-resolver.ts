/**
 * A resolver that answers from records held in memory (offline analysis, zone files, tests).
 */
import type { DnsResponse, MxRecord, QueryOptions, QueryType, RecordData, Resolver } from './resolver';
import { normalizeName } from './resolver';

/** One record. A TXT value is its list of character-strings. */
export type MemoryRecord =
  | { name: string; type: 'A' | 'AAAA' | 'PTR' | 'CNAME'; value: string; ttl?: number }
  | { name: string; type: 'TXT'; value: string[]; ttl?: number }
  | { name: string; type: 'MX'; value: MxRecord; ttl?: number };

export interface MemoryResolverOptions {
  /** Names whose queries, for types with no records at the name, time out. */
  timeouts?: Iterable<string>;
  /**
   * Names that exist without records of the types above (say, only SOA or NS in a zone):
   * they answer NODATA instead of NXDOMAIN.
   */
  existingNames?: Iterable<string>;
}

interface NameRecords {
  A: string[];
  AAAA: string[];
  TXT: string[][];
  MX: MxRecord[];
  PTR: string[];
  cname?: string;
  ttl?: number;
}

/** CNAME chains longer than this are answered as loops. */
const MAX_CNAME_HOPS = 16;

/**
 * Answers queries from a fixed set of records: names are case-insensitive, an unknown name is
 * NXDOMAIN, a known name without records of the asked type is NODATA, CNAMEs are followed
 * (a loop or an over-long chain is an error with code `LOOP`), and a name listed in
 * `options.timeouts` times out for types it has no records of. The answered record arrays are
 * shared with the resolver: callers must not change them.
 */
export class MemoryResolver implements Resolver {
  private readonly names = new Map<string, NameRecords>();
  private readonly timeouts: Set<string>;

  constructor(records: Iterable<MemoryRecord>, options: MemoryResolverOptions = {}) {
    this.timeouts = new Set();
    for (const name of options.timeouts ?? []) this.timeouts.add(normalizeName(name));
    for (const name of options.existingNames ?? []) this.entry(name);
    for (const record of records) this.add(record);
  }

  private entry(name: string): NameRecords {
    const key = normalizeName(name);
    let entry = this.names.get(key);
    if (!entry) {
      entry = { A: [], AAAA: [], TXT: [], MX: [], PTR: [] };
      this.names.set(key, entry);
    }
    return entry;
  }

  private add(record: MemoryRecord): void {
    const entry = this.entry(record.name);
    if (record.ttl !== undefined) entry.ttl = entry.ttl === undefined ? record.ttl : Math.min(entry.ttl, record.ttl);
    switch (record.type) {
      case 'CNAME':
        entry.cname = normalizeName(record.value);
        break;
      case 'TXT':
        entry.TXT.push([...record.value]);
        break;
      case 'MX':
        entry.MX.push({ preference: record.value.preference, exchange: record.value.exchange });
        break;
      default:
        entry[record.type].push(record.value);
    }
  }

  /** Answers synchronously (wrapped in a promise by `query`). */
  answer<T extends QueryType>(name: string, type: T): DnsResponse<T> {
    let key = normalizeName(name);
    let seen: Set<string> | undefined;
    for (let hops = 0; ; hops++) {
      const entry = this.names.get(key);
      if (!entry) {
        if (this.timeouts.has(key)) return timeout(key, type);
        return { status: 'nxdomain' };
      }
      const records = entry[type] as RecordData[T];
      if (records.length > 0) {
        return entry.ttl === undefined ? { status: 'ok', records } : { status: 'ok', records, ttl: entry.ttl };
      }
      if (entry.cname === undefined) {
        if (this.timeouts.has(key)) return timeout(key, type);
        return entry.ttl === undefined ? { status: 'nodata' } : { status: 'nodata', ttl: entry.ttl };
      }
      seen ??= new Set();
      seen.add(key);
      key = entry.cname;
      if (seen.has(key) || hops >= MAX_CNAME_HOPS) {
        return { status: 'error', code: 'LOOP', message: `CNAME loop at ${key} while resolving ${normalizeName(name)} ${type}` };
      }
    }
  }

  query<T extends QueryType>(name: string, type: T, options?: QueryOptions): Promise<DnsResponse<T>> {
    if (options?.signal?.aborted) {
      return Promise.resolve({ status: 'error', code: 'CANCELLED', message: `query ${name} ${type} cancelled` });
    }
    return Promise.resolve(this.answer(name, type));
  }
}

function timeout(name: string, type: QueryType): { status: 'error'; code: 'TIMEOUT'; message: string } {
  return { status: 'error', code: 'TIMEOUT', message: `query ${name} ${type} timed out` };
}
