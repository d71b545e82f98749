/**
 * Shared shapes of the DNS-as-code readers: a string literal found in a source file, decoded by
 * its language's rules, with the offset map of every decoded unit.
 */
import type { TextIssue } from '../../text/range';
import { MappedTextBuilder } from '../txt/mapped-text-builder';
import type { StringSyntax, TxtString } from '../txt/txt-value';

/** Languages whose string literals can hold SPF records. */
export type CodeLanguage = 'yaml' | 'json' | 'hcl' | 'javascript' | 'typescript';

/** A decoded literal, before it is placed in a value. */
export type DecodedLiteral = Omit<TxtString, 'valueStart'>;

/** What a language scanner returns: the literals in document order (concatenations grouped). */
export interface LiteralScan {
  /** Each group is one value; a group has several literals when the code concatenates them. */
  groups: DecodedLiteral[][];
  /** Literals that mention `v=spf1` but cannot be read statically (interpolation) and other problems. */
  issues: TextIssue[];
}

/** Builds a decoded literal from a builder over `[contentStart, contentEnd)`. */
export function finishLiteral(
  builder: MappedTextBuilder,
  syntax: StringSyntax,
  start: number,
  end: number,
  contentStart: number,
  contentEnd: number,
): DecodedLiteral {
  const decoded = builder.finish(contentStart, contentEnd);
  return {
    range: { start, end },
    contentRange: { start: contentStart, end: contentEnd },
    quoted: contentStart > start,
    syntax,
    text: decoded.text,
    octets: decoded.octets,
    ...(decoded.sourceOffsets ? { sourceOffsets: decoded.sourceOffsets } : {}),
  };
}

/** Appends the code point of a `\u`/`\x`-style escape, or reports it when out of range. */
export function appendCodePoint(builder: MappedTextBuilder, codePoint: number, start: number, end: number): boolean {
  if (!Number.isFinite(codePoint) || codePoint < 0 || codePoint > 0x10ffff) return false;
  builder.appendText(String.fromCodePoint(codePoint), start, end);
  return true;
}

/** Reads `count` hex digits at `pos`, or NaN. */
export function readHex(text: string, pos: number, count: number): number {
  const digits = text.slice(pos, pos + count);
  return digits.length === count && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
}
