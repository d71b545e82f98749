/**
 * The valid records `readZone` found, kept as numbers until a record is asked for. A zone holds
 * many records and an analysis reads few of them (its TXT and SPF records), so the table keeps
 * five integers per record in typed arrays and makes a {@link ReadZoneRecord} for an index on
 * its first read, the same object on every later read.
 */
import type { TxtValue } from '../txt/txt-value';
import { GenericZoneRecord, ReadZoneRecord, type OwnerSource, type RecordContext } from './zone-record';
import type { GenericRdata } from './zone-strings';

/** The data of a record written as RFC 3597 generic data, with its TXT value for the string types. */
export interface GenericData {
  generic: GenericRdata;
  txt?: TxtValue;
}

/**
 * Where a record's owner comes from: {@link OWN_OWNER} when the record writes it, the index of
 * the record that wrote it when carried over, or a code from {@link ZoneRecordTable.carriedName}
 * for a name carried over from a record with invalid data (not in the table).
 */
export type OwnerFrom = number;
export const OWN_OWNER = -1;
/** The first code of a carried-over name: names are numbered down from here. */
const FIRST_NAME_CODE = -2;

/** The integers kept per record, at these offsets. */
const START = 0;
const END = 1;
const TYPE_AND_LAYOUT = 2;
const OWNER_FROM = 3;
const CONTEXT = 4;
const FIELDS = 5;
/**
 * Records per chunk (a power of two): the table grows by whole chunks and never copies what it
 * holds, but for the first chunk, which starts small for small zones and doubles up to this.
 */
const CHUNK_RECORDS = 4096;
const CHUNK_SHIFT = Math.log2(CHUNK_RECORDS);
const FIRST_CHUNK_RECORDS = 64;

/** Records added by the reader, then made into objects when read. */
export class ZoneRecordTable {
  private readonly chunks: Int32Array[] = [];
  private count = 0;
  /** Contexts change rarely: each record keeps the index of its own here. */
  private readonly contexts: RecordContext[] = [];
  private readonly carriedNames: string[] = [];
  private readonly genericData = new Map<number, GenericData>();
  /** The records made so far by index (after the last add); all of them once {@link all} ran. */
  private made: (ReadZoneRecord | undefined)[] | undefined;
  private allMade = false;

  /**
   * Adds a record and returns its index. `start`, `end` and `typeAndLayout` are as
   * {@link ReadZoneRecord}'s constructor takes them; `generic` is given for generic data.
   */
  add(context: RecordContext, start: number, end: number, typeAndLayout: number, ownerFrom: OwnerFrom, generic?: GenericData): number {
    const index = this.count;
    if (this.contexts[this.contexts.length - 1] !== context) this.contexts.push(context);
    const chunkIndex = index >>> CHUNK_SHIFT;
    let at = (index & (CHUNK_RECORDS - 1)) * FIELDS;
    let fields = this.chunks[chunkIndex];
    if (fields === undefined || at === fields.length) fields = this.grow(chunkIndex);
    fields[at++] = start;
    fields[at++] = end;
    fields[at++] = typeAndLayout;
    fields[at++] = ownerFrom;
    fields[at] = this.contexts.length - 1;
    if (generic) this.genericData.set(index, generic);
    this.count = index + 1;
    return index;
  }

  /** The code that stands for `name` as the owner of records that carry it over. */
  carriedName(name: string): OwnerFrom {
    this.carriedNames.push(name);
    return FIRST_NAME_CODE - (this.carriedNames.length - 1);
  }

  /** The record at `index` (one of those added), made on its first read. */
  recordAt(index: number): ReadZoneRecord {
    const made = this.madeRecords();
    return made[index] ?? this.make(made, index);
  }

  /** Every record in document order; made on the first call, the same array on later calls. */
  all(): ReadZoneRecord[] {
    const made = this.madeRecords();
    if (!this.allMade) {
      for (let index = 0; index < this.count; index++) made[index] ??= this.make(made, index);
      this.allMade = true;
    }
    return made as ReadZoneRecord[];
  }

  /** Sized once the records are known, so that filling it in any order leaves no sparse array. */
  private madeRecords(): (ReadZoneRecord | undefined)[] {
    this.made ??= new Array<ReadZoneRecord | undefined>(this.count);
    return this.made;
  }

  private make(made: (ReadZoneRecord | undefined)[], index: number): ReadZoneRecord {
    const fields = this.chunks[index >>> CHUNK_SHIFT];
    const at = (index & (CHUNK_RECORDS - 1)) * FIELDS;
    const context = this.contexts[fields[at + CONTEXT]];
    const start = fields[at + START];
    const end = fields[at + END];
    const typeAndLayout = fields[at + TYPE_AND_LAYOUT];
    const owner = this.ownerSource(fields[at + OWNER_FROM]);
    const generic = this.genericData.size === 0 ? undefined : this.genericData.get(index);
    const record = generic
      ? new GenericZoneRecord(context, start, end, owner, typeAndLayout, generic.generic, generic.txt)
      : new ReadZoneRecord(context, start, end, owner, typeAndLayout);
    made[index] = record;
    return record;
  }

  /** A carried-over owner resolves through the record that wrote it (one that writes its own, so this goes one step deep). */
  private ownerSource(ownerFrom: OwnerFrom): OwnerSource {
    if (ownerFrom === OWN_OWNER) return undefined;
    if (ownerFrom >= 0) return this.recordAt(ownerFrom);
    return this.carriedNames[FIRST_NAME_CODE - ownerFrom];
  }

  /** Room for the next record, in chunk `chunkIndex`: a new chunk, or the first one doubled. */
  private grow(chunkIndex: number): Int32Array {
    const current = this.chunks[chunkIndex];
    const grown = new Int32Array(chunkIndex > 0 ? CHUNK_RECORDS * FIELDS : current ? current.length * 2 : FIRST_CHUNK_RECORDS * FIELDS);
    if (current) grown.set(current);
    this.chunks[chunkIndex] = grown;
    return grown;
  }
}
