/**
 * Fixes: building them from edits of a record's value, choosing the ones "fix all" applies, and
 * applying them — always through the core's one edit routine, {@link applyEdits}, so that the
 * quick fix, "fix all", fix-on-save and the CLI's `--fix` produce the same text.
 */
import { applyEdits, type ApplyEditsResult, type TextEdit, type TextRange } from '../text/range';
import { mapValueEdit } from '../readers/txt/value-edit';
import { parseRecordOnce } from '../spf/parser';
import type { SpfRecordSite } from './document';
import type { FixFlags } from './rule-api';
import type { Finding, Fix, FixKind, MessageData } from './types';

/**
 * At most this many value fixes are built per record in one analysis (the analyzer counts
 * them). Each fix re-parses the whole edited record to prove it adds no syntax error, so a
 * record with thousands of fixable findings (a pasted 60 KB record of repeated terms) would
 * cost thousands of full parses; past the cap its findings come without fixes ("fix all" fixes
 * one per record per pass anyway).
 */
export const MAX_VALUE_FIXES_PER_RECORD = 50;

/**
 * Builds a fix from edits of `site`'s value (value offsets, non-overlapping). The edits are
 * merged into one replacement of the span they cover and written back by `mapValueEdit`, which
 * keeps the quoting and escapes and re-splits a master-file string that would pass
 * `maxStringOctets`. Returns undefined when the value cannot be edited, when the edited
 * record would have more syntax errors than the current one (a fix never breaks a record).
 */
export function buildValueFix(
  documentText: string,
  site: SpfRecordSite,
  title: MessageData,
  valueEdits: readonly TextEdit[],
  flags: FixFlags = {},
  maxStringOctets = 255,
): Fix | undefined {
  if (valueEdits.length === 0) return undefined;
  const value = site.value.value;
  const span = valueEdits.length === 1 ? singleEditSpan(value, valueEdits[0]) : mergedEditSpan(value, valueEdits);
  if (!span) return undefined;
  const { start, end, newText } = span;
  const newValue = value.slice(0, start) + newText + value.slice(end);
  if (site.version === 'spf' && parseRecordOnce(newValue).errors.length > site.record.errors.length) return undefined;
  const mapped = mapValueEdit(documentText, site.value, { range: { start, end }, newText }, { maxStringOctets });
  if (!mapped.ok) return undefined;
  return fixObject(title, mapped.edits, flags.kind ?? 'quickfix', flags.isPreferred === true, flags.changesPolicy === true);
}

/**
 * A fix with the flags that are set and without the others, made whole in one literal (keys
 * added afterwards would give each fix an extra property store).
 */
function fixObject(title: MessageData, edits: TextEdit[], kind: FixKind, isPreferred: boolean, changesPolicy: boolean): Fix {
  if (isPreferred) return changesPolicy ? { title, edits, kind, isPreferred, changesPolicy } : { title, edits, kind, isPreferred };
  return changesPolicy ? { title, edits, kind, changesPolicy } : { title, edits, kind };
}

/** The span of the value one edit replaces, and its new text; undefined when the range is outside the value. */
function singleEditSpan(value: string, edit: TextEdit): { start: number; end: number; newText: string } | undefined {
  const { start, end } = edit.range;
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= value.length;
  return valid ? { start, end, newText: edit.newText } : undefined;
}

/** The span of the value several edits replace together, and its new text (undefined when they overlap). */
function mergedEditSpan(value: string, edits: readonly TextEdit[]): { start: number; end: number; newText: string } | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  const start = sorted[0].range.start;
  const end = Math.max(...sorted.map((edit) => edit.range.end));
  const merged = applyEdits(value.slice(start, end), sorted.map((edit) => ({ range: { start: edit.range.start - start, end: edit.range.end - start }, newText: edit.newText })));
  return merged.ok ? { start, end, newText: merged.text } : undefined;
}

/** Applies fixes to `text` in one pass (their edits must not overlap). */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyEditsResult {
  return applyEdits(text, fixes.flatMap((fix) => fix.edits));
}

/** Options of {@link selectFixAll}. */
export interface SelectFixAllOptions {
  /** Only findings of these codes (or aliases); all when absent. */
  codes?: readonly string[];
}

/**
 * The fixes "fix all" applies in one pass: the preferred fix of each finding, in document order,
 * skipping a fix whose edits overlap or touch one already chosen, and taking at most one fix per
 * record (two independent insertions could together push a string past 255 octets; the next
 * pass, after re-analysis, takes the rest).
 */
export function selectFixAll(findings: readonly Finding[], options: SelectFixAllOptions = {}): Fix[] {
  const wanted = options.codes ? new Set(options.codes.map((code) => code.toLowerCase())) : undefined;
  const chosen: Fix[] = [];
  const taken: TextRange[] = [];
  const fixedRecords = new Set<number>();
  const ordered = [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (const finding of ordered) {
    if (wanted && !wanted.has(finding.code.toLowerCase()) && !wanted.has(finding.alias.toLowerCase())) continue;
    const fix = finding.fixes?.find((candidate) => candidate.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    const recordKey = finding.recordRange?.start;
    if (recordKey !== undefined && fixedRecords.has(recordKey)) continue;
    if (fix.edits.some((edit) => taken.some((other) => touches(edit.range, other)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits.map((edit) => edit.range));
    if (recordKey !== undefined) fixedRecords.add(recordKey);
  }
  return chosen;
}

/** Two ranges overlap or meet (two insertions at one offset would have an undefined order). */
function touches(a: TextRange, b: TextRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * One edit that turns `before` into `after`: the differing middle, after the common prefix and
 * suffix. Lets a multi-pass "fix all" be handed to an editor as a single undoable edit.
 */
export function diffAsSingleEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  return { range: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}
