import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeSelection } from '../../../src/core/analyze-selection';
import { binaryText, bounceMessage, corpus, hostileText, mutated, spfRecord } from '../../support/arbitraries';
import { assertRange, budgetFor, CaseCounter, checkProperty, FUZZ_TIMEOUT_MS, withinBudget } from './fuzz-harness';

const KINDS = new Set(['empty', 'binary', 'too-large', 'spf-record', 'bounce', 'unknown']);

function analyzeAndCheck(text: string, budgetMs?: number): void {
  const result = withinBudget('analyzeSelection', text, () => analyzeSelection(text), budgetMs);
  assert.ok(KINDS.has(result.kind), `kind ${result.kind}`);
  assert.ok(result.reason.length > 0);
  if (result.kind === 'binary') assert.ok(result.offset >= 0 && result.offset < text.length);
  if (result.kind === 'spf-record' || result.kind === 'bounce') assertRange(result.range, text.length, result.kind);
  if (result.kind === 'bounce') {
    // A bounce range holds its status code, or, for a message whose body is encoded, its
    // Content-Transfer-Encoding field (the status is only readable after decoding).
    const found = text.slice(result.range.start, result.range.end);
    if (result.enhancedStatus === undefined) assert.match(found, /^Content-Transfer-Encoding:[ \t]*(base64|quoted-printable)/i);
    else assert.match(found, /[45]\.\d/);
  }
}

describe('fuzz: selection triage (analyzeSelection)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('analyzeSelection');

  it('random text, hostile pieces and binary data', () => {
    checkProperty(counter, fc.oneof(fc.string({ maxLength: 400 }), hostileText(400), binaryText(400)), 0.3, (text) => analyzeAndCheck(text));
  });

  it('mutated fixtures of every kind', () => {
    const all = [...corpus().zones, ...corpus().bounces, ...corpus().records, ...corpus().code.map((file) => file.text)];
    checkProperty(counter, mutated(fc.constantFrom(...all), 8), 0.35, (text) => analyzeAndCheck(text));
  });

  it('generated records and bounces', () => {
    checkProperty(counter, fc.oneof(spfRecord, bounceMessage, mutated(bounceMessage, 3)), 0.35, (text) => analyzeAndCheck(text));
  });

  it('10 MB inputs are refused in bounded time; the largest accepted ones are read in time', () => {
    for (const text of ['v=spf1 a '.repeat(1_200_000), 'a'.repeat(10_000_000)]) analyzeAndCheck(text, budgetFor(text.length));
    for (const text of [`"v=spf1 ${'\\"" "'.repeat(400_000)}`, ' '.repeat(2_000_000), `${'550 '.repeat(500_000)}`, `${'Status: '.repeat(250_000)}`, `${'"v=spf1'.repeat(290_000)}`]) analyzeAndCheck(text, budgetFor(text.length));
  });

  counter.defineReport();
});
