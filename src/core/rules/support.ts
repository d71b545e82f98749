/**
 * Small helpers shared by the rules: term edits, name suggestions and rule metadata defaults.
 */
import type { TextEdit } from '../text/range';
import type { SpfRecord, Term } from '../spf/ast';
import type { ReportedSeverity, RuleMeta } from '../analyzer/types';

/** Metadata with the doc path derived from the code. */
export function ruleMeta(meta: Omit<RuleMeta, 'docs'> & { defaultSeverity: ReportedSeverity }): RuleMeta {
  return { ...meta, docs: `docs/rules/${meta.code}.md` };
}

/**
 * The value edit that removes a term and the one space before it (every term follows at least
 * one space after `v=spf1`, RFC 7208 §12 `terms = *( 1*SP ( directive / modifier ) )`).
 */
export function removeTermEdit(record: SpfRecord, term: Term): TextEdit {
  const start = record.text.charCodeAt(term.range.start - 1) === 0x20 ? term.range.start - 1 : term.range.start;
  return { range: { start, end: term.range.end }, newText: '' };
}

/** The index of the first `all` mechanism, or -1. */
export function firstAllIndex(record: SpfRecord): number {
  const all = record.mechanisms.find((mechanism) => mechanism.name === 'all');
  return all ? all.index : -1;
}

/** Damerau–Levenshtein (optimal string alignment) distance, bounded: returns `limit + 1` once above it. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

/** Quotes a term for a message, shortening very long ones. */
export function shown(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * At most this many related locations per finding: a name with thousands of SPF records would
 * otherwise give every finding thousands of entries (quadratic output an editor cannot show).
 */
export const MAX_RELATED = 10;
