/** Test helpers: read a bounce fixture and compute expected ranges with indexOf on its text. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export function readFixture(name: string): string {
  return readFileSync(path.resolve(process.cwd(), 'test/fixtures/bounces', name), 'utf8');
}

/** The range of the first `needle` at or after the first `marker` (or the text start). */
export function rangeOf(text: string, needle: string, marker?: string): { start: number; end: number } {
  const from = marker === undefined ? 0 : text.indexOf(marker);
  assert.ok(from >= 0, `marker ${JSON.stringify(marker)} not in fixture`);
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${JSON.stringify(needle)} not in fixture`);
  return { start, end: start + needle.length };
}

/** From the start of `first` to the end of the next `last` after it. */
export function spanOf(text: string, first: string, last: string, marker?: string): { start: number; end: number } {
  const start = rangeOf(text, first, marker).start;
  const lastAt = text.indexOf(last, start);
  assert.ok(lastAt >= 0, `${JSON.stringify(last)} not after ${JSON.stringify(first)}`);
  return { start, end: lastAt + last.length };
}
