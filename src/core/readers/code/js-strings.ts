/**
 * String literals of JavaScript/TypeScript (DNSControl's `dnsconfig.js`): single, double and
 * backtick quotes (templates only without `${}`), ECMAScript escapes, and `'a' + 'b'`
 * concatenations grouped into one value. Comments are skipped; a `/` after an operator starts
 * a regular expression literal.
 */
import { MappedTextBuilder } from '../txt/mapped-text-builder';
import type { StringSyntax } from '../txt/txt-value';
import { appendCodePoint, finishLiteral, readHex, type DecodedLiteral, type LiteralScan } from './code-strings';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
const REGEX_FOLLOWS = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const SYNTAX_OF_QUOTE: Record<string, StringSyntax> = { "'": 'js-single', '"': 'js-double', '`': 'js-template' };

type Token = { kind: 'literal'; literal: DecodedLiteral } | { kind: 'plus' } | { kind: 'other' };

/** Finds the string literals of a JavaScript or TypeScript source, grouping `+` concatenations. */
export function scanJsStrings(text: string): LiteralScan {
  const scan: LiteralScan = { groups: [], issues: [] };
  const tokens: Token[] = [];
  let previous = '';
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos++;
    } else if (ch === '/' && text[pos + 1] === '/') {
      pos = indexOrEnd(text, '\n', pos);
    } else if (ch === '/' && text[pos + 1] === '*') {
      pos = indexOrEnd(text, '*/', pos + 2) + 2;
    } else if (ch === '/' && (previous === '' || REGEX_FOLLOWS.has(previous))) {
      pos = skipRegex(text, pos);
      previous = 'regex';
      tokens.push({ kind: 'other' });
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const literal = readLiteral(text, pos, scan);
      pos = literal.end;
      previous = 'string';
      tokens.push(literal.literal ? { kind: 'literal', literal: literal.literal } : { kind: 'other' });
    } else {
      previous = ch;
      tokens.push(ch === '+' ? { kind: 'plus' } : { kind: 'other' });
      pos = /[A-Za-z0-9_$]/.test(ch) ? identifierEnd(text, pos) : pos + 1;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'literal') continue;
    const group = [token.literal];
    while (tokens[i + 1]?.kind === 'plus' && tokens[i + 2]?.kind === 'literal') {
      group.push((tokens[i + 2] as { literal: DecodedLiteral }).literal);
      i += 2;
    }
    scan.groups.push(group);
  }
  return scan;
}

function readLiteral(text: string, start: number, scan: LiteralScan): { end: number; literal?: DecodedLiteral } {
  const quote = text[start];
  const syntax = SYNTAX_OF_QUOTE[quote];
  const builder = new MappedTextBuilder();
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === quote) return { end: pos + 1, literal: finishLiteral(builder, syntax, start, pos + 1, start + 1, pos) };
    if (quote === '`' && ch === '$' && text[pos + 1] === '{') {
      const end = skipTemplate(text, pos);
      if (/v=spf1/i.test(text.slice(start, end))) {
        scan.issues.push({ range: { start, end }, reason: 'template literal with ${...} cannot be read without running the code' });
      }
      return { end };
    }
    if ((ch === '\n' || ch === '\r') && quote !== '`') break;
    if (ch !== '\\') {
      builder.appendText(ch, pos, pos + 1);
      pos++;
      continue;
    }
    pos = readEscape(text, pos, builder, scan);
  }
  const end = Math.min(pos, text.length);
  scan.issues.push({ range: { start, end }, reason: 'unterminated string literal' });
  return { end, literal: finishLiteral(builder, syntax, start, end, start + 1, end) };
}

/** Reads one escape at `pos` (a backslash) and returns the position after it. */
function readEscape(text: string, pos: number, builder: MappedTextBuilder, scan: LiteralScan): number {
  const kind = text[pos + 1];
  if (kind === undefined) {
    builder.markEscaped();
    return pos + 1;
  }
  if (kind === '\r' || kind === '\n' || kind === '\u2028' || kind === '\u2029') {
    // Line continuation: the backslash and the line break decode to nothing.
    builder.markEscaped();
    return pos + (kind === '\r' && text[pos + 2] === '\n' ? 3 : 2);
  }
  if (kind === 'x' || kind === 'u') {
    let end: number;
    let codePoint: number;
    if (kind === 'x') {
      codePoint = readHex(text, pos + 2, 2);
      end = pos + 4;
    } else if (text[pos + 2] === '{') {
      const close = text.indexOf('}', pos + 3);
      const digits = close > 0 && close - pos < 12 ? text.slice(pos + 3, close) : '';
      codePoint = /^[0-9a-fA-F]{1,6}$/.test(digits) ? parseInt(digits, 16) : NaN;
      end = close + 1;
    } else {
      codePoint = readHex(text, pos + 2, 4);
      end = pos + 6;
    }
    if (appendCodePoint(builder, codePoint, pos, end)) return end;
    scan.issues.push({ range: { start: pos, end: pos + 2 }, reason: `invalid \\${kind} escape` });
    builder.markEscaped();
    return pos + 2;
  }
  const width = kind.charCodeAt(0) >= 0xd800 && kind.charCodeAt(0) <= 0xdbff ? 2 : 1;
  builder.appendText(SIMPLE_ESCAPES[kind] ?? text.slice(pos + 1, pos + 1 + width), pos, pos + 1 + width);
  return pos + 1 + width;
}

function skipTemplate(text: string, pos: number): number {
  let depth = 0;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === '\\') pos += 2;
    else if (ch === '`' && depth === 0) return pos + 1;
    else {
      if (ch === '{') depth++;
      else if (ch === '}') depth = Math.max(0, depth - 1);
      pos++;
    }
  }
  return text.length;
}

function skipRegex(text: string, pos: number): number {
  let inClass = false;
  for (pos++; pos < text.length; pos++) {
    const ch = text[pos];
    if (ch === '\n' || ch === '\r') return pos;
    if (ch === '\\') pos++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return pos + 1;
  }
  return text.length;
}

function identifierEnd(text: string, pos: number): number {
  while (pos < text.length && /[A-Za-z0-9_$]/.test(text[pos])) pos++;
  return pos;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length : at;
}
