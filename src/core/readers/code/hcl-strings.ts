/**
 * Quoted template strings of HCL (Terraform `records = ["v=spf1 ..."]`): escapes `\n \r \t \"
 * \\ \uNNNN \UNNNNNNNN`, `$${` and `%%{` for literal `${` and `%{`. Strings with `${...}` or
 * `%{...}` are not static and are skipped; comments (`#`, `//`, `/* *\/`) and heredocs too.
 */
import { MappedTextBuilder } from '../txt/mapped-text-builder';
import { appendCodePoint, finishLiteral, readHex, type DecodedLiteral, type LiteralScan } from './code-strings';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Finds the static quoted strings of an HCL file. */
export function scanHclStrings(text: string): LiteralScan {
  const scan: LiteralScan = { groups: [], issues: [] };
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === '#' || (ch === '/' && text[pos + 1] === '/')) {
      pos = lineEnd(text, pos);
    } else if (ch === '/' && text[pos + 1] === '*') {
      const close = text.indexOf('*/', pos + 2);
      pos = close < 0 ? text.length : close + 2;
    } else if (ch === '<' && text[pos + 1] === '<') {
      pos = skipHeredoc(text, pos);
    } else if (ch === '"') {
      const result = readHclString(text, pos, scan);
      if (result.literal) scan.groups.push([result.literal]);
      pos = result.end;
    } else {
      pos++;
    }
  }
  return scan;
}

function readHclString(text: string, start: number, scan: LiteralScan): { end: number; literal?: DecodedLiteral } {
  const builder = new MappedTextBuilder();
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === '"') return { end: pos + 1, literal: finishLiteral(builder, 'hcl', start, pos + 1, start + 1, pos) };
    if (ch === '\n' || ch === '\r') break;
    if ((ch === '$' || ch === '%') && text[pos + 1] === ch && text[pos + 2] === '{') {
      builder.appendText(`${ch}{`, pos, pos + 3);
      pos += 3;
    } else if ((ch === '$' || ch === '%') && text[pos + 1] === '{') {
      const end = skipInterpolation(text, pos + 2);
      if (/v=spf1/i.test(text.slice(start, end))) {
        scan.issues.push({ range: { start, end }, reason: 'string with ${...} or %{...} cannot be read without evaluating the configuration' });
      }
      return { end };
    } else if (ch === '\\') {
      pos = readEscape(text, pos, builder, scan);
    } else {
      builder.appendText(ch, pos, pos + 1);
      pos++;
    }
  }
  const end = Math.min(pos, text.length);
  scan.issues.push({ range: { start, end }, reason: 'unterminated string' });
  return { end, literal: finishLiteral(builder, 'hcl', start, end, start + 1, end) };
}

function readEscape(text: string, pos: number, builder: MappedTextBuilder, scan: LiteralScan): number {
  const kind = text[pos + 1];
  if (kind !== undefined && SIMPLE_ESCAPES[kind] !== undefined) {
    builder.appendText(SIMPLE_ESCAPES[kind], pos, pos + 2);
    return pos + 2;
  }
  const digits = kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
  if (digits > 0 && appendCodePoint(builder, readHex(text, pos + 2, digits), pos, pos + 2 + digits)) return pos + 2 + digits;
  scan.issues.push({ range: { start: pos, end: Math.min(pos + 2, text.length) }, reason: `invalid HCL escape "\\${kind ?? ''}"` });
  builder.markEscaped();
  return Math.min(pos + 2, text.length);
}

/** Skips to after the `}` closing an interpolation, stepping over nested quoted strings. */
function skipInterpolation(text: string, pos: number): number {
  let depth = 1;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === '"') {
      pos++;
      while (pos < text.length && text[pos] !== '"' && text[pos] !== '\n') pos++;
      pos++;
      continue;
    }
    if (ch === '\n') return pos;
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      const close = text.indexOf('"', pos + 1);
      const newline = text.indexOf('\n', pos + 1);
      return close >= 0 && (newline < 0 || close < newline) ? close + 1 : pos + 1;
    }
    pos++;
  }
  return text.length;
}

/** Skips `<<EOT ... EOT` (or `<<-EOT`) and returns the position after the closing marker line. */
function skipHeredoc(text: string, pos: number): number {
  const header = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(pos, pos + 200));
  if (!header) return pos + 2;
  const marker = header[1];
  let lineStart = pos + header[0].length;
  while (lineStart < text.length) {
    const end = lineEnd(text, lineStart);
    if (text.slice(lineStart, end).trim() === marker) return end;
    lineStart = end + 1;
  }
  return text.length;
}

function lineEnd(text: string, pos: number): number {
  const newline = text.indexOf('\n', pos);
  return newline < 0 ? text.length : newline;
}
