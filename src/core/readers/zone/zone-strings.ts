/**
 * Decoding of master-file character-strings (RFC 1035 §5.1: `\X` is X, `\DDD` is the octet
 * DDD) and of RFC 3597 generic RDATA, with the offset map of every decoded unit.
 */
import type { TextIssue, TextRange } from '../../text/range';
import { MappedTextBuilder } from '../txt/mapped-text-builder';
import { placeStrings, type StringSyntax, type TxtString, type TxtValue } from '../txt/txt-value';
import { QUOTED, tokenEnd, tokenStartFrom, UNTERMINATED, WORD, wordEnd, type ZoneToken } from './zone-lexer';

const BACKSLASH = 92;
const QUOTE = 34;

/** A string before its place in a value is known. */
export type UnplacedTxtString = Omit<TxtString, 'valueStart'>;

/**
 * A character-string without escapes (the common case): its text is its content as written, so
 * it keeps only the content start and computes its ranges when they are read.
 */
class VerbatimZoneString implements TxtString {
  valueStart = 0;

  constructor(
    readonly text: string,
    readonly octets: number,
    readonly quoted: boolean,
    private readonly contentStart: number,
  ) {}

  get syntax(): StringSyntax {
    return this.quoted ? 'zone-quoted' : 'zone-unquoted';
  }

  get range(): TextRange {
    const start = this.contentStart;
    return this.quoted ? { start: start - 1, end: start + this.text.length + 1 } : { start, end: start + this.text.length };
  }

  get contentRange(): TextRange {
    return { start: this.contentStart, end: this.contentStart + this.text.length };
  }
}

/**
 * The TXT value of a zone record, made when the record's `txt` is read: its `value` (the
 * decoded strings joined) and how many strings it has are read from the text at once; the
 * strings themselves (with their ranges and offset maps) are decoded again when first asked
 * for, as most TXT values (DKIM keys, DMARC policies) are only checked for an SPF version tag.
 */
/** The string starts of every value of one string (a zone TXT record always has at least one). */
const ONE_STRING: readonly number[] = Object.freeze([0]);

export class ZoneTxtValue implements TxtValue {
  readonly value: string;
  /** Where each string starts in the value; one shared list for the values of one string. */
  readonly stringStarts: readonly number[];
  private decoded: readonly TxtString[] | undefined;

  /**
   * @param start start of the first string's token
   * @param end end of the last string's token (inside one entry: every line break between is inside parentheses)
   * @param escaped whether a backslash is written between them (without one, each string is one slice)
   */
  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    escaped: boolean,
  ) {
    let first = '';
    // For several strings: their texts, joined at the end into one flat string (appending would
    // leave a chain that every later character read has to flatten first).
    let pieces: string[] | undefined;
    let length = 0;
    let starts: number[] | undefined;
    for (let pos = start; pos >= 0; ) {
      const quoted = text.charCodeAt(pos) === QUOTE;
      let tokenEnds: number;
      let piece: string;
      if (escaped) {
        tokenEnds = tokenEnd(text, pos);
        // Escape problems were reported when the record was read.
        piece = characterStringText(text, pos, tokenEnds, quoted ? QUOTED : WORD, ignoreIssue);
      } else if (quoted) {
        tokenEnds = text.indexOf('"', pos + 1) + 1;
        piece = text.slice(pos + 1, tokenEnds - 1);
      } else {
        tokenEnds = wordEnd(text, pos);
        piece = text.slice(pos, tokenEnds);
      }
      if (pos === start) {
        first = piece;
      } else if (pieces && starts) {
        pieces.push(piece);
        starts.push(length);
      } else {
        // Literals of two: a list grown by `push` from one would keep room for seventeen.
        pieces = [first, piece];
        starts = [0, length];
      }
      length += piece.length;
      pos = tokenStartFrom(text, tokenEnds, end);
    }
    this.value = pieces ? pieces.join('') : first;
    this.stringStarts = starts ?? ONE_STRING;
  }

  get stringCount(): number {
    return this.stringStarts.length;
  }

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }

  get strings(): readonly TxtString[] {
    this.decoded ??= this.decodeStrings();
    return this.decoded;
  }

  private decodeStrings(): TxtString[] {
    const text = this.text;
    // Sized up front: a list grown by `push` keeps room for seventeen strings, and a value's
    // strings stay alive as long as the value.
    const strings: UnplacedTxtString[] = new Array(this.stringCount);
    let count = 0;
    for (let pos = this.start; pos >= 0; ) {
      const end = tokenEnd(text, pos);
      // Escape problems were reported when the record was read.
      strings[count++] = decodeCharacterString(text, pos, end, text.charCodeAt(pos) === QUOTE ? QUOTED : WORD, ignoreIssue);
      pos = tokenStartFrom(text, end, this.end);
    }
    strings.length = count;
    return placeStrings(strings);
  }
}

function ignoreIssue(): void {}

/**
 * The decoded text of a character-string token (the `text` {@link decodeCharacterString}
 * gives), reporting bad escapes; a string without escapes costs one slice.
 */
function characterStringText(text: string, start: number, end: number, kind: number, report: (issue: TextIssue) => void): string {
  const contentStart = kind === WORD ? start : start + 1;
  const contentEnd = kind === QUOTED ? end - 1 : end;
  for (let i = contentStart; i < contentEnd; i++) {
    if (text.charCodeAt(i) === BACKSLASH) return decodeCharacterString(text, start, end, kind, report).text;
  }
  return text.slice(contentStart, contentEnd);
}

/**
 * Decodes one quoted or unquoted character-string: the token from `start` to `end` of kind
 * `kind` (`WORD`, `QUOTED` or `UNTERMINATED` from the lexer).
 */
export function decodeCharacterString(text: string, start: number, end: number, kind: number, report: (issue: TextIssue) => void): UnplacedTxtString {
  const quoted = kind !== WORD;
  const contentStart = quoted ? start + 1 : start;
  const contentEnd = kind === QUOTED ? end - 1 : end;
  let ascii = true;
  let escaped = false;
  for (let i = contentStart; i < contentEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) {
      escaped = true;
      break;
    }
    if (code > 0x7f) ascii = false;
  }
  if (!escaped) {
    const plain = text.slice(contentStart, contentEnd);
    const octets = ascii ? plain.length : Buffer.byteLength(plain, 'utf8');
    if (kind !== UNTERMINATED) return new VerbatimZoneString(plain, octets, quoted, contentStart);
    return { range: { start, end }, contentRange: { start: contentStart, end: contentEnd }, text: plain, octets, quoted, syntax: 'zone-quoted' };
  }
  const range = { start, end };
  const contentRange = { start: contentStart, end: contentEnd };
  const syntax = quoted ? 'zone-quoted' : 'zone-unquoted';
  const builder = new MappedTextBuilder();
  let pos = contentStart;
  while (pos < contentEnd) {
    const code = text.charCodeAt(pos);
    if (code !== BACKSLASH) {
      builder.appendText(text[pos], pos, pos + 1);
      pos++;
      continue;
    }
    if (pos + 1 >= contentEnd) {
      report({ range: { start: pos, end: pos + 1 }, reason: 'backslash at the end of a string escapes nothing' });
      builder.markEscaped();
      pos++;
      continue;
    }
    if (isDigit(text.charCodeAt(pos + 1))) {
      const digits = text.slice(pos + 1, pos + 4);
      if (digits.length === 3 && /^\d{3}$/.test(digits) && Number(digits) <= 255 && pos + 4 <= contentEnd) {
        builder.appendOctet(Number(digits), pos, pos + 4);
        pos += 4;
        continue;
      }
      const escapeEnd = Math.min(pos + 4, contentEnd);
      report({ range: { start: pos, end: escapeEnd }, reason: `"${text.slice(pos, escapeEnd)}" is not a \\DDD escape (three digits, at most 255)` });
      builder.appendText('\uFFFD', pos, escapeEnd);
      pos = escapeEnd;
      continue;
    }
    const width = isHighSurrogate(text.charCodeAt(pos + 1)) && pos + 2 < contentEnd ? 2 : 1;
    builder.appendText(text.slice(pos + 1, pos + 1 + width), pos, pos + 1 + width);
    pos += 1 + width;
  }
  const decoded = builder.finish(contentStart, contentEnd);
  return { range, contentRange, quoted, syntax, ...decoded };
}

/** RFC 3597 §5 generic RDATA: `\# length hex...`, decoded to octets with their sources. */
export interface GenericRdata {
  length: number;
  octets: Uint8Array;
  /** Document offset where each octet's two hex digits start. */
  octetStarts: number[];
  range: TextRange;
}

/** Reads `\# len hex...` from the record data tokens (the first token is `\#`). */
export function readGenericRdata(text: string, tokens: readonly ZoneToken[]): { ok: true; rdata: GenericRdata } | { ok: false; issue: TextIssue } {
  const range = { start: tokens[0].start, end: tokens[tokens.length - 1].end };
  const lengthToken = tokens[1];
  if (!lengthToken || lengthToken.kind !== 'word' || !/^\d{1,5}$/.test(text.slice(lengthToken.start, lengthToken.end))) {
    return { ok: false, issue: { range, reason: 'generic data "\\#" must be followed by its length in octets (RFC 3597 §5)' } };
  }
  const length = Number(text.slice(lengthToken.start, lengthToken.end));
  if (length > 65535) return { ok: false, issue: { range: tokenRange(lengthToken), reason: 'generic data length exceeds 65535 octets' } };
  const octets: number[] = [];
  const octetStarts: number[] = [];
  for (const token of tokens.slice(2)) {
    const hex = text.slice(token.start, token.end);
    if (token.kind !== 'word' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
      return { ok: false, issue: { range: tokenRange(token), reason: `"${hex.slice(0, 40)}" is not an even number of hex digits (RFC 3597 §5)` } };
    }
    for (let i = 0; i < hex.length; i += 2) {
      octets.push(parseInt(hex.slice(i, i + 2), 16));
      octetStarts.push(token.start + i);
    }
  }
  if (octets.length !== length) {
    return { ok: false, issue: { range, reason: `generic data says ${length} octets but has ${octets.length}` } };
  }
  return { ok: true, rdata: { length, octets: Uint8Array.from(octets), octetStarts, range } };
}

/** Splits TXT wire data (length-prefixed character-strings, RFC 1035 §3.3.14) into strings. */
export function decodeGenericTxt(rdata: GenericRdata): { ok: true; strings: UnplacedTxtString[] } | { ok: false; issue: TextIssue } {
  const strings: UnplacedTxtString[] = [];
  const { octets, octetStarts } = rdata;
  const endOf = (index: number): number => octetStarts[index] + 2;
  let index = 0;
  if (octets.length === 0) return { ok: false, issue: { range: rdata.range, reason: 'TXT data needs at least one string' } };
  while (index < octets.length) {
    const length = octets[index];
    const first = index + 1;
    const last = first + length;
    if (last > octets.length) {
      return { ok: false, issue: { range: { start: octetStarts[index], end: endOf(index) }, reason: `string length ${length} runs past the end of the data` } };
    }
    const builder = new MappedTextBuilder();
    for (let i = first; i < last; i++) builder.appendOctet(octets[i], octetStarts[i], endOf(i));
    const contentStart = length > 0 ? octetStarts[first] : endOf(index);
    const contentEnd = length > 0 ? endOf(last - 1) : endOf(index);
    const decoded = builder.finish(contentStart, contentEnd);
    strings.push({
      range: { start: octetStarts[index], end: contentEnd },
      contentRange: { start: contentStart, end: contentEnd },
      quoted: false,
      syntax: 'zone-generic',
      text: decoded.text,
      octets: length,
      sourceOffsets: decoded.sourceOffsets ?? [contentStart],
    });
    index = last;
  }
  return { ok: true, strings };
}

function tokenRange(token: ZoneToken): TextRange {
  return { start: token.start, end: token.end };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
