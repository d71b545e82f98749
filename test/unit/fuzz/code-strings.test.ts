import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSpfStrings, type CodeLanguage } from '../../../src/core/readers/code/find-spf-strings';
import { binaryText, codeSnippet, corpus, hostileText, mutated } from '../../support/arbitraries';
import { budgetFor, CaseCounter, checkProperty, FUZZ_TIMEOUT_MS, withinBudget } from './fuzz-harness';
import { checkIssues, checkTxtValue } from './invariants';

const LANGUAGES: CodeLanguage[] = ['yaml', 'json', 'hcl', 'javascript', 'typescript'];
const language = fc.constantFrom(...LANGUAGES);

function readAndCheck(text: string, lang: CodeLanguage, budgetMs?: number): void {
  const found = withinBudget(`findSpfStrings(${lang})`, text, () => findSpfStrings(text, lang), budgetMs);
  let previousEnd = 0;
  for (const [index, value] of found.values.entries()) {
    checkTxtValue(text, value, `value ${index}`);
    assert.match(value.value, /^v=spf1(?=[ \t]|$)/i, `value ${index} does not start with v=spf1`);
    assert.ok(value.range.start >= previousEnd, `value ${index} overlaps the previous one`);
    previousEnd = value.range.end;
  }
  checkIssues(text, found.issues, 'issue');
}

describe('fuzz: DNS-as-code reader (findSpfStrings)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('findSpfStrings');

  it('random text, hostile pieces and binary data, in every language', () => {
    checkProperty(counter, fc.tuple(fc.oneof(fc.string({ maxLength: 300 }), hostileText(300), binaryText(300)), language), 0.25, ([text, lang]) => readAndCheck(text, lang));
  });

  it('mutated DNS-as-code fixtures, read as their own language and as the others', () => {
    const fixture = fc.constantFrom(...corpus().code);
    checkProperty(counter, fc.tuple(fixture, language, fc.boolean()).chain(([file, other, own]) => mutated(fc.constant(file.text), 8).map((text) => [text, own ? file.language : other] as const)), 0.35, ([text, lang]) => readAndCheck(text, lang));
  });

  it('generated snippets with escapes, concatenations, comments and heredocs', () => {
    checkProperty(counter, language.chain((lang) => fc.oneof(codeSnippet(lang), mutated(codeSnippet(lang), 3)).map((text) => [text, lang] as const)), 0.4, ([text, lang]) => readAndCheck(text, lang));
  });

  it('10 MB inputs are read in time proportional to their size', () => {
    const cases: [string, CodeLanguage][] = [
      [`["v=spf1 ${'a '.repeat(5_000_000)}"]`, 'json'],
      [`TXT("@", "v=spf1 ${'a '.repeat(5_000_000)}")`, 'javascript'],
      ['/*'.repeat(5_000_000), 'hcl'],
      ['/*'.repeat(5_000_000), 'typescript'],
      ['\\'.repeat(10_000_000), 'yaml'],
    ];
    for (const [text, lang] of cases) readAndCheck(text, lang, budgetFor(text.length));
    // One string literal per character or two: half a megabyte shows the cost stays linear.
    const dense = ['"'.repeat(500_000), "'".repeat(500_000), '`${'.repeat(170_000)];
    for (const text of dense) for (const lang of LANGUAGES) readAndCheck(text, lang, budgetFor(text.length, 1000));
  });

  counter.defineReport();
});
