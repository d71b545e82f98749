/** String literals of JSON (RFC 8259 §7), decoded with their offset maps. */
import { MappedTextBuilder } from '../txt/mapped-text-builder';
import { finishLiteral, readHex, type DecodedLiteral, type LiteralScan } from './code-strings';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Finds every JSON string literal (keys included) and decodes it. */
export function scanJsonStrings(text: string): LiteralScan {
  const scan: LiteralScan = { groups: [], issues: [] };
  for (let pos = 0; pos < text.length; pos++) {
    if (text.charCodeAt(pos) !== 34) continue;
    const literal = readJsonString(text, pos, scan);
    scan.groups.push([literal]);
    pos = literal.range.end - 1;
  }
  return scan;
}

function readJsonString(text: string, start: number, scan: LiteralScan): DecodedLiteral {
  const builder = new MappedTextBuilder();
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === '"') return finishLiteral(builder, 'json', start, pos + 1, start + 1, pos);
    if (ch === '\n' || ch === '\r') break;
    if (ch !== '\\') {
      builder.appendText(ch, pos, pos + 1);
      pos++;
      continue;
    }
    const kind = text[pos + 1];
    if (kind === 'u') {
      const unit = readHex(text, pos + 2, 4);
      if (Number.isNaN(unit)) {
        scan.issues.push({ range: { start: pos, end: Math.min(pos + 6, text.length) }, reason: 'invalid \\u escape: four hex digits expected' });
        builder.markEscaped();
        pos += 2;
        continue;
      }
      // Each \uXXXX is one UTF-16 unit, so a surrogate pair maps unit by unit to its two escapes.
      builder.appendText(String.fromCharCode(unit), pos, pos + 6);
      pos += 6;
    } else if (kind !== undefined && SIMPLE_ESCAPES[kind] !== undefined) {
      builder.appendText(SIMPLE_ESCAPES[kind], pos, pos + 2);
      pos += 2;
    } else {
      scan.issues.push({ range: { start: pos, end: Math.min(pos + 2, text.length) }, reason: `invalid JSON escape "\\${kind ?? ''}"` });
      builder.markEscaped();
      pos += 2;
    }
  }
  const end = Math.min(pos, text.length);
  scan.issues.push({ range: { start, end }, reason: 'unterminated JSON string' });
  return finishLiteral(builder, 'json', start, end, start + 1, end);
}
