/**
 * Splits master-file text (RFC 1035 §5.1) into entries: one line, or several lines joined by
 * parentheses. Handles `;` comments (not inside quotes), quoted strings with backslash escapes,
 * CRLF, and reports unbalanced quotes and parentheses as issues instead of failing.
 */
import type { TextIssue } from '../../text/range';

/** A word or a quoted string, with its document range (quotes included). */
export interface ZoneToken {
  kind: 'word' | 'quoted';
  start: number;
  end: number;
  /** A quoted string that reached the end of its line or of the file without a closing quote. */
  unterminated?: boolean;
}

/** One logical line: its tokens and whether it began with blank space (owner omitted). */
export interface ZoneEntry {
  tokens: ZoneToken[];
  blankOwner: boolean;
}

/** Kinds of the tokens in {@link EntryTokens.kinds}. */
export const WORD = 0;
export const QUOTED = 1;
/** A quoted string that reached the end of its line or of the file without a closing quote. */
export const UNTERMINATED = 2;

/**
 * The tokens of the current entry in arrays the lexer reuses from entry to entry: token `i`
 * spans `[starts[i], ends[i])` of `text` and is of kind `kinds[i]`.
 */
export interface EntryTokens {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
}

/** The kind ({@link WORD}, {@link QUOTED} or {@link UNTERMINATED}) of a token object. */
export function tokenKind(token: ZoneToken): number {
  if (token.kind === 'word') return WORD;
  return token.unterminated ? UNTERMINATED : QUOTED;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const SEMICOLON = 59;
const OPEN = 40;
const CLOSE = 41;
const QUOTE = 34;
const BACKSLASH = 92;

export class ZoneLexer implements EntryTokens {
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  kinds = new Uint8Array(64);
  /** Whether the current entry began with blank space (owner omitted). */
  blankOwner = false;
  private pos = 0;
  /** Recovering from an unclosed parenthesis rescans the rest of the file at most once. */
  private recoveredFromEof = false;
  /** Issues of the current entry, reported once the entry is complete. */
  private issues: TextIssue[] = [];
  private readonly quotes: ForwardSearch;
  private readonly backslashes: ForwardSearch;
  private readonly lineFeeds: ForwardSearch;
  private readonly carriageReturns: ForwardSearch;

  constructor(
    readonly text: string,
    private readonly report: (issue: TextIssue) => void,
  ) {
    this.quotes = new ForwardSearch(text, '"');
    this.backslashes = new ForwardSearch(text, '\\');
    this.lineFeeds = new ForwardSearch(text, '\n');
    this.carriageReturns = new ForwardSearch(text, '\r');
  }

  /**
   * Reads the next entry with at least one token into `count`, `starts`, `ends`, `kinds` and
   * `blankOwner`; false at the end of the text.
   */
  readEntry(): boolean {
    while (this.pos < this.text.length) {
      this.readOneEntry();
      if (this.count > 0) return true;
    }
    this.count = 0;
    return false;
  }

  /** The next entry with at least one token as objects, or undefined at the end of the text. */
  nextEntry(): ZoneEntry | undefined {
    return this.readEntry() ? { tokens: this.tokenObjects(0), blankOwner: this.blankOwner } : undefined;
  }

  /** The current entry's tokens from index `from` on, as objects. */
  tokenObjects(from: number): ZoneToken[] {
    const tokens: ZoneToken[] = [];
    for (let i = from; i < this.count; i++) {
      const kind = this.kinds[i];
      const token: ZoneToken = { kind: kind === WORD ? 'word' : 'quoted', start: this.starts[i], end: this.ends[i] };
      if (kind === UNTERMINATED) token.unterminated = true;
      tokens.push(token);
    }
    return tokens;
  }

  private readOneEntry(): void {
    const text = this.text;
    const length = text.length;
    const first = text.charCodeAt(this.pos);
    this.blankOwner = first === SPACE || first === TAB;
    this.count = 0;
    const issues = this.issues;
    let pos = this.pos;
    let depth = 0;
    let outerParen = -1;
    let resumeAt = -1;
    let tokensBeforeResume = 0;
    let nestingReported = false;
    let unmatchedReported = false;
    for (;;) {
      if (pos >= length) {
        if (depth > 0) {
          issues.push({ range: { start: outerParen, end: outerParen + 1 }, reason: 'unclosed "(": the record runs to the end of the file' });
          if (!this.recoveredFromEof && resumeAt >= 0) {
            // End the record at the line of the unclosed "(" and read the following lines again
            // as records of their own, so the rest of the file is not lost.
            this.recoveredFromEof = true;
            this.count = tokensBeforeResume;
            pos = resumeAt;
            this.searchAgain();
            const kept = issues.filter((issue) => issue.range.start < resumeAt);
            issues.length = 0;
            issues.push(...kept);
          }
        }
        break;
      }
      const code = text.charCodeAt(pos);
      if (code === SPACE || code === TAB) {
        pos++;
      } else if (code === LF || code === CR) {
        pos += code === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        if (depth === 0) break;
        if (resumeAt < 0) {
          resumeAt = pos;
          tokensBeforeResume = this.count;
        }
      } else if (code === SEMICOLON) {
        pos = Math.min(this.lineFeeds.next(pos), this.carriageReturns.next(pos));
      } else if (code === OPEN) {
        if (depth === 0) outerParen = pos;
        else if (!nestingReported) {
          nestingReported = true;
          issues.push({ range: { start: pos, end: pos + 1 }, reason: 'nested "(": parentheses do not nest in zone files' });
        }
        depth++;
        pos++;
      } else if (code === CLOSE) {
        if (depth > 0) depth--;
        else if (!unmatchedReported) {
          unmatchedReported = true;
          issues.push({ range: { start: pos, end: pos + 1 }, reason: 'unmatched ")"' });
        }
        pos++;
      } else if (code === QUOTE) {
        const scanned = this.quotedEnd(pos);
        if (scanned >= 0) {
          this.push(QUOTED, pos, scanned);
          pos = scanned;
        } else {
          const end = ~scanned;
          this.push(UNTERMINATED, pos, end);
          issues.push({ range: { start: pos, end }, reason: 'unterminated quoted string: no closing " on this line' });
          pos = end;
        }
      } else {
        const start = pos;
        pos = wordEnd(text, pos);
        this.push(WORD, start, pos);
      }
    }
    this.pos = pos;
    if (issues.length > 0) {
      for (const issue of issues) this.report(issue);
      issues.length = 0;
    }
  }

  /**
   * {@link scanQuoted} at `start`; a string with no backslash or line break before its closing
   * quote (most of them) is found with `indexOf` instead of a loop over its characters.
   */
  private quotedEnd(start: number): number {
    const close = this.quotes.next(start + 1);
    if (close < this.text.length && close < this.backslashes.next(start) && close < this.lineFeeds.next(start) && close < this.carriageReturns.next(start)) {
      return close + 1;
    }
    return scanQuoted(this.text, start);
  }

  /** Forgets the searches ahead, to read again from an earlier offset. */
  private searchAgain(): void {
    for (const search of [this.quotes, this.backslashes, this.lineFeeds, this.carriageReturns]) search.restart();
  }

  private push(kind: number, start: number, end: number): void {
    if (this.count === this.starts.length) this.grow();
    this.kinds[this.count] = kind;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const kinds = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }
}

/**
 * Finds the next occurrence of one character for a reader that moves forward: each part of the
 * text is searched at most once, however often it is asked (linear time on any input).
 */
export class ForwardSearch {
  /** The first occurrence at or after the last offset searched from (the text length when none). */
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Offset of the first occurrence at or after `from`, or the text length; `from` must not go back. */
  next(from: number): number {
    if (this.found < from) {
      const at = this.text.indexOf(this.char, from);
      this.found = at < 0 ? this.text.length : at;
    }
    return this.found;
  }

  /** Allows searching again from an earlier offset. */
  restart(): void {
    this.found = -1;
  }
}

/**
 * Start of the first token at or after `pos` and before `limit`, skipping blanks, line breaks,
 * parentheses and comments, or -1. Meant for re-reading part of one entry already read by the
 * lexer (inside an entry every line break is inside parentheses).
 */
export function tokenStartFrom(text: string, pos: number, limit: number): number {
  while (pos < limit) {
    const code = text.charCodeAt(pos);
    if (code === SEMICOLON) pos = lineEnd(text, pos);
    else if (code === SPACE || code === TAB || code === LF || code === CR || code === OPEN || code === CLOSE) pos++;
    else return pos;
  }
  return -1;
}

/** End of the token (word or quoted string) that starts at `start`. */
export function tokenEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== QUOTE) return wordEnd(text, start);
  const scanned = scanQuoted(text, start);
  return scanned >= 0 ? scanned : ~scanned;
}

/**
 * Scans the quoted string starting at `start`: the offset after its closing quote, or, when the
 * line or the text ends first, `~end` (a negative number) with `end` where the string stops.
 */
function scanQuoted(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === QUOTE) return pos + 1;
    if (code === LF || code === CR) return ~pos;
    if (code === BACKSLASH) {
      const next = text.charCodeAt(pos + 1);
      pos += next === LF || next === CR ? 1 : 2;
    } else {
      pos++;
    }
  }
  return ~text.length;
}

function lineEnd(text: string, pos: number): number {
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === LF || code === CR) return pos;
    pos++;
  }
  return pos;
}

/** For ASCII codes: {@link BREAKS} where a word ends, {@link ESCAPES} for the backslash. */
const WORD_CHARACTER_KINDS = new Uint8Array(128);
const BREAKS = 1;
const ESCAPES = 2;
for (const code of [SPACE, TAB, LF, CR, SEMICOLON, OPEN, CLOSE, QUOTE]) WORD_CHARACTER_KINDS[code] = BREAKS;
WORD_CHARACTER_KINDS[BACKSLASH] = ESCAPES;

/** End of the word starting at `pos` (a backslash escapes the next character). */
export function wordEnd(text: string, pos: number): number {
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    const kind = code < 128 ? WORD_CHARACTER_KINDS[code] : 0;
    if (kind === 0) {
      pos++;
    } else if (kind === BREAKS) {
      return pos;
    } else {
      const next = text.charCodeAt(pos + 1);
      pos += next === LF || next === CR || Number.isNaN(next) ? 1 : 2;
    }
  }
  return text.length;
}
