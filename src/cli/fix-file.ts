/**
 * `--fix` for one file: the preferred fixes applied pass after pass (re-analysing between
 * passes, as the core's "fix all" does), then written atomically — a temporary file in the
 * same directory, with the file's mode, renamed over it — or, with `--dry-run`, only shown
 * as a diff. A file is left byte-for-byte untouched when any fix fails to apply cleanly or
 * the file changed on disk since it was read.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyFixes } from '../core/analyzer/fixes';
import type { Fix } from '../core/analyzer/types';
import { unifiedDiff } from './unified-diff';

/** The fixes to apply to `text` in one pass (non-overlapping, e.g. `selectFixAll` of an analysis). */
export type FixesFor = (text: string) => Promise<readonly Fix[]>;

export type FixTextResult = { ok: true; text: string; appliedFixes: number } | { ok: false; reason: string };

/** Most passes of re-analysis (one fix per record per pass). */
const MAX_PASSES = 10;

/** Applies the fixes `fixesFor` offers, pass after pass, until none is left. Fails if any pass fails to apply. */
export async function fixText(text: string, fixesFor: FixesFor, maxPasses = MAX_PASSES): Promise<FixTextResult> {
  let current = text;
  let appliedFixes = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = await fixesFor(current);
    if (fixes.length === 0) break;
    const applied = applyFixes(current, fixes);
    if (!applied.ok) return { ok: false, reason: `a fix did not apply cleanly (${applied.reason})` };
    if (applied.text === current) break;
    current = applied.text;
    appliedFixes += fixes.length;
  }
  return { ok: true, text: current, appliedFixes };
}

/** What `--fix` did to a file. */
export interface FileFixOutcome {
  file: string;
  status: 'unchanged' | 'fixed' | 'would-fix' | 'failed';
  appliedFixes: number;
  /** The unified diff of the change (empty when unchanged or failed). */
  diff: string;
  /** The text after the fixes (the original when unchanged or failed). */
  text: string;
  /** Why a file was left untouched. */
  reason?: string;
}

/**
 * Fixes `file`, whose content was read as `before`. With `dryRun`, nothing is written. The file
 * is written only when every pass applied cleanly and the file still holds `before`.
 */
export async function fixFile(file: string, before: string, fixesFor: FixesFor, options: { dryRun: boolean }): Promise<FileFixOutcome> {
  const fixed = await fixText(before, fixesFor);
  if (!fixed.ok) return { file, status: 'failed', appliedFixes: 0, diff: '', text: before, reason: fixed.reason };
  if (fixed.text === before) return { file, status: 'unchanged', appliedFixes: 0, diff: '', text: before };
  const diff = unifiedDiff(file, before, fixed.text);
  const outcome: FileFixOutcome = { file, status: options.dryRun ? 'would-fix' : 'fixed', appliedFixes: fixed.appliedFixes, diff, text: fixed.text };
  if (options.dryRun) return outcome;
  const written = replaceFileContent(file, before, fixed.text);
  return written === undefined ? outcome : { file, status: 'failed', appliedFixes: 0, diff: '', text: before, reason: written };
}

/**
 * Replaces the content of `file` (following a symbolic link to its target) by `text` through a
 * temporary file in the same directory and a rename, keeping the file's mode. Returns why it did
 * not, or undefined on success; on failure the file is as it was and no temporary file is left.
 */
export function replaceFileContent(file: string, expected: string, text: string): string | undefined {
  let target: string;
  let mode: number;
  try {
    target = realpathSync(file);
    mode = statSync(target).mode & 0o7777;
    if (readFileSync(target, 'utf8') !== expected) return 'the file changed on disk since it was read';
  } catch (error) {
    return `cannot read it again: ${describeError(error)}`;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.spf-doctor.tmp`);
  let descriptor: number | undefined;
  try {
    // 'wx': never reuse an existing path; the mode is applied again after creation (umask).
    descriptor = openSync(temporary, 'wx', mode);
    fchmodSync(descriptor, mode);
    writeSync(descriptor, text, null, 'utf8');
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing to remove: the temporary file was never created, or was already renamed.
    }
    return `cannot write it: ${describeError(error)}`;
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
