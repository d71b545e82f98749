/**
 * SPF macros (RFC 7208 §7): parsing macro-strings with ranges, and expanding them against a
 * request context.
 */
import type { IPv4, IPv6 } from 'ipaddr.js';
import type {
  Macro,
  MacroEscape,
  MacroLetter,
  MacroPart,
  MacroString,
  SpfSyntaxError,
} from './ast';
import type { TextRange } from '../text/range';
import { truncateDomainName } from './domain-name';

/** Where a macro-string appears; it decides which letters are allowed (RFC 7208 §7.2). */
export type MacroStringKind = 'domain-spec' | 'explain-string' | 'modifier-value';

const LETTER_CODES = new Set('sloipdhcrtv'.split('').map((letter) => letter.charCodeAt(0)));
const EXPLAIN_ONLY_LETTERS = new Set(['c', 'r', 't']);
const DELIMITER_CODES = new Set('.-+,/_='.split('').map((delimiter) => delimiter.charCodeAt(0)));
const ESCAPES: Record<string, MacroEscape['value']> = { '%': '%', _: ' ', '-': '%20' };

const PERCENT = 0x25;
const SPACE = 0x20;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Upper bound on digit transformers kept as numbers: larger values keep every part anyway. */
const MAX_DIGITS = 1000;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** RFC 7208 §7.1 macro-literal: visible ASCII except `%` (and SP inside explanation text). */
function isLiteralChar(code: number, kind: MacroStringKind): boolean {
  if (code === SPACE) return kind === 'explain-string';
  return code >= 0x21 && code <= 0x7e && code !== PERCENT;
}

/**
 * Parses `text.slice(start, end)` as a macro-string. Errors are appended to `errors` (with
 * `termIndex` when given); the returned parts still cover the whole range.
 */
export function parseMacroString(
  text: string,
  start: number,
  end: number,
  kind: MacroStringKind,
  errors: SpfSyntaxError[],
  termIndex?: number,
): MacroString {
  const parts: MacroPart[] = [];
  let hasMacros = false;
  let usesPtr = false;
  let literalStart = start;
  let index = start;
  const report = (range: TextRange, reason: string, code: SpfSyntaxError['code']): void => {
    errors.push(termIndex === undefined ? { range, reason, code } : { range, reason, code, termIndex });
  };
  const flushLiteral = (upTo: number): void => {
    if (upTo > literalStart) {
      parts.push({ kind: 'literal', range: { start: literalStart, end: upTo }, text: text.slice(literalStart, upTo) });
    }
  };
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code !== PERCENT) {
      if (!isLiteralChar(code, kind)) {
        let badEnd = index + 1;
        while (badEnd < end && !isLiteralChar(text.charCodeAt(badEnd), kind) && text.charCodeAt(badEnd) !== PERCENT) badEnd++;
        const shown = JSON.stringify(text.slice(index, badEnd));
        report({ start: index, end: badEnd }, `invalid character ${shown} (only visible ASCII is allowed)`, 'invalid-character');
        index = badEnd;
      } else {
        index++;
      }
      continue;
    }
    flushLiteral(index);
    // An invalid macro or escape stays in the parts as literal text, so the parts cover the range.
    const percentAt = index;
    let invalid = false;
    const next = text[index + 1];
    if (next !== undefined && index + 1 < end && next in ESCAPES) {
      parts.push({
        kind: 'escape',
        range: { start: index, end: index + 2 },
        text: `%${next}` as MacroEscape['text'],
        value: ESCAPES[next],
      });
      hasMacros = true;
      index += 2;
    } else if (index + 1 < end && text.charCodeAt(index + 1) === OPEN_BRACE) {
      const macro = parseMacro(text, index, end, kind, report);
      if (macro) {
        parts.push(macro);
        hasMacros = true;
        if (macro.letter === 'p') usesPtr = true;
        index = macro.range.end;
      } else {
        const close = text.indexOf('}', index);
        index = close >= 0 && close < end ? close + 1 : end;
        invalid = true;
      }
    } else {
      invalid = true;
      report(
        { start: index, end: Math.min(index + 2, end) },
        "'%' must be followed by '{', '%', '_' or '-' (write '%%' for a literal percent sign)",
        'invalid-macro',
      );
      index = Math.min(index + 2, end);
    }
    literalStart = invalid ? percentAt : index;
  }
  flushLiteral(end);
  return { range: { start, end }, text: text.slice(start, end), parts, hasMacros, usesPtr };
}

/** Parses one `%{...}` starting at `start` (the `%`); reports and returns undefined when invalid. */
function parseMacro(
  text: string,
  start: number,
  end: number,
  kind: MacroStringKind,
  report: (range: TextRange, reason: string, code: SpfSyntaxError['code']) => void,
): Macro | undefined {
  let index = start + 2;
  const letterCode = index < end ? text.charCodeAt(index) | 0x20 : -1;
  if (!LETTER_CODES.has(letterCode)) {
    const found = index < end ? `'${text[index]}'` : 'nothing';
    report({ start, end: Math.min(index + 1, end) }, `unknown macro letter ${found} (expected one of s l o d i p h c r t v)`, 'invalid-macro');
    return undefined;
  }
  const letter = String.fromCharCode(letterCode) as MacroLetter;
  const letterRange = { start: index, end: index + 1 };
  const urlEncode = text.charCodeAt(index) !== letterCode;
  index++;
  const digitsStart = index;
  while (index < end && isDigit(text.charCodeAt(index))) index++;
  let digits: number | undefined;
  let digitsRange: TextRange | undefined;
  if (index > digitsStart) {
    digitsRange = { start: digitsStart, end: index };
    digits = index - digitsStart > 4 ? MAX_DIGITS : Math.min(Number(text.slice(digitsStart, index)), MAX_DIGITS);
    if (digits === 0) {
      report(digitsRange, 'the digit transformer must be nonzero (RFC 7208 §7.1)', 'invalid-macro');
      return undefined;
    }
  }
  let reverse = false;
  let reverseRange: TextRange | undefined;
  if (index < end && (text.charCodeAt(index) | 0x20) === 0x72) {
    reverse = true;
    reverseRange = { start: index, end: index + 1 };
    index++;
  }
  const delimitersStart = index;
  while (index < end && DELIMITER_CODES.has(text.charCodeAt(index))) index++;
  const delimitersRange = index > delimitersStart ? { start: delimitersStart, end: index } : undefined;
  if (index >= end || text.charCodeAt(index) !== CLOSE_BRACE) {
    const reason =
      index >= end
        ? "unterminated macro: missing '}'"
        : `unexpected '${text[index]}' in macro (after the letter come digits, 'r', then delimiters . - + , / _ =)`;
    report({ start, end: Math.min(index + 1, end) }, reason, 'invalid-macro');
    return undefined;
  }
  index++;
  const range = { start, end: index };
  if (kind !== 'explain-string' && kind !== 'modifier-value' && EXPLAIN_ONLY_LETTERS.has(letter)) {
    report(range, `the %{${letter}} macro is allowed only in explanation text (RFC 7208 §7.2)`, 'macro-not-allowed');
    return undefined;
  }
  return {
    kind: 'macro',
    range,
    text: text.slice(start, index),
    letter,
    letterRange,
    urlEncode,
    digits,
    digitsRange,
    reverse,
    reverseRange,
    delimiters: delimitersRange ? text.slice(delimitersRange.start, delimitersRange.end) : '.',
    delimitersRange,
  };
}

/** The values macros expand to (RFC 7208 §7.3). Build one with `createMacroContext`. */
export interface MacroContext {
  /** `s`: the sender (`postmaster@helo` for a null MAIL FROM). */
  sender: string;
  /** `l`: the local-part of the sender. */
  localPart: string;
  /** `o`: the domain of the sender. */
  senderDomain: string;
  /** `d`: the domain being checked (changes inside include/redirect). */
  domain: string;
  /** `i`: the client IP, dotted (IPv6 as 32 dot-separated nibbles). */
  ipDotted: string;
  /** `c`: the client IP in its usual text form. */
  ipText: string;
  /** `v`: `in-addr` or `ip6`. */
  ipVersionName: 'in-addr' | 'ip6';
  /** `h`: the HELO/EHLO name. */
  helo: string;
  /** `p`: the validated domain name of the client IP; `unknown` when absent. */
  validatedDomain?: string;
  /** `r`: the receiving host; `unknown` when absent. */
  receivingHost?: string;
  /** `t`: seconds since the epoch. */
  timestamp: number;
}

/** Fills the IP-derived values of a macro context. */
export function createMacroContext(fields: {
  sender: string;
  localPart: string;
  senderDomain: string;
  domain: string;
  ip: IPv4 | IPv6;
  helo: string;
  receivingHost?: string;
  timestamp: number;
}): MacroContext {
  const ip = fields.ip;
  const isV4 = ip.kind() === 'ipv4';
  const context: MacroContext = {
    sender: fields.sender,
    localPart: fields.localPart,
    senderDomain: fields.senderDomain,
    domain: fields.domain,
    ipDotted: isV4 ? ip.toString() : ipv6Nibbles(ip as IPv6),
    ipText: ip.toString(),
    ipVersionName: isV4 ? 'in-addr' : 'ip6',
    helo: fields.helo,
    timestamp: fields.timestamp,
  };
  if (fields.receivingHost !== undefined) context.receivingHost = fields.receivingHost;
  return context;
}

/**
 * `%{i}` of an IPv6 client: 32 dot-separated nibbles. Upper-case hex, as the OpenSPF suite
 * expects in explanations (test v-macro-ip6); in domain names (RFC 7208 §7.4) case does not matter.
 */
function ipv6Nibbles(ip: IPv6): string {
  const nibbles: string[] = [];
  for (const part of ip.parts) {
    const hex = part.toString(16).toUpperCase().padStart(4, '0');
    nibbles.push(hex[0], hex[1], hex[2], hex[3]);
  }
  return nibbles.join('.');
}

function letterValue(letter: MacroLetter, context: MacroContext): string {
  switch (letter) {
    case 's': return context.sender;
    case 'l': return context.localPart;
    case 'o': return context.senderDomain;
    case 'd': return context.domain;
    case 'i': return context.ipDotted;
    case 'p': return context.validatedDomain ?? 'unknown';
    case 'v': return context.ipVersionName;
    case 'h': return context.helo;
    case 'c': return context.ipText;
    case 'r': return context.receivingHost ?? 'unknown';
    case 't': return String(context.timestamp);
  }
}

function splitOnDelimiters(value: string, delimiters: string): string[] {
  if (delimiters.length === 1) return value.split(delimiters);
  const parts: string[] = [];
  let partStart = 0;
  for (let index = 0; index < value.length; index++) {
    if (delimiters.includes(value[index])) {
      parts.push(value.slice(partStart, index));
      partStart = index + 1;
    }
  }
  parts.push(value.slice(partStart));
  return parts;
}

const NOT_UNRESERVED = /[!'()*]/g;

/** URL encoding of RFC 7208 §7.3: everything but RFC 3986 unreserved characters is escaped. */
function urlEncode(value: string): string {
  return encodeURIComponent(value).replace(NOT_UNRESERVED, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Expands one macro (RFC 7208 §7.3: split on delimiters, reverse, keep right-hand parts, join with dots). */
export function expandMacro(macro: Macro, context: MacroContext): string {
  const value = letterValue(macro.letter, context);
  let result: string;
  if (macro.digits === undefined && !macro.reverse && macro.delimiters === '.') {
    result = value;
  } else {
    let parts = splitOnDelimiters(value, macro.delimiters);
    if (macro.reverse) parts.reverse();
    if (macro.digits !== undefined && macro.digits < parts.length) parts = parts.slice(parts.length - macro.digits);
    result = parts.join('.');
  }
  return macro.urlEncode ? urlEncode(result) : result;
}

/** Past this many characters a domain-spec expansion keeps only its right end (see below). */
const DOMAIN_GROWTH_GUARD = 4096;
/** Explanations longer than this are cut (a guard; RFC 7208 sets no bound). */
export const MAX_EXPLANATION_LENGTH = 1024;

/**
 * Expands a macro-string. Domain-specs are truncated to 253 characters by dropping labels on
 * the left (RFC 7208 §7.3); while expanding, only the right end is kept once the text grows past
 * a guard, which cannot change that result. Explanations are cut at `MAX_EXPLANATION_LENGTH`.
 */
export function expandMacroString(macroString: MacroString, context: MacroContext, kind: MacroStringKind): string {
  if (!macroString.hasMacros) {
    return kind === 'explain-string' ? macroString.text.slice(0, MAX_EXPLANATION_LENGTH) : truncateDomainName(macroString.text);
  }
  let output = '';
  for (const part of macroString.parts) {
    if (part.kind === 'literal') output += part.text;
    else if (part.kind === 'escape') output += part.value;
    else output += expandMacro(part, context);
    if (kind === 'explain-string') {
      if (output.length >= MAX_EXPLANATION_LENGTH) return output.slice(0, MAX_EXPLANATION_LENGTH);
    } else if (output.length > DOMAIN_GROWTH_GUARD) {
      output = output.slice(output.length - 512);
    }
  }
  return kind === 'explain-string' ? output : truncateDomainName(output);
}

/**
 * Parses and expands a macro text in one step (for hovers and examples). `%{p}` expands to
 * `context.validatedDomain` (resolve it with DNS first) or `unknown`.
 */
export function expandMacroText(
  text: string,
  context: MacroContext,
  kind: MacroStringKind = 'domain-spec',
): { value?: string; errors: SpfSyntaxError[] } {
  const errors: SpfSyntaxError[] = [];
  const parsed = parseMacroString(text, 0, text.length, kind, errors);
  return errors.length > 0 ? { errors } : { value: expandMacroString(parsed, context, kind), errors };
}
