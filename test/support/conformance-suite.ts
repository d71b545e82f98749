/**
 * Loads the OpenSPF conformance suites (test/fixtures/conformance) into scenarios with the
 * zone data as MemoryResolver records, following the driver conventions of the suites'
 * README: SPF records also serve as TXT unless the name has TXT records or `TXT: NONE`;
 * `TIMEOUT` makes queries for types without records time out; a name not in the zone
 * data does not exist, a listed one answers NODATA for types it has no records of.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { MemoryRecord } from '../../src/core/dns/memory-resolver';

export interface ConformanceCase {
  name: string;
  description?: string;
  spec?: string;
  helo: string;
  host: string;
  mailfrom: string;
  /** Acceptable results (the first is preferred). */
  results: string[];
  explanation?: string;
}

export interface ConformanceScenario {
  description: string;
  cases: ConformanceCase[];
  records: MemoryRecord[];
  timeouts: string[];
  /** Every name of the zone data: they exist (NODATA, not NXDOMAIN, for absent types). */
  names: string[];
}

export const CONFORMANCE_DIR = path.resolve(process.cwd(), 'test/fixtures/conformance');

type ZoneEntry = string | Record<string, unknown>;

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => String(item)) : [String(value)];
}

function zoneRecords(zonedata: Record<string, ZoneEntry[]>): { records: MemoryRecord[]; timeouts: string[]; names: string[] } {
  const records: MemoryRecord[] = [];
  const timeouts: string[] = [];
  const names = Object.keys(zonedata ?? {});
  for (const [name, entries] of Object.entries(zonedata ?? {})) {
    const spf: string[][] = [];
    let hasTxt = false;
    let txtNone = false;
    for (const entry of entries ?? []) {
      if (entry === 'TIMEOUT') {
        timeouts.push(name);
        continue;
      }
      const [type, value] = Object.entries(entry as Record<string, unknown>)[0];
      switch (type) {
        case 'SPF':
          spf.push(asStrings(value));
          break;
        case 'TXT':
          if (value === 'NONE') txtNone = true;
          else {
            hasTxt = true;
            records.push({ name, type: 'TXT', value: asStrings(value) });
          }
          break;
        case 'MX': {
          const [preference, exchange] = value as [number, string];
          records.push({ name, type: 'MX', value: { preference: Number(preference), exchange: String(exchange) } });
          break;
        }
        case 'A':
        case 'AAAA':
        case 'PTR':
        case 'CNAME':
          records.push({ name, type, value: String(value) });
          break;
        default:
          throw new Error(`unexpected zone entry type ${type} at ${name}`);
      }
    }
    if (!hasTxt && !txtNone) {
      for (const strings of spf) records.push({ name, type: 'TXT', value: strings });
    }
  }
  return { records, timeouts, names };
}

/** Reads one suite file (`rfc7208-tests.yml` or `rfc4408-tests.yml`). */
export function loadConformanceSuite(fileName: string): ConformanceScenario[] {
  const text = readFileSync(path.join(CONFORMANCE_DIR, fileName), 'utf8');
  return parseAllDocuments(text).map((document) => {
    const data = document.toJS() as {
      description: string;
      tests: Record<string, Record<string, unknown>>;
      zonedata: Record<string, ZoneEntry[]>;
    };
    const cases = Object.entries(data.tests).map(([name, test]): ConformanceCase => ({
      name,
      description: test.description === undefined ? undefined : String(test.description),
      spec: test.spec === undefined ? undefined : String(test.spec),
      helo: String(test.helo),
      host: String(test.host),
      mailfrom: test.mailfrom === undefined || test.mailfrom === null ? '' : String(test.mailfrom),
      results: asStrings(test.result),
      explanation: test.explanation === undefined ? undefined : String(test.explanation),
    }));
    return { description: data.description, cases, ...zoneRecords(data.zonedata) };
  });
}
