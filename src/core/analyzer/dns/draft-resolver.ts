/**
 * The draft: the document's records answer first, the outside world (live DNS, a cache, or an
 * offline resolver) answers every other name. This is what lets the analyzer evaluate
 * `check_host()` on the record as it is being edited, before it is published.
 */
import { MemoryResolver } from '../../dns/memory-resolver';
import { OverlayResolver } from '../../dns/overlay-resolver';
import { normalizeName, type DnsResponse, type QueryOptions, type QueryType, type Resolver } from '../../dns/resolver';
import { zoneOwnerNames, zoneToMemoryRecords } from '../../readers/zone/zone-to-memory-records';
import type { AnalyzedDocument, SpfRecordSite } from '../document';

/**
 * A resolver for `document` over `outside`:
 * - a zone file answers every name at or below its apexes (its SOA owners, else its origin,
 *   else the owners of its records) from its own records, as `OverlayResolver` does;
 * - a TXT line, raw value or DNS-as-code string only replaces the TXT answer of its owner
 *   (`fallbackOwner` for a record written without one, e.g. the bounce's domain).
 */
export function draftResolver(document: AnalyzedDocument, outside: Resolver, fallbackOwner?: string): Resolver {
  if (document.zone) {
    const records = zoneToMemoryRecords(document.zone);
    const owners = zoneOwnerNames(document.zone);
    const draft = new MemoryResolver(records, { existingNames: owners });
    return new OverlayResolver(draft, outside, zoneApexes(document, owners));
  }
  return new TxtOverlayResolver(document.sites, outside, fallbackOwner);
}

/** The owner name a site's record is for: its own, or `fallbackOwner` when the document gives none. */
export function siteDomain(site: SpfRecordSite, fallbackOwner?: string): string | undefined {
  if (site.owner !== undefined) return normalizeName(site.owner);
  return fallbackOwner === undefined ? undefined : normalizeName(fallbackOwner);
}

function zoneApexes(document: AnalyzedDocument, owners: string[]): string[] {
  const zone = document.zone;
  if (!zone) return [];
  const soa = zone.records.filter((record) => record.type.name === 'SOA').map((record) => record.owner.name);
  if (soa.length > 0) return soa;
  if (zone.origin !== undefined) return [zone.origin];
  return owners;
}

/** Replaces the TXT answers of the sites' owners; everything else goes to `outside`. */
class TxtOverlayResolver implements Resolver {
  private readonly txt = new Map<string, string[][]>();

  constructor(sites: readonly SpfRecordSite[], private readonly outside: Resolver, fallbackOwner: string | undefined) {
    for (const site of sites) {
      const owner = siteDomain(site, fallbackOwner);
      if (owner === undefined) continue;
      const list = this.txt.get(owner) ?? [];
      list.push(site.value.strings.map((item) => item.text));
      this.txt.set(owner, list);
    }
  }

  query<T extends QueryType>(name: string, type: T, options?: QueryOptions): Promise<DnsResponse<T>> {
    const strings = type === 'TXT' ? this.txt.get(normalizeName(name)) : undefined;
    if (strings) return Promise.resolve({ status: 'ok', records: strings } as DnsResponse<T>);
    return this.outside.query(name, type, options);
  }
}
