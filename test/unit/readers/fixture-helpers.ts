import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TextRange } from '../../../src/core/text/range';

/** Reads a fixture file from test/fixtures (mocha runs from the repository root). */
export function readFixture(...parts: string[]): string {
  return readFileSync(resolve(process.cwd(), 'test/fixtures', ...parts), 'utf8');
}

/** Range of the only occurrence of `needle` in `text` (after `from`), computed independently of the code under test. */
export function rangeOf(text: string, needle: string, from = 0): TextRange {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  return { start, end: start + needle.length };
}
