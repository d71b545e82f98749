/**
 * Positions, ranges and edits shared by every part of the analyzer.
 * Offsets are UTF-16 code-unit indices into the analysed text; ranges are end-exclusive.
 */

/** A span of the analysed text: `start` inclusive, `end` exclusive, both UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** Replace `range` of a text by `newText` (an insertion when the range is empty). */
export interface TextEdit {
  range: TextRange;
  newText: string;
}

/** A problem found in an input: where it is and why it is a problem, in plain words. */
export interface TextIssue {
  range: TextRange;
  reason: string;
}

/** Outcome of {@link applyEdits}: the new text, or why the edits could not be applied. */
export type ApplyEditsResult =
  | { ok: true; text: string }
  | { ok: false; reason: string; editIndex: number };

/**
 * Applies non-overlapping edits to `text` in one pass, as if applied from the end so that no
 * edit shifts another. Edits may come in any order; several insertions at the same offset are
 * applied in the order given. Overlapping edits, ranges outside the text and non-integer
 * offsets are refused with a reason (nothing is applied then).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyEditsResult {
  for (let i = 0; i < edits.length; i++) {
    const { start, end } = edits[i].range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      return { ok: false, reason: `edit ${i} has an invalid range [${start}, ${end}) for a text of length ${text.length}`, editIndex: i };
    }
  }
  const order = edits.map((_, index) => index);
  // Stable sort: by start, insertions before replacements that start at the same offset.
  order.sort((a, b) => {
    const ra = edits[a].range;
    const rb = edits[b].range;
    if (ra.start !== rb.start) return ra.start - rb.start;
    const aEmpty = ra.end === ra.start ? 0 : 1;
    const bEmpty = rb.end === rb.start ? 0 : 1;
    return aEmpty - bEmpty || a - b;
  });
  const pieces: string[] = [];
  let cursor = 0;
  for (const index of order) {
    const { range: r, newText } = edits[index];
    if (r.start < cursor) {
      return { ok: false, reason: `edit ${index} [${r.start}, ${r.end}) overlaps another edit`, editIndex: index };
    }
    pieces.push(text.slice(cursor, r.start), newText);
    cursor = r.end;
  }
  pieces.push(text.slice(cursor));
  return { ok: true, text: pieces.join('') };
}
