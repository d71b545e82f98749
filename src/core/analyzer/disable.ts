/**
 * Inline disable comments: `; spf-doctor-disable SPF006, terms-after-all` (codes or aliases,
 * separated by commas or blanks; none means every rule) turns rules off for one record. The
 * comment may sit on any line of the record (after its data) or alone on the line just before
 * it. `#` and `//` comments are understood too, for DNS-as-code files.
 */
import type { TextEdit, TextRange } from '../text/range';
import type { LineIndex } from '../text/line-index';
import type { TxtValue } from '../readers/txt/txt-value';

const MARKER = 'spf-doctor-disable';
const DIRECTIVE = /(?:;|#|\/\/)[ \t]*spf-doctor-disable\b([^\r\n;#]*)/i;

/** The rules a record's disable comments turn off: a set of lower-cased codes/aliases, or `all`. */
export type DisabledRules = ReadonlySet<string> | 'all';

/**
 * Reads the disable comments that apply to the record at `recordRange`. `stringRanges` are the
 * record's quoted strings: a marker inside one is data, not a comment.
 */
export function disabledRulesFor(text: string, lines: LineIndex, recordRange: TextRange, stringRanges: readonly TextRange[]): DisabledRules | undefined {
  const firstLine = lines.positionAt(recordRange.start).line;
  const lastLine = lines.positionAt(recordRange.end).line;
  const names = new Set<string>();
  let all = false;
  for (let line = Math.max(0, firstLine - 1); line <= lastLine; line++) {
    const lineStart = lines.offsetAt({ line, column: 0 });
    const lineEnd = lines.offsetAt({ line, column: Number.MAX_SAFE_INTEGER });
    const lineText = text.slice(lineStart, lineEnd);
    if (!lineText.toLowerCase().includes(MARKER)) continue;
    const match = DIRECTIVE.exec(lineText);
    if (!match) continue;
    const at = lineStart + match.index;
    if (stringRanges.some((range) => range.start <= at && at < range.end)) continue;
    // The line before the record counts only when it holds nothing but the comment.
    if (line < firstLine && lineText.slice(0, match.index).trim() !== '') continue;
    const listed = match[1].split(/[\s,]+/).filter((name) => name.length > 0);
    if (listed.length === 0) all = true;
    for (const name of listed) names.add(name.toLowerCase());
  }
  if (all) return 'all';
  return names.size > 0 ? names : undefined;
}

const MARKER_ANYWHERE = /spf-doctor-disable/gi;

/** Offsets of every disable marker in `text` (any case, comment or not), in order: one linear scan. */
export function disableMarkerOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(MARKER_ANYWHERE)) offsets.push(match.index);
  return offsets;
}

/** True when `disabled` turns off the rule with this code and alias. */
export function isRuleDisabled(disabled: DisabledRules | undefined, code: string, alias: string): boolean {
  if (!disabled) return false;
  return disabled === 'all' || disabled.has(code.toLowerCase()) || disabled.has(alias.toLowerCase());
}

/**
 * The edit behind "Disable SPF0NN for this record": a comment line just before the record's
 * first line, indented like it. `commentLeader` is `;` for zone files (`#` or `//` in code).
 */
export function disableCommentEdit(text: string, lines: LineIndex, recordRange: TextRange, code: string, commentLeader = ';'): TextEdit {
  const line = lines.positionAt(recordRange.start).line;
  const lineStart = lines.offsetAt({ line, column: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, recordRange.start))?.[0] ?? '';
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: lineStart, end: lineStart }, newText: `${indent}${commentLeader} ${MARKER} ${code}${lineBreak}` };
}

/**
 * The disable comments of one document, read record by record when first asked. A record with
 * no marker between the start of the line before it and the end of its last line (most records
 * of most documents) is not read line by line: the markers are found in one scan of the text.
 */
export class DisableComments {
  private markers: number[] | undefined;
  /** Per record key: the rules turned off, `null` for none. */
  private readonly byRecord: (DisabledRules | null)[] = [];

  constructor(private readonly document: { readonly text: string; readonly lines: LineIndex }) {}

  /** The rules the comments of the record at `recordRange` (with value `value`) turn off; `key` identifies the record. */
  rulesFor(key: number, recordRange: TextRange, value: TxtValue): DisabledRules | undefined {
    let rules = this.byRecord[key];
    if (rules === undefined) {
      rules = this.hasMarkerNear(recordRange)
        ? (disabledRulesFor(this.document.text, this.document.lines, recordRange, value.strings.map((item) => item.range)) ?? null)
        : null;
      this.byRecord[key] = rules;
    }
    return rules ?? undefined;
  }

  private hasMarkerNear(recordRange: TextRange): boolean {
    this.markers ??= disableMarkerOffsets(this.document.text);
    const markers = this.markers;
    if (markers.length === 0) return false;
    const lines = this.document.lines;
    const from = lines.offsetAt({ line: lines.positionAt(recordRange.start).line - 1, column: 0 });
    let low = 0;
    let high = markers.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (markers[middle] < from) low = middle + 1;
      else high = middle;
    }
    const to = lines.offsetAt({ line: lines.positionAt(recordRange.end).line, column: Number.MAX_SAFE_INTEGER });
    return low < markers.length && markers[low] < to;
  }
}
