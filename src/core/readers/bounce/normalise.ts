/**
 * Turns a bounce text as relays wrap it into one logical text per paragraph, keeping the map back
 * to the input. Multi-line SMTP replies (RFC 5321 §4.2.1) repeat their reply code on every line
 * (`550-5.7.26 ...`), and relays re-wrap them so those prefixes land mid-sentence
 * (`did not 550-5.7.26 pass`) and bracketed names are cut (`[shop.example.co.` / `jp]`).
 *
 * Two linear passes:
 * 1. repeated reply prefixes are removed: in each paragraph (blank-line separated) the first
 *    `NNN[- ]X.Y.Z` is kept (it carries the status), later ones with the same code are dropped,
 *    also when the code and the enhanced status sit on two lines;
 * 2. lines are joined: indentation and Sendmail's `<<<` transcript marks are dropped, a line
 *    break becomes one space, or nothing when it falls inside an unclosed `[...]`, after a
 *    partial dotted name or address (`203.0.113.` then a digit or lower-case letter), or inside
 *    a URL that ends in `;`, `=`, `?`, `&`, `/` or `.`. Blank lines stay as one `\n`.
 */
import { MappedTextBuilder, type MappedText } from './text-map';

const REPLY_PREFIX = /(?<![^\s<>'"(])([245]\d{2})(?:-|[ \t]+|[ \t]*\r?\n[ \t]*)([245]\.\d{1,3}\.\d{1,3})(?=[\s'")]|$)/g;
const BLANK_LINE = /\n[ \t]*\r?\n/g;
const PARTIAL_DOTTED = /^[\w-]+(?:\.[\w-]+)+\.$/;
const URL_CONTINUES = /^(?:https?:\/\/|[\w.-]*Why\?)\S*[;=?&/.]$/i;
/** A `[` more than this many characters back no longer glues wrapped lines. */
const BRACKET_REACH = 120;

/** Normalises `source` (any mapped text) as described in the module comment. */
export function normaliseReplyText(source: MappedText): MappedText {
  return joinLines(dropRepeatedReplyPrefixes(source));
}

function dropRepeatedReplyPrefixes(source: MappedText): MappedText {
  const text = source.text;
  const builder = new MappedTextBuilder();
  let copiedUpTo = 0;
  let paragraphEnd = nextParagraphEnd(text, 0);
  let first: { code: string; enhanced: string } | undefined;
  REPLY_PREFIX.lastIndex = 0;
  for (let match = REPLY_PREFIX.exec(text); match; match = REPLY_PREFIX.exec(text)) {
    if (match.index >= paragraphEnd) {
      first = undefined;
      paragraphEnd = nextParagraphEnd(text, match.index);
    }
    if (!first) {
      first = { code: match[1], enhanced: match[2] };
      continue;
    }
    if (match[1] !== first.code || match[2] !== first.enhanced) continue;
    let removeEnd = match.index + match[0].length;
    while (text[removeEnd] === ' ' || text[removeEnd] === '\t') removeEnd++;
    // A line that held only the prefix would become a blank line (a false paragraph break).
    if (text[removeEnd] === '\r') removeEnd++;
    if (text[removeEnd] === '\n' && lineIsOnlyPrefix(text, match.index)) removeEnd++;
    builder.copy(text, copiedUpTo, match.index);
    copiedUpTo = removeEnd;
    REPLY_PREFIX.lastIndex = Math.max(REPLY_PREFIX.lastIndex, removeEnd);
  }
  builder.copy(text, copiedUpTo, text.length);
  return builder.size === text.length && copiedUpTo === 0 ? source : builder.build(source);
}

function lineIsOnlyPrefix(text: string, prefixStart: number): boolean {
  for (let i = prefixStart - 1; i >= 0 && text[i] !== '\n'; i--) {
    if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '<' && text[i] !== '>') return false;
  }
  return true;
}

function nextParagraphEnd(text: string, from: number): number {
  BLANK_LINE.lastIndex = from;
  const blank = BLANK_LINE.exec(text);
  return blank ? blank.index : text.length;
}

function joinLines(source: MappedText): MappedText {
  const text = source.text;
  const builder = new MappedTextBuilder();
  let openBracketAt = -1;
  let previousContentEnd = -1;
  let previousToken = '';
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let contentStart = skipBlanks(text, lineStart, lineEnd);
    if (text.startsWith('<<<', contentStart)) contentStart = skipBlanks(text, contentStart + 3, lineEnd);
    let contentEnd = lineEnd;
    while (contentEnd > contentStart && /[ \t\r]/.test(text[contentEnd - 1])) contentEnd--;
    if (contentStart === contentEnd) {
      if (builder.size > 0 && builder.lastChar() !== '\n') builder.replace('\n', lineStart, Math.min(lineEnd + 1, text.length));
      openBracketAt = -1;
      previousContentEnd = -1;
    } else {
      if (previousContentEnd >= 0) {
        const glued =
          (openBracketAt >= 0 && builder.size - openBracketAt < BRACKET_REACH) ||
          (PARTIAL_DOTTED.test(previousToken) && /[a-z0-9]/.test(text[contentStart])) ||
          URL_CONTINUES.test(previousToken);
        if (!glued) builder.replace(' ', previousContentEnd, contentStart);
      }
      for (let i = contentStart; i < contentEnd; i++) {
        if (text[i] === '[') openBracketAt = builder.size + (i - contentStart);
        else if (text[i] === ']') openBracketAt = -1;
      }
      builder.copy(text, contentStart, contentEnd);
      previousContentEnd = contentEnd;
      let tokenStart = contentEnd;
      while (tokenStart > contentStart && text[tokenStart - 1] !== ' ' && text[tokenStart - 1] !== '\t') tokenStart--;
      previousToken = contentEnd - tokenStart > 2_000 ? '' : text.slice(tokenStart, contentEnd);
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return builder.build(source);
}

function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
