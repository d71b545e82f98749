/**
 * Texts derived from the input (a decoded MIME part, a normalised diagnostic) that remember where
 * each of their characters came from, so that every fact found in them can be reported as a
 * range of the ORIGINAL input text.
 */
import type { TextRange } from '../../text/range';

/** How a part of an `.eml` was encoded when its facts could only be located coarsely. */
export type BounceEncoding = 'base64' | 'quoted-printable' | 'charset';

/**
 * A range of the original input. When `encoded` is set, the fact was read from a MIME part whose
 * transfer encoding (or charset) hides the exact characters; the range then covers that whole
 * encoded part body instead of the fact itself.
 */
export interface BounceEvidenceRange extends TextRange {
  encoded?: BounceEncoding;
}

/** A text plus the map from its offsets back to the original input. */
export interface MappedText {
  readonly text: string;
  /** The input range that `text.slice(start, end)` came from (`start < end`). */
  toSource(start: number, end: number): BounceEvidenceRange;
}

/** The input itself, or a verbatim slice of it starting at `base`. */
export function sliceOfSource(text: string, base: number): MappedText {
  return { text, toSource: (start, end) => ({ start: base + start, end: base + end }) };
}

/** A decoded text that cannot be located character by character: everything maps to `whole`. */
export function coarseText(text: string, whole: TextRange, encoded: BounceEncoding): MappedText {
  return { text, toSource: () => ({ start: whole.start, end: whole.end, encoded }) };
}

/**
 * Builds a derived text run by run. Each appended run says where its characters sit in the
 * parent text: copied runs map one to one; a replacement (a joining space for a line break)
 * maps to the span it replaced.
 */
export class MappedTextBuilder {
  private readonly pieces: string[] = [];
  private readonly runStarts: number[] = [];
  private readonly runParentStarts: number[] = [];
  private readonly runParentEnds: number[] = [];
  private readonly runCopied: boolean[] = [];
  private length = 0;

  /** Copies `parent.text.slice(start, end)` verbatim. */
  copy(parentText: string, start: number, end: number): void {
    if (end <= start) return;
    this.push(parentText.slice(start, end), start, end, true);
  }

  /** Appends `text` standing for `parent[start, end)` (e.g. one space for a line break). */
  replace(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    this.push(text, start, end, false);
  }

  /** How many characters have been appended so far. */
  get size(): number {
    return this.length;
  }

  /** The last character appended so far ('' when empty). */
  lastChar(): string {
    const last = this.pieces[this.pieces.length - 1];
    return last === undefined ? '' : last[last.length - 1];
  }

  /** Finishes the text; ranges map through `parent` to the original input. */
  build(parent: MappedText): MappedText {
    const text = this.pieces.join('');
    const { runStarts, runParentStarts, runParentEnds, runCopied } = this;
    const runOf = (offset: number): number => {
      let low = 0;
      let high = runStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (runStarts[mid] <= offset) low = mid;
        else high = mid - 1;
      }
      return low;
    };
    const parentStartOf = (offset: number): number => {
      const run = runOf(offset);
      return runCopied[run] ? runParentStarts[run] + (offset - runStarts[run]) : runParentStarts[run];
    };
    const parentEndOf = (offset: number): number => {
      const run = runOf(offset);
      return runCopied[run] ? runParentStarts[run] + (offset - runStarts[run]) + 1 : runParentEnds[run];
    };
    return {
      text,
      toSource: (start, end) => {
        if (runStarts.length === 0) return parent.toSource(0, 0);
        const parentStart = parentStartOf(Math.max(0, start));
        const parentEnd = parentEndOf(Math.max(start, Math.min(end, text.length) - 1));
        return parent.toSource(parentStart, Math.max(parentStart, parentEnd));
      },
    };
  }

  private push(text: string, parentStart: number, parentEnd: number, copied: boolean): void {
    this.pieces.push(text);
    this.runStarts.push(this.length);
    this.runParentStarts.push(parentStart);
    this.runParentEnds.push(parentEnd);
    this.runCopied.push(copied);
    this.length += text.length;
  }
}
