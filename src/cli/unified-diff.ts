/**
 * The unified diff `--fix` and `--dry-run` print, in the form `git diff` and `patch` read
 * (hunks computed by the `diff` package).
 */
import { isAbsolute } from 'node:path';
import { structuredPatch } from 'diff';

/** A unified diff of `file` from `before` to `after` with three lines of context; empty when equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(file, file, before, after, undefined, undefined, { context: 3 });
  // git's a/ b/ prefixes for relative paths (patch -p1); an absolute path is written as is (patch -p0).
  const [oldName, newName] = isAbsolute(file) ? [file, file] : [`a/${file}`, `b/${file}`];
  const lines = [`--- ${oldName}`, `+++ ${newName}`];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines);
  }
  return `${lines.join('\n')}\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}
