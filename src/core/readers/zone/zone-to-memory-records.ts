/**
 * Zone records as the in-memory resolver's records, so a zone being edited can answer the SPF
 * engine's queries (A, AAAA, MX, PTR, CNAME and TXT; RFC 7208 §3.1: type SPF is not looked up).
 */
import type { MemoryRecord } from '../../dns/memory-resolver';
import { resolveName } from './zone-names';
import type { ZoneFile, ZoneRecord } from './zone-types';

/**
 * Converts read zone records to `MemoryRecord`s: names absolute (relative ones resolved against
 * the record's `$ORIGIN`) without the trailing dot; the root stays `.`; TXT values as their list
 * of decoded strings. Records of other types and classes other than IN are left out.
 */
export function zoneToMemoryRecords(zone: ZoneFile): MemoryRecord[] {
  const result: MemoryRecord[] = [];
  for (const record of zone.records) {
    if (record.class.name !== 'IN') continue;
    const name = withoutDot(record.ownerName);
    const ttl = record.ttl?.seconds;
    const base = ttl === undefined ? { name } : { name, ttl };
    switch (record.type.name) {
      case 'A':
      case 'AAAA':
        if (!record.generic) result.push({ ...base, type: record.type.name, value: record.rdata[0].text });
        break;
      case 'CNAME':
      case 'PTR':
        if (!record.generic) result.push({ ...base, type: record.type.name, value: dataName(record, 0) });
        break;
      case 'MX':
        if (!record.generic) result.push({ ...base, type: 'MX', value: { preference: Number(record.rdata[0].text), exchange: dataName(record, 1) } });
        break;
      case 'TXT':
        if (record.txt) result.push({ ...base, type: 'TXT', value: record.txt.strings.map((item) => item.text) });
        break;
    }
  }
  return result;
}

/** Every owner name of the zone (absolute, without the trailing dot): names that exist even without A/TXT/MX records. */
export function zoneOwnerNames(zone: ZoneFile): string[] {
  return [...new Set(zone.records.map((record) => withoutDot(record.ownerName)))];
}

function dataName(record: ZoneRecord, index: number): string {
  return withoutDot(resolveName(record.rdata[index].text, record.origin));
}

function withoutDot(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}
