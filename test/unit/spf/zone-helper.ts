import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import type { MxRecord } from '../../../src/core/dns/resolver';

/** Records of one name, in a compact form for tests. */
export interface TestNameRecords {
  TXT?: string[];
  A?: string[];
  AAAA?: string[];
  MX?: Array<[number, string]>;
  PTR?: string[];
  CNAME?: string;
}

/** A MemoryResolver from `{ name: { TXT: [...], A: [...] } }`. */
export function testZone(zone: Record<string, TestNameRecords>, timeouts: string[] = []): MemoryResolver {
  const records: MemoryRecord[] = [];
  for (const [name, data] of Object.entries(zone)) {
    for (const text of data.TXT ?? []) records.push({ name, type: 'TXT', value: [text] });
    for (const value of data.A ?? []) records.push({ name, type: 'A', value });
    for (const value of data.AAAA ?? []) records.push({ name, type: 'AAAA', value });
    for (const value of data.PTR ?? []) records.push({ name, type: 'PTR', value });
    for (const [preference, exchange] of data.MX ?? []) {
      const value: MxRecord = { preference, exchange };
      records.push({ name, type: 'MX', value });
    }
    if (data.CNAME) records.push({ name, type: 'CNAME', value: data.CNAME });
  }
  return new MemoryResolver(records, { timeouts, existingNames: Object.keys(zone) });
}
