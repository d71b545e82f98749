import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readTxtInput } from '../../../src/core/readers/txt-input';
import { binaryText, corpus, hostileText, mutated, spfRecord, splitQuoted } from '../../support/arbitraries';
import { assertInside, assertRange, budgetFor, CaseCounter, checkProperty, FUZZ_TIMEOUT_MS, withinBudget } from './fuzz-harness';
import { checkIssues, checkTxtValue } from './invariants';

const KINDS = new Set(['zone-line', 'quoted', 'unquoted']);

function readAndCheck(text: string, budgetMs?: number): void {
  const result = withinBudget('readTxtInput', text, () => readTxtInput(text), budgetMs);
  if (!result.ok) {
    assertRange(result.error.range, text.length, 'error');
    assert.ok(result.error.reason.length > 0);
    return;
  }
  const { input } = result;
  assert.ok(KINDS.has(input.kind), `kind ${input.kind}`);
  checkTxtValue(text, input.value, 'value');
  checkIssues(text, input.notes, 'note');
  checkIssues(text, input.errors, 'error');
  if (input.fields) {
    assertRange(input.fields.type.range, text.length, 'type');
    for (const word of [input.fields.owner, input.fields.class]) if (word) assertInside(word.range, { start: 0, end: input.fields.type.range.start }, 'field before the type');
  }
}

const line = fc.tuple(fc.constantFrom('', 'example.com. ', '@ 3600 ', 'mail IN ', 'x 1h IN '), fc.constantFrom('TXT ', 'SPF ', 'TYPE16 ', 'txt '), spfRecord, fc.array(fc.nat(300), { maxLength: 3 }), fc.constantFrom('', ' ; comment', ' )', '\n')).map(([head, type, value, cuts, tail]) => `${head}${type}${splitQuoted(value, cuts)}${tail}`);

describe('fuzz: small-input reader (readTxtInput)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('readTxtInput');

  it('random text, hostile pieces and binary data', () => {
    checkProperty(counter, fc.oneof(fc.string({ maxLength: 300 }), hostileText(300), binaryText(300)), 0.25, (text) => readAndCheck(text));
  });

  it('mutated TXT lines and records from the fixtures', () => {
    checkProperty(counter, mutated(fc.constantFrom(...corpus().txtLines, ...corpus().records)), 0.35, (text) => readAndCheck(text));
  });

  it('generated lines, quoted and raw values (smart quotes, odd spaces)', () => {
    const pasted = fc.tuple(spfRecord, fc.constantFrom('\u201c', '\u201d', '"', ''), fc.constantFrom('', '\u00a0', ' ', '\n')).map(([v, q, pad]) => `${pad}${q}${v}${q}${pad}`);
    checkProperty(counter, fc.oneof(line, spfRecord, pasted, mutated(line, 3)), 0.4, (text) => readAndCheck(text));
  });

  it('10 MB inputs are refused or read in time proportional to their size', () => {
    for (const text of [`v=spf1 ${'a '.repeat(5_000_000)}`, `"${'x'.repeat(10_000_000)}"`, '\0'.repeat(10_000_000)]) readAndCheck(text, budgetFor(text.length));
    // Within the reader's own limit: the longest input it accepts.
    for (const text of [`"${'\\"'.repeat(49_999)}"`, `@ TXT ${'"a" '.repeat(24_999)}`, `v=spf1 ${'%{'.repeat(49_990)}`]) readAndCheck(text, budgetFor(text.length));
  });

  counter.defineReport();
});
