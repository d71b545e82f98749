/**
 * Inline expectations of rule fixtures (markdownlint style). In a zone fixture, a comment line
 * made only of carets and codes —
 *
 *     @   IN TXT "v=spf1 mx +all"
 *     ;                     ^SPF006
 *
 * — expects a finding of that code starting at the caret's column on the nearest line above
 * that is not itself a marker line. The expectations are written by hand, never produced by the
 * analyzer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One expected finding: rule code, zero-based line and column. */
export interface ExpectedFinding {
  code: string;
  line: number;
  column: number;
}

export const RULE_FIXTURE_DIR = resolve(process.cwd(), 'test/fixtures/rules');

const MARKER_LINE = /^;[ \t^A-Z0-9]*\^SPF\d{3}[ \t^A-Z0-9]*$/;
const MARKER = /\^(SPF\d{3})/g;

/** The expectations written in `text`. */
export function readExpectations(text: string): ExpectedFinding[] {
  const lines = text.split(/\r?\n/);
  const expected: ExpectedFinding[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    if (!MARKER_LINE.test(line)) {
      target = index;
      return;
    }
    for (const match of line.matchAll(MARKER)) expected.push({ code: match[1], line: target, column: match.index });
  });
  return expected;
}

/** The rule fixtures: file name and text. */
export function ruleFixtures(): { name: string; text: string }[] {
  return readdirSync(RULE_FIXTURE_DIR)
    .filter((name) => name.endsWith('.zone'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(RULE_FIXTURE_DIR, name), 'utf8') }));
}

/** Sort key for comparing lists of expectations. */
export function byPosition(a: ExpectedFinding, b: ExpectedFinding): number {
  return a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}
