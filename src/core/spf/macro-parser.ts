/**
 * Parsing SPF macro-strings (RFC 7208 §7.1) into parts with ranges. A macro-string that is one
 * plain literal (the usual domain such as `_spf.google.com`) keeps only its offsets: its text,
 * range and single literal part are computed when read.
 */
import type {
  Macro,
  MacroEscape,
  MacroLetter,
  MacroPart,
  MacroString,
  SpfSyntaxError,
} from './ast';
import type { TextRange } from '../text/range';

/** Where a macro-string appears; it decides which letters are allowed (RFC 7208 §7.2). */
export type MacroStringKind = 'domain-spec' | 'explain-string' | 'modifier-value';

const PERCENT = 0x25;
const SPACE = 0x20;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const LETTER_CODES = new Set('sloipdhcrtv'.split('').map((letter) => letter.charCodeAt(0)));
const EXPLAIN_ONLY_LETTERS = new Set(['c', 'r', 't']);
const DELIMITER_CODES = new Set('.-+,/_='.split('').map((delimiter) => delimiter.charCodeAt(0)));

/** Upper bound on digit transformers kept as numbers: larger values keep every part anyway. */
const MAX_DIGITS = 1000;

/**
 * A parsed macro-string: the text it came from, its offsets, and its parts unless they are the
 * single literal covering the whole range (then `parts` builds that literal on each read).
 */
class ParsedMacroString implements MacroString {
  readonly #source: string;
  readonly #start: number;
  readonly #end: number;
  readonly #parts: MacroPart[] | undefined;

  constructor(source: string, start: number, end: number, parts: MacroPart[] | undefined) {
    this.#source = source;
    this.#start = start;
    this.#end = end;
    this.#parts = parts;
  }

  get range(): TextRange {
    return { start: this.#start, end: this.#end };
  }

  get text(): string {
    return this.#source.slice(this.#start, this.#end);
  }

  get parts(): MacroPart[] {
    return this.#parts ?? [{ kind: 'literal', range: { start: this.#start, end: this.#end }, text: this.text }];
  }

  get hasMacros(): boolean {
    return this.#parts !== undefined && this.#parts.some((part) => part.kind !== 'literal');
  }

  get usesPtr(): boolean {
    return this.#parts !== undefined && this.#parts.some((part) => part.kind === 'macro' && part.letter === 'p');
  }
}

/**
 * The macro-string of `[start, end)` of `text` with the given parts; `undefined` parts stand for
 * the single literal covering the (non-empty) range, as `parseMacroParts` returns it.
 */
export function macroString(text: string, start: number, end: number, parts: MacroPart[] | undefined): MacroString {
  return new ParsedMacroString(text, start, end, parts);
}

/** RFC 7208 §7.1 macro-literal: visible ASCII except `%` (and SP inside explanation text). */
function isLiteralChar(code: number, kind: MacroStringKind): boolean {
  if (code === SPACE) return kind === 'explain-string';
  return code >= 0x21 && code <= 0x7e && code !== PERCENT;
}

function addError(errors: SpfSyntaxError[], range: TextRange, reason: string, code: SpfSyntaxError['code'], termIndex: number | undefined): void {
  errors.push(termIndex === undefined ? { range, reason, code } : { range, reason, code, termIndex });
}

/** Reports the run of invalid characters starting at `index`; returns where the run ends. */
function skipInvalidCharacters(text: string, index: number, end: number, kind: MacroStringKind, errors: SpfSyntaxError[], termIndex: number | undefined): number {
  let badEnd = index + 1;
  while (badEnd < end && !isLiteralChar(text.charCodeAt(badEnd), kind) && text.charCodeAt(badEnd) !== PERCENT) badEnd++;
  const shown = JSON.stringify(text.slice(index, badEnd));
  addError(errors, { start: index, end: badEnd }, `invalid character ${shown} (only visible ASCII is allowed)`, 'invalid-character', termIndex);
  return badEnd;
}

function escapeValue(code: number): MacroEscape['value'] | undefined {
  if (code === PERCENT) return '%';
  if (code === 0x5f) return ' ';
  if (code === 0x2d) return '%20';
  return undefined;
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
  return new ParsedMacroString(text, start, end, parseMacroParts(text, start, end, kind, errors, termIndex));
}

/**
 * The parts of the macro-string `[start, end)` of `text` (see `parseMacroString`), or undefined
 * when they are one literal covering the whole, non-empty range (no `%` in it).
 */
export function parseMacroParts(
  text: string,
  start: number,
  end: number,
  kind: MacroStringKind,
  errors: SpfSyntaxError[],
  termIndex: number | undefined,
): MacroPart[] | undefined {
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === PERCENT) break;
    index = isLiteralChar(code, kind) ? index + 1 : skipInvalidCharacters(text, index, end, kind, errors, termIndex);
  }
  if (index >= end) return start < end ? undefined : [];
  return parseParts(text, start, index, end, kind, errors, termIndex);
}

/** The parts of a macro-string whose first `%` is at `percentAt` (everything before it is literal). */
function parseParts(
  text: string,
  start: number,
  percentAt: number,
  end: number,
  kind: MacroStringKind,
  errors: SpfSyntaxError[],
  termIndex: number | undefined,
): MacroPart[] {
  const parts: MacroPart[] = [];
  let literalStart = start;
  let index = percentAt;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code !== PERCENT) {
      index = isLiteralChar(code, kind) ? index + 1 : skipInvalidCharacters(text, index, end, kind, errors, termIndex);
      continue;
    }
    if (index > literalStart) parts.push({ kind: 'literal', range: { start: literalStart, end: index }, text: text.slice(literalStart, index) });
    // An invalid macro or escape stays in the parts as literal text, so the parts cover the range.
    const percentIndex = index;
    let invalid = false;
    const escape = index + 1 < end ? escapeValue(text.charCodeAt(index + 1)) : undefined;
    if (escape !== undefined) {
      parts.push({ kind: 'escape', range: { start: index, end: index + 2 }, text: text.slice(index, index + 2) as MacroEscape['text'], value: escape });
      index += 2;
    } else if (index + 1 < end && text.charCodeAt(index + 1) === OPEN_BRACE) {
      const macro = parseMacro(text, index, end, kind, errors, termIndex);
      if (macro) {
        parts.push(macro);
        index = macro.range.end;
      } else {
        const close = text.indexOf('}', index);
        index = close >= 0 && close < end ? close + 1 : end;
        invalid = true;
      }
    } else {
      invalid = true;
      addError(
        errors,
        { start: index, end: Math.min(index + 2, end) },
        "'%' must be followed by '{', '%', '_' or '-' (write '%%' for a literal percent sign)",
        'invalid-macro',
        termIndex,
      );
      index = Math.min(index + 2, end);
    }
    literalStart = invalid ? percentIndex : index;
  }
  if (end > literalStart) parts.push({ kind: 'literal', range: { start: literalStart, end }, text: text.slice(literalStart, end) });
  return parts;
}

/** Parses one `%{...}` starting at `start` (the `%`); reports and returns undefined when invalid. */
function parseMacro(
  text: string,
  start: number,
  end: number,
  kind: MacroStringKind,
  errors: SpfSyntaxError[],
  termIndex: number | undefined,
): Macro | undefined {
  let index = start + 2;
  const letterCode = index < end ? text.charCodeAt(index) | 0x20 : -1;
  if (!LETTER_CODES.has(letterCode)) {
    const found = index < end ? `'${text[index]}'` : 'nothing';
    addError(errors, { start, end: Math.min(index + 1, end) }, `unknown macro letter ${found} (expected one of s l o d i p h c r t v)`, 'invalid-macro', termIndex);
    return undefined;
  }
  const letter = String.fromCharCode(letterCode) as MacroLetter;
  const letterRange = { start: index, end: index + 1 };
  const urlEncode = text.charCodeAt(index) !== letterCode;
  index++;
  const digitsStart = index;
  while (index < end && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39) index++;
  let digits: number | undefined;
  let digitsRange: TextRange | undefined;
  if (index > digitsStart) {
    digitsRange = { start: digitsStart, end: index };
    digits = index - digitsStart > 4 ? MAX_DIGITS : Math.min(Number(text.slice(digitsStart, index)), MAX_DIGITS);
    if (digits === 0) {
      addError(errors, digitsRange, 'the digit transformer must be nonzero (RFC 7208 §7.1)', 'invalid-macro', termIndex);
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
    addError(errors, { start, end: Math.min(index + 1, end) }, reason, 'invalid-macro', termIndex);
    return undefined;
  }
  index++;
  const range = { start, end: index };
  if (kind !== 'explain-string' && kind !== 'modifier-value' && EXPLAIN_ONLY_LETTERS.has(letter)) {
    addError(errors, range, `the %{${letter}} macro is allowed only in explanation text (RFC 7208 §7.2)`, 'macro-not-allowed', termIndex);
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
