/**
 * "Fix all": apply the preferred fixes of a document until none is left (each pass takes the
 * non-overlapping ones, see `selectFixAll`), re-analysing between passes.
 */
import type { TextEdit } from '../text/range';
import { analyzeDocument, type AnalyzeDocumentOptions } from './analyze';
import { applyFixes, diffAsSingleEdit, selectFixAll, type SelectFixAllOptions } from './fixes';

/** Options of {@link fixAll}. */
export interface FixAllOptions extends AnalyzeDocumentOptions, SelectFixAllOptions {
  /** Most passes to run (default 10); each pass re-analyses the text. */
  maxPasses?: number;
}

/** Result of {@link fixAll}: the fixed text, the fixes applied, and one edit from the old text to it. */
export interface FixAllResult {
  text: string;
  appliedFixes: number;
  passes: number;
  /** The change as one edit of the original text (absent when nothing changed). */
  edit?: TextEdit;
}

/** Applies every preferred fix of `text`, pass after pass. Never throws. */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = options.maxPasses ?? 10;
  let current = text;
  let appliedFixes = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const fixes = selectFixAll(analyzeDocument(current, options).findings, options);
    if (fixes.length === 0) break;
    const applied = applyFixes(current, fixes);
    if (!applied.ok || applied.text === current) break;
    current = applied.text;
    appliedFixes += fixes.length;
    passes++;
  }
  const edit = diffAsSingleEdit(text, current);
  return edit ? { text: current, appliedFixes, passes, edit } : { text: current, appliedFixes, passes };
}
