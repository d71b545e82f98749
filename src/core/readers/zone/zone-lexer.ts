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

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const SEMICOLON = 59;
const OPEN = 40;
const CLOSE = 41;
const QUOTE = 34;
const BACKSLASH = 92;

export class ZoneLexer {
  private pos = 0;
  /** Recovering from an unclosed parenthesis rescans the rest of the file at most once. */
  private recoveredFromEof = false;

  constructor(
    private readonly text: string,
    private readonly report: (issue: TextIssue) => void,
  ) {}

  /** The next entry with at least one token, or undefined at the end of the text. */
  nextEntry(): ZoneEntry | undefined {
    while (this.pos < this.text.length) {
      const entry = this.readEntry();
      if (entry.tokens.length > 0) return entry;
    }
    return undefined;
  }

  private readEntry(): ZoneEntry {
    const text = this.text;
    const length = text.length;
    const first = text.charCodeAt(this.pos);
    const blankOwner = first === SPACE || first === TAB;
    const tokens: ZoneToken[] = [];
    const issues: TextIssue[] = [];
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
            tokens.length = tokensBeforeResume;
            pos = resumeAt;
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
          tokensBeforeResume = tokens.length;
        }
      } else if (code === SEMICOLON) {
        pos = lineEnd(text, pos);
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
        pos = this.readQuoted(pos, tokens, issues);
      } else {
        const start = pos;
        pos = wordEnd(text, pos);
        tokens.push({ kind: 'word', start, end: pos });
      }
    }
    this.pos = pos;
    for (const issue of issues) this.report(issue);
    return { tokens, blankOwner };
  }

  private readQuoted(start: number, tokens: ZoneToken[], issues: TextIssue[]): number {
    const text = this.text;
    let pos = start + 1;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) {
        tokens.push({ kind: 'quoted', start, end: pos + 1 });
        return pos + 1;
      }
      if (code === LF || code === CR) break;
      if (code === BACKSLASH) {
        const next = text.charCodeAt(pos + 1);
        pos += next === LF || next === CR ? 1 : 2;
      } else {
        pos++;
      }
    }
    const end = Math.min(pos, text.length);
    tokens.push({ kind: 'quoted', start, end, unterminated: true });
    issues.push({ range: { start, end }, reason: 'unterminated quoted string: no closing " on this line' });
    return end;
  }
}

function lineEnd(text: string, pos: number): number {
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === LF || code === CR) return pos;
    pos++;
  }
  return pos;
}

function wordEnd(text: string, pos: number): number {
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === SPACE || code === TAB || code === LF || code === CR || code === SEMICOLON || code === OPEN || code === CLOSE || code === QUOTE) {
      return pos;
    }
    if (code === BACKSLASH) {
      const next = text.charCodeAt(pos + 1);
      pos += next === LF || next === CR || Number.isNaN(next) ? 1 : 2;
    } else {
      pos++;
    }
  }
  return text.length;
}
