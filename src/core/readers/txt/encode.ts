/**
 * Escaping text for the syntax a string is written in, and octet counts of source spans, so
 * that an edit of a TXT value can be written back into the document faithfully.
 */
import type { StringSyntax } from './txt-value';
import { utf8Length } from './mapped-text-builder';

/** Characters a master-file character-string needs escaped outside quotes (RFC 1035 §5.1). */
const ZONE_UNQUOTED_SPECIAL = new Set([' ', '\t', ';', '(', ')', '"', '\\']);

/**
 * Escapes `text` so that, written inside a string of the given syntax (between its quotes, if
 * any), it decodes back to `text`. `plain` and `yaml-plain` strings take the text as is.
 */
export function encodeForSyntax(text: string, syntax: StringSyntax): string {
  switch (syntax) {
    case 'zone-quoted':
    case 'zone-generic':
      return escapeEach(text, (ch, code) => (ch === '"' || ch === '\\' ? `\\${ch}` : isControl(code) ? zoneOctetEscape(code) : ch));
    case 'zone-unquoted':
      return escapeEach(text, (ch, code) => (ZONE_UNQUOTED_SPECIAL.has(ch) ? `\\${ch}` : isControl(code) ? zoneOctetEscape(code) : ch));
    case 'json':
      return JSON.stringify(text).slice(1, -1);
    case 'yaml-double':
      return escapeEach(text, (ch, code) => (ch === '"' || ch === '\\' ? `\\${ch}` : isControl(code) ? `\\x${hex2(code)}` : ch));
    case 'yaml-single':
      return text.replace(/'/g, "''");
    case 'hcl':
      return escapeEach(text, (ch, code) => (ch === '"' || ch === '\\' ? `\\${ch}` : isControl(code) ? `\\u00${hex2(code)}` : ch))
        .replace(/\$\{/g, '$${')
        .replace(/%\{/g, '%%{');
    case 'js-single':
    case 'js-double':
    case 'js-template': {
      const quote = syntax === 'js-single' ? "'" : syntax === 'js-double' ? '"' : '`';
      const escaped = escapeEach(text, (ch, code) => (ch === quote || ch === '\\' ? `\\${ch}` : isControl(code) ? `\\x${hex2(code)}` : ch));
      return syntax === 'js-template' ? escaped.replace(/\$\{/g, '\\${') : escaped;
    }
    case 'plain':
    case 'yaml-plain':
      return text;
  }
}

/**
 * Octets that a source span of a master-file string decodes to: `\DDD` counts one, `\X` and a
 * literal character count their UTF-8 length.
 */
export function zoneSourceOctets(source: string): number {
  let octets = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 92 && i + 1 < source.length) {
      if (/^\d{3}$/.test(source.slice(i + 1, i + 4))) {
        octets += 1;
        i += 3;
      } else {
        octets += utf8Length(source.charCodeAt(i + 1));
        i += 1;
      }
    } else {
      octets += utf8Length(code);
    }
  }
  return octets;
}

function escapeEach(text: string, escape: (ch: string, code: number) => string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) result += escape(text[i], text.charCodeAt(i));
  return result;
}

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

function zoneOctetEscape(code: number): string {
  return `\\${String(code).padStart(3, '0')}`;
}

function hex2(code: number): string {
  return code.toString(16).padStart(2, '0');
}
