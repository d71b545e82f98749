/**
 * Offset ↔ line/column conversion. Line breaks are `\r\n`, `\n` or a lone `\r` (as editors count
 * them); lines and columns are zero-based and columns count UTF-16 code units.
 */

/** A zero-based line and UTF-16 column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Line starts of one text, computed once; lookups are binary searches. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = text.includes('\r') ? scanLineStarts(text) : lineFeedStarts(text);
  }

  /** Number of lines (an empty text has one line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line and column of `offset`, clamped to the text. */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(Math.trunc(offset), this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: clamped - this.lineStarts[low] };
  }

  /** Offset of a line and column, clamped to that line's content (line break excluded). */
  offsetAt(position: LineColumn): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.column), this.lineContentEnd(position.line));
  }

  private lineContentEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Line starts of a text with any kind of line break. */
function scanLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Line starts of a text whose only line break is `\n`: found with `indexOf`, which is faster than a scan. */
function lineFeedStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** One-off conversion of an offset to line/column; build a {@link LineIndex} for many lookups. */
export function offsetToLineColumn(text: string, offset: number): LineColumn {
  return new LineIndex(text).positionAt(offset);
}
