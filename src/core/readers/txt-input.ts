/**
 * Small inputs: a single TXT line from a zone file (owner, TTL and class optional), a raw
 * record (`v=spf1 ...`, quoted or not, possibly `"..." "..."`), or a value copied from a DNS
 * provider's panel. Each yields the same {@link TxtValue} with its offset map as a zone record.
 */
import type { TextIssue, TextRange } from '../text/range';
import { makeTxtValue, type TxtValue } from './txt/txt-value';
import { tokenKind, ZoneLexer, type ZoneToken } from './zone/zone-lexer';
import { parseRrClass, parseRrType } from './zone/rr-types';
import { decodeCharacterString, decodeGenericTxt, readGenericRdata } from './zone/zone-strings';
import { looksLikeTtl, parseTtl } from './zone/ttl';
import type { ZoneWord } from './zone/zone-types';

/** What the input was read as. */
export type TxtInputKind = 'zone-line' | 'quoted' | 'unquoted';

/** A TXT value read from a small input, with the record fields when it was a zone line. */
export interface TxtInput {
  kind: TxtInputKind;
  value: TxtValue;
  /** For a zone line: the fields before the data, as written. */
  fields?: { owner?: ZoneWord; ttl?: { seconds: number; range: TextRange }; class?: ZoneWord; type: ZoneWord };
  /** Things worth telling the user that did not stop reading (smart quotes, stray spaces). */
  notes: TextIssue[];
  /** Problems in the record (bad escapes, unterminated quotes). */
  errors: TextIssue[];
}

export type ReadTxtInputResult = { ok: true; input: TxtInput } | { ok: false; error: TextIssue };

export interface ReadTxtInputOptions {
  /** Longest input accepted, in UTF-16 units (default 100,000: far above any real record). */
  maxLength?: number;
}

const SMART_DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const SMART_SINGLE_QUOTES = /[\u2018\u2019]/g;
// RFC 7208 §4.5 wants an ASCII space after the version; other spaces (pasted NBSP) are accepted here and noted.
const SPF_VERSION = /^v=spf1(?=\s|$)/i;
const STRING_TYPE_CODES = new Set([16, 99]);

/**
 * Reads a selection holding one TXT record or value. Never throws; an input that holds no
 * TXT record or SPF value gets an error with a reason (empty, binary, too large, not a record).
 */
export function readTxtInput(text: string, options: ReadTxtInputOptions = {}): ReadTxtInputResult {
  const maxLength = options.maxLength ?? 100000;
  const whole = { start: 0, end: text.length };
  if (text.length > maxLength) {
    return { ok: false, error: { range: whole, reason: `the selection is ${text.length} characters long; a TXT record is at most 65,535 octets` } };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) return { ok: false, error: { range: { start: nul, end: nul + 1 }, reason: 'binary data (NUL byte): not a TXT record' } };
  const start = skipBlank(text, 0, 1);
  const end = skipBlank(text, text.length, -1);
  if (start >= end) return { ok: false, error: { range: whole, reason: 'the selection is empty' } };
  const notes: TextIssue[] = [];
  // Smart quotes become ASCII quotes in a same-length working copy, so offsets stay valid.
  const working = text.replace(SMART_DOUBLE_QUOTES, (quote, offset: number) => {
    notes.push({ range: { start: offset, end: offset + 1 }, reason: `typographic quote ${quote} (U+${hex(quote)}): DNS records need a plain " (a word processor or web page changed it)` });
    return '"';
  });
  for (const match of working.matchAll(SMART_SINGLE_QUOTES)) {
    notes.push({ range: { start: match.index, end: match.index + 1 }, reason: `typographic quote ${match[0]} (U+${hex(match[0])}) is not an ASCII character` });
  }
  for (const match of working.slice(start, end).matchAll(/[\u00A0\u200B\u2009\u3000\uFEFF]/g)) {
    const at = start + match.index;
    notes.push({ range: { start: at, end: at + 1 }, reason: `invisible or non-ASCII space U+${hex(match[0])}: SPF terms are separated by ASCII spaces only (RFC 7208 §4.6.1)` });
  }
  const body = working.slice(start, end);
  // The value keeps the text as written: a smart quote inside an unquoted record is part of it.
  if (SPF_VERSION.test(body)) return readUnquoted(text, start, end, notes);
  const errors: TextIssue[] = [];
  const lexer = new ZoneLexer(working.slice(0, end), (issue) => errors.push(issue));
  const entry = lexer.nextEntry();
  if (!entry) return { ok: false, error: { range: whole, reason: 'the selection holds only comments' } };
  if (lexer.nextEntry()) {
    notes.push({ range: { start, end }, reason: 'the selection holds more than one record; only the first is read' });
  }
  const tokens = entry.tokens;
  if (tokens[0].kind === 'quoted') return readStrings(working, tokens, 'quoted', undefined, notes, errors);
  return readZoneLine(working, tokens, notes, errors);
}

function readUnquoted(text: string, start: number, end: number, notes: TextIssue[]): ReadTxtInputResult {
  const surrounding = [
    ...blankRun(text, 0, start),
    ...blankRun(text, end, text.length),
  ];
  for (const range of surrounding) notes.push({ range, reason: 'spaces around the value are not part of the record; a DNS panel may keep them' });
  const lineBreak = /[\r\n]/.exec(text.slice(start, end));
  if (lineBreak) {
    const at = start + lineBreak.index;
    notes.push({ range: { start: at, end: at + 1 }, reason: 'line break inside the value: it was wrapped when copied' });
  }
  const content = text.slice(start, end);
  const value = makeTxtValue([{
    range: { start, end },
    contentRange: { start, end },
    text: content,
    octets: Buffer.byteLength(content, 'utf8'),
    quoted: false,
    syntax: 'plain',
  }]);
  return { ok: true, input: { kind: 'unquoted', value, notes, errors: [] } };
}

function readZoneLine(text: string, tokens: ZoneToken[], notes: TextIssue[], errors: TextIssue[]): ReadTxtInputResult {
  const words = tokens.map((token) => ({ text: text.slice(token.start, token.end), range: { start: token.start, end: token.end }, quoted: token.kind === 'quoted' }));
  const typeIndex = words.findIndex((word, index) => index < 4 && !word.quoted && STRING_TYPE_CODES.has(parseRrType(word.text)?.code ?? -1));
  if (typeIndex < 0) {
    return { ok: false, error: { range: { start: tokens[0].start, end: tokens[tokens.length - 1].end }, reason: 'no SPF value (v=spf1 ...) or TXT record found' } };
  }
  const fields: NonNullable<TxtInput['fields']> = { type: words[typeIndex] };
  for (let i = 0; i < typeIndex; i++) {
    const word = words[i];
    if (!fields.ttl && looksLikeTtl(word.text)) {
      const ttl = parseTtl(word.text);
      if (ttl.ok) fields.ttl = { seconds: ttl.seconds, range: word.range };
      else errors.push({ range: word.range, reason: ttl.reason });
    } else if (!fields.class && parseRrClass(word.text)) {
      fields.class = word;
    } else if (i === 0) {
      fields.owner = word;
    } else {
      errors.push({ range: word.range, reason: `unexpected "${word.text}" before the record type` });
    }
  }
  const data = tokens.slice(typeIndex + 1);
  if (data.length === 0) return { ok: false, error: { range: fields.type.range, reason: 'the TXT record has no strings' } };
  return readStrings(text, data, 'zone-line', fields, notes, errors);
}

function readStrings(text: string, tokens: ZoneToken[], kind: TxtInputKind, fields: TxtInput['fields'], notes: TextIssue[], errors: TextIssue[]): ReadTxtInputResult {
  if (tokens[0].kind === 'word' && text.slice(tokens[0].start, tokens[0].end) === '\\#') {
    const generic = readGenericRdata(text, tokens);
    if (!generic.ok) return { ok: false, error: generic.issue };
    const strings = decodeGenericTxt(generic.rdata);
    if (!strings.ok) return { ok: false, error: strings.issue };
    const value = makeTxtValue(strings.strings, generic.rdata.range);
    return { ok: true, input: { kind, value, fields, notes, errors } };
  }
  const strings = tokens.map((token) => decodeCharacterString(text, token.start, token.end, tokenKind(token), (issue) => errors.push(issue)));
  return { ok: true, input: { kind, value: makeTxtValue(strings), fields, notes, errors } };
}

function skipBlank(text: string, from: number, step: 1 | -1): number {
  let pos = from;
  if (step === 1) {
    while (pos < text.length && isBlank(text.charCodeAt(pos))) pos++;
  } else {
    while (pos > 0 && isBlank(text.charCodeAt(pos - 1))) pos--;
  }
  return pos;
}

/** Spaces and tabs (not line breaks) in [from, to), as one range, if any. */
function blankRun(text: string, from: number, to: number): TextRange[] {
  const run = /[ \t\u00A0\u3000]+/.exec(text.slice(from, to));
  return run ? [{ start: from + run.index, end: from + run.index + run[0].length }] : [];
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

function hex(ch: string): string {
  return ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
