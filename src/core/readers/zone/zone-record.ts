/**
 * The records `readZone` returns. A zone holds many records and most of their parts are never
 * read, so a record keeps offsets into the text and shared values, and builds its ranges, its
 * owner, TTL, class and type objects, its TXT value and its data words when they are read. Each
 * read builds new objects (the inherited TTL and generic data excepted), equal to what the
 * reader saw.
 */
import type { TextRange } from '../../text/range';
import type { TxtValue } from '../txt/txt-value';
import { parseTtlAt } from './ttl';
import { tokenEnd, tokenStartFrom, wordEnd } from './zone-lexer';
import { resolveName } from './zone-names';
import { rrTypeName } from './rr-types';
import { ZoneTxtValue, type GenericRdata } from './zone-strings';
import type { ZoneRecord, ZoneTtl, ZoneWord } from './zone-types';

/** What consecutive records with the same `$ORIGIN`, class and inherited TTL share. */
export interface RecordContext {
  readonly text: string;
  readonly origin: string | undefined;
  /** The records' class, written or carried over. */
  readonly className: string;
  /** The TTL of the records that write none. */
  readonly inheritedTtl: Readonly<ZoneTtl> | undefined;
}

/** Which of the fields before the type a record writes (bits of {@link ReadZoneRecord}'s layout). */
export const OWNER_WRITTEN = 1;
export const TTL_WRITTEN = 2;
export const CLASS_WRITTEN = 4;
/** The character-strings of a TXT or SPF record contain a backslash. */
export const STRINGS_ESCAPED = 8;
/** The layout bits take the low four bits of a record's type-and-layout number. */
const LAYOUT_BITS = 16;
/** The type code takes the next sixteen bits. */
const TYPE_CODES = 65536;
/** The offset of the type from the record's start takes the bits above the code, as far as the packed number stays below 2^30 (a small integer). */
const TYPE_OFFSET_UNIT = LAYOUT_BITS * TYPE_CODES;
/** The largest offset field: a type this far from the record's start or further is found again in the text. */
const FAR_TYPE = 2 ** 30 / TYPE_OFFSET_UNIT - 1;

/**
 * Where a record's owner name comes from: the name itself once resolved, the record that wrote
 * it (a record that carries the owner over), or undefined for a record that writes its owner
 * and has not resolved it yet.
 */
export type OwnerSource = string | ReadZoneRecord | undefined;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const QUOTE = 34;
/** RFC 1035 TXT and RFC 7208 §3.1 SPF: the types whose data are character-strings. */
const TXT_CODE = 16;
const SPF_CODE = 99;

/** A record read by `readZone`: offsets into the text and shared values, its parts built when read. */
export class ReadZoneRecord implements ZoneRecord {
  /**
   * @param start offset of the first written token (the owner, or the first field when the owner is omitted)
   * @param end end of the last token of the record data
   * @param ownerSource see {@link OwnerSource}; the name is resolved against the record's origin when first read
   * @param typeAndLayout what {@link ReadZoneRecord.typeAndLayout} packs: the type's offset from `start`, its code and the layout bits
   */
  constructor(
    private readonly context: RecordContext,
    private readonly start: number,
    private readonly end: number,
    private ownerSource: OwnerSource,
    private readonly typeAndLayout: number,
  ) {}

  /**
   * Packs for the constructor the offset of the type from the record's start (or a mark that it
   * is too far to keep), the type code and {@link OWNER_WRITTEN}, {@link TTL_WRITTEN},
   * {@link CLASS_WRITTEN} and {@link STRINGS_ESCAPED} combined.
   */
  static typeAndLayout(typeOffset: number, code: number, layout: number): number {
    return ((typeOffset < FAR_TYPE ? typeOffset : FAR_TYPE) * TYPE_CODES + code) * LAYOUT_BITS + layout;
  }

  get typeCode(): number {
    return Math.floor(this.typeAndLayout / LAYOUT_BITS) % TYPE_CODES;
  }

  private get layout(): number {
    return this.typeAndLayout % LAYOUT_BITS;
  }

  /** Offset of the type as written; found again after the written owner, TTL and class when too far from the start to be kept. */
  private get typeStart(): number {
    const offset = Math.floor(this.typeAndLayout / TYPE_OFFSET_UNIT);
    if (offset < FAR_TYPE) return this.start + offset;
    const text = this.context.text;
    const layout = this.layout;
    let pos = this.start;
    if (layout & OWNER_WRITTEN) pos = tokenStartFrom(text, wordEnd(text, pos), this.end);
    if (layout & TTL_WRITTEN) pos = tokenStartFrom(text, wordEnd(text, pos), this.end);
    if (layout & CLASS_WRITTEN) pos = tokenStartFrom(text, wordEnd(text, pos), this.end);
    return pos;
  }

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }

  get owner(): ZoneRecord['owner'] {
    const name = this.ownerName;
    if (!(this.layout & OWNER_WRITTEN)) return { name, inherited: true };
    return { name, range: { start: this.start, end: wordEnd(this.context.text, this.start) }, inherited: false };
  }

  get ttl(): ZoneRecord['ttl'] {
    if (!(this.layout & TTL_WRITTEN)) return this.context.inheritedTtl;
    const range = this.fieldRange(true);
    const parsed = parseTtlAt(this.context.text, range.start, range.end);
    // The reader kept the record only because this TTL parsed.
    return { seconds: parsed.ok ? parsed.seconds : 0, range, source: 'explicit' };
  }

  get class(): ZoneRecord['class'] {
    if (!(this.layout & CLASS_WRITTEN)) return { name: this.context.className, inherited: true };
    return { name: this.context.className, range: this.fieldRange(false), inherited: false };
  }

  get type(): ZoneRecord['type'] {
    const text = this.context.text;
    const code = this.typeCode;
    const name = rrTypeName(code);
    const start = this.typeStart;
    const end = wordEnd(text, start);
    // The canonical name when written so: one shared string instead of a copy per read.
    const written = end - start === name.length && text.startsWith(name, start) ? name : text.slice(start, end);
    return { name, code, text: written, range: { start, end } };
  }

  /** Read again from the text after the type: inside a record every line break is inside parentheses. */
  get rdata(): ZoneWord[] {
    const text = this.context.text;
    const words: ZoneWord[] = [];
    let pos = tokenStartFrom(text, wordEnd(text, this.typeStart), this.end);
    while (pos >= 0) {
      const end = tokenEnd(text, pos);
      words.push({ text: text.slice(pos, end), range: { start: pos, end }, quoted: text.charCodeAt(pos) === QUOTE });
      pos = tokenStartFrom(text, end, this.end);
    }
    return words;
  }

  get origin(): string | undefined {
    return this.context.origin;
  }

  /** Decoded from the text on each read: a valid TXT or SPF record's data is its character-strings. */
  get txt(): TxtValue | undefined {
    const code = this.typeCode;
    if (code !== TXT_CODE && code !== SPF_CODE) return undefined;
    const text = this.context.text;
    const start = tokenStartFrom(text, wordEnd(text, this.typeStart), this.end);
    return new ZoneTxtValue(text, start, this.end, (this.layout & STRINGS_ESCAPED) !== 0);
  }

  get generic(): GenericRdata | undefined {
    return undefined;
  }

  /** The owner name, resolved on the first read and kept. */
  get ownerName(): string {
    const source = this.ownerSource;
    if (typeof source === 'string') return source;
    const text = this.context.text;
    const name = source === undefined ? resolveName(text.slice(this.start, wordEnd(text, this.start)), this.context.origin) : source.ownerName;
    this.ownerSource = name;
    return name;
  }

  /**
   * The range of the written TTL (`ttl`) or class between the owner and the type. The reader
   * took the field that starts with a digit as the TTL, and a class never does.
   */
  private fieldRange(ttl: boolean): TextRange {
    const text = this.context.text;
    const typeStart = this.typeStart;
    let pos = this.layout & OWNER_WRITTEN ? wordEnd(text, this.start) : this.start;
    for (;;) {
      const start = tokenStartFrom(text, pos, typeStart);
      const end = wordEnd(text, start);
      const code = text.charCodeAt(start);
      if ((code >= DIGIT_0 && code <= DIGIT_9) === ttl) return { start, end };
      pos = end;
    }
  }
}

/** A record written as RFC 3597 generic data (`\# len hex`), rare enough to keep its data in objects. */
export class GenericZoneRecord extends ReadZoneRecord {
  constructor(
    context: RecordContext,
    start: number,
    end: number,
    ownerSource: OwnerSource,
    typeAndLayout: number,
    private readonly genericData: GenericRdata,
    private readonly genericTxt: TxtValue | undefined,
  ) {
    super(context, start, end, ownerSource, typeAndLayout);
  }

  override get txt(): TxtValue | undefined {
    return this.genericTxt;
  }

  override get generic(): GenericRdata {
    return this.genericData;
  }
}
