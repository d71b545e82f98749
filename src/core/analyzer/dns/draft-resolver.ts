/**
 * The draft: the document's records answer first, the outside world (live DNS, a cache, or an
 * offline resolver) answers every other name. This is what lets the analyzer evaluate
 * `check_host()` on the record as it is being edited, before it is published.
 */
import { MemoryResolver } from '../../dns/memory-resolver';
import { OverlayResolver } from '../../dns/overlay-resolver';
import { normalizeName, type DnsResponse, type QueryOptions, type QueryType, type Resolver } from '../../dns/resolver';
import { zoneOwnerNames, zoneToMemoryRecords } from '../../readers/zone/zone-to-memory-records';
import { rrTypeName } from '../../readers/zone/rr-types';
import type { AnalyzedDocument, SpfRecordSite } from '../document';

/**
 * A resolver for `document` over `outside`:
 * - a zone file with an SOA record or `$ORIGIN` answers every name at or below its apexes (its
 *   SOA owners, else its origin) from its own records, as `OverlayResolver` does: a record
 *   deleted in the draft is gone;
 * - a zone fragment with neither (a pasted TXT line, the snippet the extension opens for a
 *   bounced domain) is authoritative only for what it holds: a name and type it has records for
 *   answers from the draft, everything else (the domain's A and MX records, say) from `outside`;
 * - a TXT line, raw value or DNS-as-code string only replaces the TXT answer of its owner
 *   (`fallbackOwner` for a record written without one, e.g. the bounce's domain).
 */
export function draftResolver(document: AnalyzedDocument, outside: Resolver, fallbackOwner?: string): Resolver {
  if (document.zone) {
    const records = zoneToMemoryRecords(document.zone);
    const apexes = zoneApexes(document);
    if (apexes.length === 0) return new RecordOverlayResolver(new MemoryResolver(records), outside);
    const draft = new MemoryResolver(records, { existingNames: zoneOwnerNames(document.zone) });
    return new OverlayResolver(draft, outside, apexes);
  }
  return new TxtOverlayResolver(document.sites, outside, fallbackOwner);
}

/** The owner name a site's record is for: its own, or `fallbackOwner` when the document gives none. */
export function siteDomain(site: SpfRecordSite, fallbackOwner?: string): string | undefined {
  if (site.owner !== undefined) return normalizeName(site.owner);
  return fallbackOwner === undefined ? undefined : normalizeName(fallbackOwner);
}

/** The names a zone document is authoritative for: its SOA owners, else its `$ORIGIN`; none for a fragment. */
function zoneApexes(document: AnalyzedDocument): string[] {
  const zone = document.zone;
  if (!zone) return [];
  const soa = zone.records.filter((record) => rrTypeName(record.typeCode) === 'SOA').map((record) => record.ownerName);
  if (soa.length > 0) return soa;
  return zone.origin !== undefined ? [zone.origin] : [];
}

/** The draft's records answer where it has some of the asked type; every other query goes to `outside`. */
class RecordOverlayResolver implements Resolver {
  constructor(private readonly draft: MemoryResolver, private readonly outside: Resolver) {}

  async query<T extends QueryType>(name: string, type: T, options?: QueryOptions): Promise<DnsResponse<T>> {
    const own = await this.draft.query(name, type, options);
    return own.status === 'ok' ? own : this.outside.query(name, type, options);
  }
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
