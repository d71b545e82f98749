/**
 * `--zone FILE`: zone files read into the records the in-memory resolver answers from.
 * Read errors are warnings with their position; the records read are used.
 */
import { readFileSync } from 'node:fs';
import type { MemoryRecord } from '../core/dns/memory-resolver';
import { normalizeName } from '../core/dns/resolver';
import { originFromFileName } from '../core/readers/zone/zone-names';
import { readZone } from '../core/readers/zone/zone-reader';
import { zoneOwnerNames, zoneToMemoryRecords } from '../core/readers/zone/zone-to-memory-records';
import { rrTypeName } from '../core/readers/zone/rr-types';
import type { Parsed } from './args';
import { fileProblems, type FileProblem } from './output';

export interface ZoneSource {
  records: MemoryRecord[];
  /** Names that exist without records the SPF engine asks for (SOA/NS-only names, empty non-terminals). */
  existingNames: string[];
  /** The apexes the files are authoritative for (SOA owners, else the last `$ORIGIN`). */
  apexes: string[];
  warnings: FileProblem[];
}

/** Owner names and their ancestors down to (not including) the apex: below an apex every ancestor exists (RFC 8020). */
function namesWithAncestors(owners: string[], apexes: string[]): string[] {
  const names = new Set<string>();
  for (const owner of owners) {
    let name = normalizeName(owner);
    names.add(name);
    const apex = apexes.find((candidate) => name.endsWith(`.${candidate}`));
    if (apex === undefined) continue;
    while (name !== apex) {
      name = name.slice(name.indexOf('.') + 1);
      names.add(name);
    }
  }
  return [...names];
}

/** Reads the zone files; an unreadable file is a usage error (exit 2), parse errors are warnings. */
export function loadZoneFiles(files: string[]): Parsed<ZoneSource> {
  const source: ZoneSource = { records: [], existingNames: [], apexes: [], warnings: [] };
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return { ok: false, message: `--zone: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
    const origin = originFromFileName(file);
    const zone = readZone(text, origin === undefined ? {} : { origin });
    source.warnings.push(...fileProblems(file, text, zone.errors));
    source.records.push(...zoneToMemoryRecords(zone));
    const soaOwners = zone.records.filter((record) => rrTypeName(record.typeCode) === 'SOA').map((record) => normalizeName(record.ownerName));
    const apexes = soaOwners.length > 0 ? soaOwners : zone.origin === undefined ? [] : [normalizeName(zone.origin)];
    source.apexes.push(...apexes);
    source.existingNames.push(...namesWithAncestors(zoneOwnerNames(zone), apexes));
  }
  source.apexes = [...new Set(source.apexes)];
  return { ok: true, value: source };
}
