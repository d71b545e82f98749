/**
 * A position-keeping reader of header-style fields (RFC 5322 §2.2: `Name: value`, continuation
 * lines start with white space). Used for message headers, the RFC 3464 delivery-status fields
 * and the returned message's headers. Values are unfolded into mapped texts, so a fact found in a
 * folded value still maps back to the input.
 */
import { MappedTextBuilder, type MappedText } from './text-map';

/** One field: its name, and its unfolded value mapped back to the input. */
export interface HeaderField {
  /** Lower-cased field name. */
  name: string;
  /** Offset (in the scanned text) where the field's line starts. */
  start: number;
  /** Unfolded value: continuation line breaks become one space, outer blanks trimmed. */
  value: MappedText;
}

/** The fields of one block and where the block ended (at the blank line, or `end`). */
export interface HeaderBlock {
  fields: HeaderField[];
  end: number;
}

const FIELD_NAME = /^[!-9;-~]{1,76}:/;
/** Longest value kept per field; longer folded values are cut (bounded work on odd input). */
const MAX_VALUE_LENGTH = 16_384;

/**
 * Reads fields from `source.text` starting at `from` until a blank line or `end`. Lines that are
 * neither a field nor a continuation are skipped (pasted text is often a little damaged).
 */
export function readHeaderBlock(source: MappedText, from = 0, end = source.text.length): HeaderBlock {
  const text = source.text;
  const fields: HeaderField[] = [];
  let lineStart = from;
  let current: { name: string; start: number; pieces: Array<[number, number]> } | undefined;
  const flush = (): void => {
    if (current) fields.push({ name: current.name, start: current.start, value: unfold(source, current.pieces) });
    current = undefined;
  };
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    const contentEnd = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, Math.min(contentEnd, lineStart + 80));
    if (/^[ \t]*$/.test(text.slice(lineStart, contentEnd))) {
      flush();
      return { fields, end: lineStart };
    }
    if ((line[0] === ' ' || line[0] === '\t') && current) {
      current.pieces.push([lineStart, contentEnd]);
    } else {
      const name = FIELD_NAME.exec(line);
      flush();
      if (name) {
        current = { name: name[0].slice(0, -1).toLowerCase(), start: lineStart, pieces: [[lineStart + name[0].length, contentEnd]] };
      }
    }
    lineStart = lineEnd + 1;
  }
  flush();
  return { fields, end };
}

function unfold(source: MappedText, pieces: Array<[number, number]>): MappedText {
  const text = source.text;
  const builder = new MappedTextBuilder();
  let previousEnd = -1;
  for (const [rawStart, rawEnd] of pieces) {
    let start = rawStart;
    let stop = rawEnd;
    while (start < stop && (text[start] === ' ' || text[start] === '\t')) start++;
    while (stop > start && (text[stop - 1] === ' ' || text[stop - 1] === '\t')) stop--;
    if (start === stop) continue;
    if (previousEnd >= 0) builder.replace(' ', previousEnd, start);
    builder.copy(text, start, Math.min(stop, start + MAX_VALUE_LENGTH - builder.size));
    previousEnd = stop;
    if (builder.size >= MAX_VALUE_LENGTH) break;
  }
  return builder.build(source);
}

/** The first field called `name` (lower case), if any. */
export function findField(block: HeaderBlock, name: string): HeaderField | undefined {
  return block.fields.find((field) => field.name === name);
}

/**
 * Splits a typed value such as `dns; mx.example.com` or `rfc822; a@b.example` (RFC 3464 §2.1.2)
 * into the part after the type, as a range of `value.text`.
 */
export function afterTypePrefix(value: MappedText): { start: number; end: number } {
  const text = value.text;
  const semicolon = text.indexOf(';');
  let start = semicolon >= 0 && semicolon < 20 ? semicolon + 1 : 0;
  while (text[start] === ' ') start++;
  let end = text.length;
  while (end > start && text[end - 1] === ' ') end--;
  return { start, end };
}
