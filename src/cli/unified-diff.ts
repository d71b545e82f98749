/**
 * The unified diff `--fix` and `--dry-run` print, in the form `git diff` and `patch -p1` read
 * (hunks computed by the `diff` package).
 */
import { structuredPatch } from 'diff';

/** A unified diff of `file` from `before` to `after` with three lines of context; empty when equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(file, file, before, after, undefined, undefined, { context: 3 });
  const lines = [`--- a/${file}`, `+++ b/${file}`];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines);
  }
  return `${lines.join('\n')}\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}
