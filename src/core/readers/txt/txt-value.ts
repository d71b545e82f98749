/**
 * A TXT record's value as SPF sees it, with an offset map back to the document.
 *
 * RFC 7208 §3.3: the character-strings of one TXT record are concatenated with no separator.
 * Every decoded UTF-16 unit of every string knows the document span it came from, so a
 * range of the value maps to one document range per string it touches, and an escape
 * sequence (`\"`, `\059`, `\u00e9`, ...) maps to its whole source span.
 */
import type { TextRange } from '../../text/range';

/**
 * How a string is written in the document, which decides how text inserted into it is escaped:
 * - `zone-quoted` / `zone-unquoted`: a master-file character-string (RFC 1035 §5.1);
 * - `zone-generic`: a TXT record written as RFC 3597 `\# len hex` (edits rewrite the record data);
 * - `plain`: literal text with no escapes (a raw record or a value pasted from a provider panel);
 * - `json`, `yaml-double`, `yaml-single`, `yaml-plain`, `hcl`, `js-single`, `js-double`,
 *   `js-template`: a string literal of that language.
 */
export type StringSyntax =
  | 'zone-quoted'
  | 'zone-unquoted'
  | 'zone-generic'
  | 'plain'
  | 'json'
  | 'yaml-double'
  | 'yaml-single'
  | 'yaml-plain'
  | 'hcl'
  | 'js-single'
  | 'js-double'
  | 'js-template';

/** One string of a TXT value: where it is, what it decodes to, and the per-unit source map. */
export interface TxtString {
  /** Document range of the whole string, quotes included. */
  range: TextRange;
  /** Document range between the quotes (equal to `range` for an unquoted string). */
  contentRange: TextRange;
  /** Decoded text (escapes resolved). */
  text: string;
  /** Length in octets once encoded for DNS: UTF-8, and each `\DDD` is one octet. */
  octets: number;
  quoted: boolean;
  syntax: StringSyntax;
  /** Offset of this string's first unit in the concatenated value. */
  valueStart: number;
  /**
   * Document offset where each decoded unit starts, plus a final entry (`text.length + 1`
   * entries): unit `i` came from `[sourceOffsets[i], sourceOffsets[i + 1])`. Absent when the
   * string has no escapes and maps one to one onto `contentRange`.
   */
  sourceOffsets?: readonly number[];
}

/** A TXT value: the strings joined with no separator (RFC 7208 §3.3) and the strings themselves. */
export interface TxtValue {
  value: string;
  strings: readonly TxtString[];
  /** How many strings the value has: `strings.length`, known without decoding them. */
  readonly stringCount: number;
  /** Where each string starts in the value (each one's `valueStart`), known without decoding them. */
  readonly stringStarts: readonly number[];
  /** From the first string's start to the last string's end. */
  range: TextRange;
  /**
   * For a record written as RFC 3597 generic data (`\# len hex`): the whole data, from `\#`
   * on, which an edit must rewrite as a unit because the length prefixes change.
   */
  genericRange?: TextRange;
}

/**
 * Builds a {@link TxtValue} from strings in document order, setting each one's `valueStart`.
 * Its `range` is computed from the strings when read.
 */
export function makeTxtValue(strings: Omit<TxtString, 'valueStart'>[], genericRange?: TextRange): TxtValue {
  const placed = placeStrings(strings);
  const value = placed.map((item) => item.text).join('');
  return genericRange === undefined ? new JoinedTxtValue(value, placed) : new GenericTxtValue(value, placed, genericRange);
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The octets the strings of a value take together when that follows from the value alone: its
 * length when every character is ASCII (one octet each, escaped or not, RFC 1035 §5.1);
 * undefined otherwise (the strings then have to be measured).
 */
export function asciiValueOctets(value: TxtValue): number | undefined {
  return NON_ASCII.test(value.value) ? undefined : value.value.length;
}

/** Sets each string's `valueStart`: strings in document order, joined with no separator. */
export function placeStrings(strings: Omit<TxtString, 'valueStart'>[]): TxtString[] {
  let valueStart = 0;
  const placed = strings as TxtString[];
  for (const item of placed) {
    item.valueStart = valueStart;
    valueStart += item.text.length;
  }
  return placed;
}

/** A value whose range is its strings' span, computed when read instead of stored. */
class JoinedTxtValue implements TxtValue {
  constructor(
    readonly value: string,
    readonly strings: readonly TxtString[],
  ) {}

  get stringCount(): number {
    return this.strings.length;
  }

  get stringStarts(): readonly number[] {
    return this.strings.map((item) => item.valueStart);
  }

  get range(): TextRange {
    const strings = this.strings;
    return strings.length ? { start: strings[0].range.start, end: strings[strings.length - 1].range.end } : { start: 0, end: 0 };
  }
}

/** A value written as RFC 3597 generic data. */
class GenericTxtValue extends JoinedTxtValue {
  constructor(
    value: string,
    strings: readonly TxtString[],
    readonly genericRange: TextRange,
  ) {
    super(value, strings);
  }
}

/** Document offset where unit `index` of `item` starts (`index === text.length` gives the content end). */
export function sourceOffsetOf(item: TxtString, index: number): number {
  if (item.sourceOffsets) return item.sourceOffsets[index];
  return item.contentRange.start + index;
}

/** Index of the string holding value offset `offset`; an offset on a boundary belongs to the later string. */
export function stringIndexAt(value: TxtValue, offset: number): number {
  const strings = value.strings;
  let low = 0;
  let high = strings.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (strings[middle].valueStart <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Maps a range of the value to the document ranges it covers, one per string touched and in
 * document order. A term split across two strings yields two ranges; an empty range yields
 * one empty range at the corresponding document position. Offsets are clamped to the value.
 */
export function mapValueRange(value: TxtValue, valueRange: TextRange): TextRange[] {
  if (value.strings.length === 0) return [];
  const start = clamp(valueRange.start, 0, value.value.length);
  const end = clamp(valueRange.end, start, value.value.length);
  if (start === end) {
    const item = value.strings[stringIndexAt(value, start)];
    const at = sourceOffsetOf(item, clamp(start - item.valueStart, 0, item.text.length));
    return [{ start: at, end: at }];
  }
  const result: TextRange[] = [];
  for (let i = stringIndexAt(value, start); i < value.strings.length; i++) {
    const item = value.strings[i];
    if (item.valueStart >= end) break;
    const localStart = Math.max(start, item.valueStart) - item.valueStart;
    const localEnd = Math.min(end, item.valueStart + item.text.length) - item.valueStart;
    if (localEnd <= localStart) continue;
    result.push({ start: sourceOffsetOf(item, localStart), end: sourceOffsetOf(item, localEnd) });
  }
  return result;
}

/** Document offset of value offset `offset` (the start of the unit there, or the end of the last string). */
export function valueOffsetToDocument(value: TxtValue, offset: number): number | undefined {
  if (value.strings.length === 0) return undefined;
  const at = clamp(offset, 0, value.value.length);
  const item = value.strings[stringIndexAt(value, at)];
  return sourceOffsetOf(item, clamp(at - item.valueStart, 0, item.text.length));
}

/** Value offset of a document offset inside one of the value's strings, or undefined outside them. */
export function documentOffsetToValue(value: TxtValue, documentOffset: number): number | undefined {
  for (const item of value.strings) {
    const { start, end } = item.contentRange;
    if (documentOffset < start || documentOffset > end) continue;
    let low = 0;
    let high = item.text.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (sourceOffsetOf(item, middle) <= documentOffset) low = middle;
      else high = middle - 1;
    }
    return item.valueStart + low;
  }
  return undefined;
}

function clamp(n: number, low: number, high: number): number {
  return n < low ? low : n > high ? high : n;
}
