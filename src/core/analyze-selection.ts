/**
 * First look at a piece of text a user selected: is it a bounce message, an SPF record (and
 * then which reader reads it: zone file, TXT line, raw value or DNS-as-code), or something SPF
 * Doctor cannot use? Pure and bounded in time (every scan is linear).
 */

import type { DocumentKind } from './analyzer/document';
import type { CodeLanguage } from './readers/code/find-spf-strings';
import type { TextRange } from './text/range';

/** Larger inputs are refused before any scan, so a huge selection cannot stall the caller. */
export const MAX_SELECTION_BYTES = 2 * 1024 * 1024;

/** What {@link analyzeSelection} recognised. */
export type SelectionKind = 'empty' | 'binary' | 'too-large' | 'spf-record' | 'bounce' | 'unknown';

/**
 * Result of {@link analyzeSelection}. Every kind carries `reason`, one plain sentence for the
 * user. Ranges are UTF-16 offsets into the analysed text, end exclusive.
 */
export type SelectionAnalysis =
  | { kind: 'empty'; reason: string }
  | { kind: 'binary'; reason: string; offset: number }
  | { kind: 'too-large'; reason: string; bytes: number }
  /**
   * `record` is the record text with quotes removed and strings joined; `range` spans it in the
   * input. `reader` says how to analyse it: `input` is the text to give that reader (the whole
   * zone, the TXT line(s), the joined value, or the code).
   */
  | { kind: 'spf-record'; reason: string; record: string; range: TextRange; reader: SelectionReader; input: string }
  /**
   * `replyCode` is the SMTP reply code when present (RFC 5321 §4.2), `enhancedStatus` the RFC 3463
   * code; both are absent for a MIME message whose body is encoded, which only the bounce reader
   * can decode (`range` then spans its Content-Transfer-Encoding field).
   */
  | { kind: 'bounce'; reason: string; replyCode?: string; enhancedStatus?: string; range: TextRange }
  | { kind: 'unknown'; reason: string };

/** Which reader of the analyzer reads a selection that holds an SPF record. */
export interface SelectionReader {
  kind: DocumentKind;
  /** For `code`: the DNS-as-code language. */
  language?: CodeLanguage;
}

/** Options of {@link analyzeSelection}. */
export interface AnalyzeSelectionOptions {
  /** The selection comes from a DNS-as-code document in this language: read it as code. */
  codeLanguage?: CodeLanguage;
}

// Control characters other than tab, line feed, vertical tab, form feed and carriage return.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F]/;
// RFC 7208 §4.5: a record starts with "v=spf1" followed by a space or its end (ABNF literals are
// case-insensitive, RFC 5234 §2.3).
const SPF_VERSION = /(^|[\s"(])v=spf1(?=[\s"]|$)/im;
// An SMTP reply with an enhanced status code, e.g. "550-5.7.26" or "421 4.7.0" (RFC 3463 §2).
const SMTP_REPLY = /\b([45]\d\d)[ -]([45]\.\d{1,3}\.\d{1,3})\b/;
// A delivery status notification field, e.g. "Status: 5.7.1" (RFC 3464 §2.3.4).
const DSN_STATUS = /^[ \t]*Status:[ \t]*([45]\.\d{1,3}\.\d{1,3})\b/im;
// A message header saying the body is encoded (RFC 2045 §6): the reply text is only readable decoded.
const ENCODED_BODY = /^Content-Transfer-Encoding:[ \t]*(base64|quoted-printable)[ \t]*$/im;
// Header fields every message has (RFC 5322 §3.6), so an encoded part is taken as a message, not prose.
const MESSAGE_HEADER = /^(From|Subject|Date|Received|Return-Path):/im;
// Zone file directives and the SOA record only appear in whole zones (RFC 1035 §5.1).
const ZONE_MARKER = /^[ \t]*(\$ORIGIN|\$TTL|\$INCLUDE)\b|\bSOA\b/im;
// A TXT or SPF type word before the record's first quote makes it a zone line (RFC 1035 §5.1).
const TYPE_BEFORE_VALUE = /(^|\s)(TXT|SPF)\s*\(?\s*$/i;

/**
 * Classifies `text` as a bounce message, an SPF record or something else, without throwing.
 * Checks run in order: empty, too large (over {@link MAX_SELECTION_BYTES} UTF-8 bytes), binary
 * (NUL or other control characters), looks like a bounce (SMTP 4xx/5xx reply with an enhanced
 * status code, or a DSN `Status:` field: a bounce may quote a record, a record never holds a
 * reply), contains a `v=spf1` record (quoted or not; then the reader that reads it is chosen:
 * code when `options.codeLanguage` is given, a zone when the text has directives, an SOA or
 * other records, a TXT line when the record follows its type word, else the raw value).
 */
export function analyzeSelection(text: string, options: AnalyzeSelectionOptions = {}): SelectionAnalysis {
  if (text.trim() === '') return { kind: 'empty', reason: 'The selection is empty: select an SPF record or a bounce message.' };

  const bytes = utf8LengthUpTo(text, MAX_SELECTION_BYTES);
  if (bytes > MAX_SELECTION_BYTES) {
    return {
      kind: 'too-large',
      bytes,
      reason: `The selection is larger than ${MAX_SELECTION_BYTES / (1024 * 1024)} MB; select the SPF record or the bounce message only.`,
    };
  }

  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    return {
      kind: 'binary',
      offset: control.index,
      reason: `The selection looks binary: it contains the control character U+${hex(control[0])} at offset ${control.index}.`,
    };
  }

  const reply = SMTP_REPLY.exec(text);
  if (reply) {
    return {
      kind: 'bounce',
      replyCode: reply[1],
      enhancedStatus: reply[2],
      range: { start: reply.index, end: reply.index + reply[0].length },
      reason: `Found a bounce: SMTP reply ${reply[1]} with status ${reply[2]}.`,
    };
  }
  const status = DSN_STATUS.exec(text);
  if (status) {
    const start = status.index + status[0].indexOf(status[1]);
    return {
      kind: 'bounce',
      enhancedStatus: status[1],
      range: { start, end: start + status[1].length },
      reason: `Found a bounce: delivery status ${status[1]}.`,
    };
  }

  const encoded = ENCODED_BODY.exec(text);
  if (encoded && MESSAGE_HEADER.test(text)) {
    return {
      kind: 'bounce',
      range: { start: encoded.index, end: encoded.index + encoded[0].length },
      reason: `Found a message whose body is ${encoded[1]}-encoded: reading it as a bounce.`,
    };
  }

  const version = SPF_VERSION.exec(text);
  if (version) {
    const start = version.index + version[1].length;
    const quoted = version[1] === '"';
    const { record, end } = quoted ? readQuotedRecord(text, start) : readUnquotedRecord(text, start);
    const { reader, input } = chooseReader(text, { start, end }, record, quoted, options);
    return { kind: 'spf-record', record, range: { start, end }, reader, input, reason: `Found an SPF record: ${record}` };
  }

  return {
    kind: 'unknown',
    reason: 'No SPF record ("v=spf1 ...") and no bounce (SMTP 4xx/5xx reply with a status such as 5.7.26) found in the selection.',
  };
}

/** The reader for a selection whose SPF record spans `range`, and the text it reads. */
function chooseReader(text: string, range: TextRange, record: string, quoted: boolean, options: AnalyzeSelectionOptions): { reader: SelectionReader; input: string } {
  if (options.codeLanguage) return { reader: { kind: 'code', language: options.codeLanguage }, input: text };
  if (ZONE_MARKER.test(text)) return { reader: { kind: 'zone' }, input: text };
  const lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
  const lineEnd = text.indexOf('\n', range.end);
  const before = text.slice(lineStart, quoted ? range.start - 1 : range.start);
  if (!TYPE_BEFORE_VALUE.test(before)) return { reader: { kind: 'raw' }, input: record };
  const outside = `${text.slice(0, lineStart)}\n${lineEnd === -1 ? '' : text.slice(lineEnd)}`;
  const otherRecords = outside.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith(';'));
  if (otherRecords) return { reader: { kind: 'zone' }, input: text };
  return { reader: { kind: 'txt-line' }, input: text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd) };
}

/** UTF-8 length of `text`, counting only until it exceeds `limit` (then any value above it). */
function utf8LengthUpTo(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function hex(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Reads quoted character-strings starting inside the first one at `start` (just after its `"`):
 * a TXT record split into several strings is joined without separators (RFC 7208 §3.3).
 * Strings may be separated by whitespace, and by the parentheses and `;` comments of a
 * multi-line record (RFC 1035 §5.1).
 */
function readQuotedRecord(text: string, start: number): { record: string; end: number } {
  let insideParentheses = text.lastIndexOf('(', start) > text.lastIndexOf(')', start);
  let record = '';
  let position = start;
  let end = start;
  for (;;) {
    while (position < text.length && text[position] !== '"' && text[position] !== '\n') {
      if (text[position] === '\\') {
        const escaped = readEscape(text, position);
        record += escaped.character;
        position = escaped.next;
        continue;
      }
      record += text[position];
      position++;
    }
    end = position;
    if (text[position] !== '"') break;
    const separator = skipSeparators(text, position + 1, insideParentheses);
    insideParentheses = separator.insideParentheses;
    if (text[separator.next] !== '"') break;
    position = separator.next + 1;
  }
  return { record, end };
}

/** Skips blanks, parentheses and comments; a line break ends the record outside parentheses. */
function skipSeparators(
  text: string,
  from: number,
  startsInsideParentheses: boolean,
): { next: number; insideParentheses: boolean } {
  let insideParentheses = startsInsideParentheses;
  let position = from;
  while (position < text.length) {
    const character = text[position];
    if (character === ';') {
      const lineEnd = text.indexOf('\n', position);
      position = lineEnd === -1 ? text.length : lineEnd;
    } else if (character === '\n' && !insideParentheses) break;
    else if (character === '(' || character === ')') {
      insideParentheses = character === '(';
      position++;
    } else if (/\s/.test(character)) position++;
    else break;
  }
  return { next: position, insideParentheses };
}

/** RFC 1035 §5.1: `\DDD` is the octet with decimal value DDD, `\X` is X itself. */
function readEscape(text: string, backslash: number): { character: string; next: number } {
  const digits = /^\d{3}/.exec(text.slice(backslash + 1, backslash + 4));
  if (digits) return { character: String.fromCharCode(Number(digits[0])), next: backslash + 4 };
  if (backslash + 1 >= text.length) return { character: '\\', next: backslash + 1 };
  return { character: text[backslash + 1], next: backslash + 2 };
}

/** An unquoted record (as `dig +short` without quotes, or pasted by hand) runs to the end of its line. */
function readUnquotedRecord(text: string, start: number): { record: string; end: number } {
  const lineEnd = text.indexOf('\n', start);
  const record = text.slice(start, lineEnd === -1 ? text.length : lineEnd).trimEnd();
  return { record, end: start + record.length };
}
