/**
 * What the zone reader produces. Every part keeps its document range; values carried over from
 * earlier lines (owner, TTL, class) say so and have no range of their own.
 */
import type { TextIssue, TextRange } from '../../text/range';
import type { TxtValue } from '../txt/txt-value';
import type { GenericRdata } from './zone-strings';

/** A token of record data as written: raw source text and range. */
export interface ZoneWord {
  text: string;
  range: TextRange;
  quoted: boolean;
}

/** Where a record's TTL came from. */
export type TtlSource = 'explicit' | '$TTL' | 'previous' | 'option';

/** A record's TTL and where it came from. */
export interface ZoneTtl {
  seconds: number;
  range?: TextRange;
  source: TtlSource;
}

/**
 * A record as read. The properties are read-only: `readZone` builds the range, owner, class,
 * type, data words and TXT value (and a written TTL) from the text each time they are read, so
 * reading one twice gives two equal objects, not the same one.
 */
export interface ZoneRecord {
  /** From the first written token to the last token of the record data. */
  readonly range: TextRange;
  /** Absolute owner name with its trailing dot (relative when no origin was known), as written otherwise. */
  readonly owner: { name: string; range?: TextRange; inherited: boolean };
  /** `owner.name`, without building the owner object (the same string on every read). */
  readonly ownerName: string;
  /**
   * Undefined when neither the record, `$TTL`, a previous record nor the options gave one. An
   * inherited TTL (no `range`) is one frozen object shared by the records that inherit it.
   */
  readonly ttl?: ZoneTtl;
  /** Canonical class mnemonic (`IN`, `CH`, `CLASS254`); inherited or `IN` when omitted. */
  readonly class: { name: string; range?: TextRange; inherited: boolean };
  /** Canonical type mnemonic (`TXT`, `SPF`, `TYPE65280`) and its code; `as written` in `text`. */
  readonly type: { name: string; code: number; text: string; range: TextRange };
  /** `type.code`, without building the type object. */
  readonly typeCode: number;
  /** The record data tokens as written (comments and parentheses removed). */
  readonly rdata: ZoneWord[];
  /** Present when the data was written in RFC 3597 generic form (`\# len hex`). */
  readonly generic?: GenericRdata;
  /** For TXT and SPF records (also when written as `TYPE16`/`TYPE99` or generic data). */
  readonly txt?: TxtValue;
  /** The `$ORIGIN` in effect for this record (absolute, trailing dot), used for relative names in its data. */
  readonly origin?: string;
}

export type ZoneDirective =
  | { kind: 'origin'; name: string; range: TextRange; argumentRange: TextRange }
  | { kind: 'ttl'; seconds: number; range: TextRange; argumentRange: TextRange }
  /** `$INCLUDE` is reported, never followed by the reader (RFC 1035 §5.1). */
  | { kind: 'include'; file: string; fileRange: TextRange; origin?: string; originRange?: TextRange; range: TextRange }
  /** BIND's `$GENERATE`, reported but not expanded. */
  | { kind: 'generate'; arguments: ZoneWord[]; range: TextRange };

/** A read zone file: records and directives in document order, and every problem found. */
export interface ZoneFile {
  /**
   * Every valid record in document order. `readZone` keeps the records as offsets and builds
   * this array on its first read (the same array on every later read); each record is one
   * object, the one `stringRecords` holds too.
   */
  readonly records: ZoneRecord[];
  /**
   * The records of `records` whose type carries character-strings (TXT and SPF, also written as
   * `TYPE16`/`TYPE99` or generic data), in document order: exactly those whose `txt` is defined.
   */
  stringRecords: ZoneRecord[];
  directives: ZoneDirective[];
  errors: TextIssue[];
  /** The `$ORIGIN` in effect at the end of the file. */
  origin?: string;
}

export interface ReadZoneOptions {
  /** Origin before any `$ORIGIN` (e.g. from `named.conf` or the file name), absolute or not. */
  origin?: string;
  /** TTL for records when no `$TTL` and no previous record give one. */
  defaultTtl?: number;
  /** At most this many errors are kept (default 1000); a last error says more were dropped. */
  maxErrors?: number;
}
