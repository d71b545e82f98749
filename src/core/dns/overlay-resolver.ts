/**
 * Draft-first resolution for the zone being edited: the draft (usually a `MemoryResolver`
 * built from the editor's zone file) is authoritative for every name at or below its zone
 * apexes, and the live resolver answers everything else.
 *
 * A name under a draft apex that the draft lacks is answered by the draft (nxdomain/nodata),
 * never by a live query: the draft is what the zone will contain once published. A CNAME in
 * the draft that points outside its apexes is followed by the draft alone (whatever the draft
 * resolver does with it), not handed over to the live resolver.
 */
import { normalizeName, type DnsResponse, type QueryOptions, type QueryType, type Resolver } from './resolver';

/** Answers names at or below `authoritativeZones` from `draft`, all others from `live`. */
export class OverlayResolver implements Resolver {
  private readonly apexes: string[];

  constructor(
    private readonly draft: Resolver,
    private readonly live: Resolver,
    authoritativeZones: Iterable<string>,
  ) {
    this.apexes = [...new Set([...authoritativeZones].map(normalizeName))];
  }

  /** The zone apexes the draft answers for, normalized (lower case, no trailing dot). */
  zones(): string[] {
    return [...this.apexes];
  }

  /** True when `name` is at or below one of the draft's zone apexes (the root `.` covers every name). */
  isAuthoritative(name: string): boolean {
    const key = normalizeName(name);
    return this.apexes.some((apex) => apex === '.' || key === apex || key.endsWith(`.${apex}`));
  }

  /** Asks the draft for names it is authoritative for, the live resolver for the rest. */
  query<T extends QueryType>(name: string, type: T, options?: QueryOptions): Promise<DnsResponse<T>> {
    return (this.isAuthoritative(name) ? this.draft : this.live).query(name, type, options);
  }
}
