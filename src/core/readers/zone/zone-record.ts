/**
 * The records `readZone` returns. A zone holds many records and most of their parts are never
 * read, so a record keeps offsets into the text and shared values, and builds its ranges, its
 * owner, TTL, class and type objects and its data words when they are read. Each read builds
 * new objects (the inherited TTL excepted, see {@link ZoneRecord.ttl}), equal to what the
 * reader saw.
 */
import type { TextRange } from '../../text/range';
import type { TxtValue } from '../txt/txt-value';
import { parseTtlAt } from './ttl';
import { tokenEnd, tokenStartFrom, wordEnd } from './zone-lexer';
import type { RrType } from './rr-types';
import type { GenericRdata } from './zone-strings';
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

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const QUOTE = 34;

/** A record read by `readZone`: offsets into the text and shared values, its parts built when read. */
export class ReadZoneRecord implements ZoneRecord {
  /**
   * @param start offset of the first written token (the owner, or the first field when the owner is omitted)
   * @param end end of the last token of the record data
   * @param ownerName the owner name, resolved or carried over
   * @param layout {@link OWNER_WRITTEN}, {@link TTL_WRITTEN} and {@link CLASS_WRITTEN} combined
   * @param typeStart offset of the type as written
   */
  constructor(
    private readonly context: RecordContext,
    private readonly start: number,
    private readonly end: number,
    private readonly ownerName: string,
    private readonly layout: number,
    private readonly rrType: Readonly<RrType>,
    private readonly typeStart: number,
    readonly txt: TxtValue | undefined,
    readonly generic: GenericRdata | undefined,
  ) {}

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }

  get owner(): ZoneRecord['owner'] {
    if (!(this.layout & OWNER_WRITTEN)) return { name: this.ownerName, inherited: true };
    return { name: this.ownerName, range: { start: this.start, end: wordEnd(this.context.text, this.start) }, inherited: false };
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
    const { name, code } = this.rrType;
    const end = wordEnd(text, this.typeStart);
    // The canonical name when written so: one shared string instead of a copy per read.
    const written = end - this.typeStart === name.length && text.startsWith(name, this.typeStart) ? name : text.slice(this.typeStart, end);
    return { name, code, text: written, range: { start: this.typeStart, end } };
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

  /**
   * The range of the written TTL (`ttl`) or class between the owner and the type. The reader
   * took the field that starts with a digit as the TTL, and a class never does.
   */
  private fieldRange(ttl: boolean): TextRange {
    const text = this.context.text;
    let pos = this.layout & OWNER_WRITTEN ? wordEnd(text, this.start) : this.start;
    for (;;) {
      const start = tokenStartFrom(text, pos, this.typeStart);
      const end = wordEnd(text, start);
      const code = text.charCodeAt(start);
      if ((code >= DIGIT_0 && code <= DIGIT_9) === ttl) return { start, end };
      pos = end;
    }
  }
}
