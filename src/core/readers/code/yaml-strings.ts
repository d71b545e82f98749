/**
 * Scalars of YAML files (octoDNS zone configs): the `yaml` package's CST finds the flow scalars
 * (plain, single- and double-quoted) with their exact source; this module decodes them by YAML
 * 1.2 rules (§7.3 escapes and line folding) and keeps the offset map. Block scalars are skipped.
 */
import { CST, Parser } from 'yaml';
import { MappedTextBuilder } from '../txt/mapped-text-builder';
import type { StringSyntax } from '../txt/txt-value';
import { appendCodePoint, finishLiteral, readHex, type DecodedLiteral, type LiteralScan } from './code-strings';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };
const SYNTAX_OF_TYPE: Record<string, StringSyntax> = {
  scalar: 'yaml-plain',
  'single-quoted-scalar': 'yaml-single',
  'double-quoted-scalar': 'yaml-double',
};

/** Finds and decodes the flow scalars of every document in a YAML text. */
export function scanYamlStrings(text: string): LiteralScan {
  const scan: LiteralScan = { groups: [], issues: [] };
  const visitToken = (token: CST.Token | undefined): void => {
    if (!token || !(token.type in SYNTAX_OF_TYPE)) return;
    const scalar = token as CST.FlowScalar;
    scan.groups.push([decodeScalar(text, scalar.offset, scalar.offset + scalar.source.length, SYNTAX_OF_TYPE[scalar.type], scan)]);
  };
  for (const token of new Parser().parse(text)) {
    if (token.type === 'error') {
      scan.issues.push({ range: { start: token.offset, end: token.offset + token.source.length }, reason: token.message });
      continue;
    }
    if (token.type !== 'document') continue;
    // CST.visit also visits the document's own value (a root scalar), so it is not visited here.
    CST.visit(token, (item) => {
      visitToken(item.key ?? undefined);
      visitToken(item.value);
    });
  }
  scan.groups.sort((a, b) => a[0].range.start - b[0].range.start);
  return scan;
}

function decodeScalar(text: string, start: number, end: number, syntax: StringSyntax, scan: LiteralScan): DecodedLiteral {
  const quoted = syntax !== 'yaml-plain';
  const contentStart = quoted ? start + 1 : start;
  const contentEnd = quoted ? Math.max(contentStart, end - 1) : end;
  const builder = new MappedTextBuilder();
  let pos = contentStart;
  while (pos < contentEnd) {
    const ch = text[pos];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos = foldWhitespace(text, pos, contentEnd, builder);
    } else if (syntax === 'yaml-single' && ch === "'" && text[pos + 1] === "'") {
      builder.appendText("'", pos, pos + 2);
      pos += 2;
    } else if (syntax === 'yaml-double' && ch === '\\') {
      pos = readEscape(text, pos, contentEnd, builder, scan);
    } else {
      builder.appendText(ch, pos, pos + 1);
      pos++;
    }
  }
  return finishLiteral(builder, syntax, start, end, contentStart, contentEnd);
}

/**
 * YAML 1.2 §7.3.1 line folding: blank space before a line break and indentation after it are
 * dropped; one line break becomes a space, n line breaks become n - 1 newlines. Blank space
 * that is not followed by a line break is kept.
 */
function foldWhitespace(text: string, pos: number, end: number, builder: MappedTextBuilder): number {
  const runStart = pos;
  let breaks = 0;
  while (pos < end && /[ \t\r\n]/.test(text[pos])) {
    if (text[pos] === '\n') breaks++;
    pos++;
  }
  if (breaks === 0) {
    for (let i = runStart; i < pos; i++) builder.appendText(text[i], i, i + 1);
  } else {
    builder.appendText(breaks === 1 ? ' ' : '\n'.repeat(breaks - 1), runStart, pos);
  }
  return pos;
}

function readEscape(text: string, pos: number, end: number, builder: MappedTextBuilder, scan: LiteralScan): number {
  const kind = text[pos + 1];
  if (kind === '\n' || kind === '\r') {
    // Escaped line break: the break and the next line's indentation are dropped (§7.3.1).
    let next = pos + (kind === '\r' && text[pos + 2] === '\n' ? 3 : 2);
    while (next < end && (text[next] === ' ' || text[next] === '\t')) next++;
    builder.markEscaped();
    return next;
  }
  if (kind !== undefined && SIMPLE_ESCAPES[kind] !== undefined) {
    builder.appendText(SIMPLE_ESCAPES[kind], pos, pos + 2);
    return pos + 2;
  }
  const digits = kind === undefined ? 0 : HEX_DIGITS[kind] ?? 0;
  if (digits > 0 && appendCodePoint(builder, readHex(text, pos + 2, digits), pos, pos + 2 + digits)) return pos + 2 + digits;
  scan.issues.push({ range: { start: pos, end: Math.min(pos + 2, end) }, reason: `invalid YAML escape "\\${kind ?? ''}"` });
  builder.markEscaped();
  return Math.min(pos + 2, end);
}
