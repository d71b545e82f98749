import fc from 'fast-check';
import { isSpfRecordText, parseRecord } from '../../../src/core/spf/parser';
import { binaryText, corpus, hostileText, mutated, spfRecord } from '../../support/arbitraries';
import { budgetFor, CaseCounter, checkProperty, FUZZ_TIMEOUT_MS, withinBudget } from './fuzz-harness';
import { checkSpfRecord } from './invariants';

/** Parses 2,001 new texts, which empties the parser's cache (it holds at most 2,000 records). */
function evictParseCache(): void {
  for (let i = 0; i <= 2000; i++) parseRecord(`v=spf1 ip4:10.0.${i >> 8}.${i & 255} fuzz-evict`);
}

/** Parses with the per-input budget; a slow input is re-parsed past the cache before failing. */
function timedParse(text: string, budgetMs?: number) {
  return withinBudget('parseRecord', text, () => parseRecord(text), budgetMs, () => {
    evictParseCache();
    parseRecord(text);
  });
}

function parseAndCheck(text: string): void {
  const record = timedParse(text);
  checkSpfRecord(text, record);
  isSpfRecordText(text);
}

describe('fuzz: SPF record parser (parseRecord)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('parseRecord');
  const records = fc.constantFrom(...corpus().records);

  it('random text, hostile pieces and binary data', () => {
    checkProperty(counter, fc.oneof(fc.string({ maxLength: 300 }), hostileText(300), binaryText(300), hostileText(200).map((text) => `v=spf1 ${text}`)), 0.25, parseAndCheck);
  });

  it('mutated records of the conformance suites and fixtures', () => {
    checkProperty(counter, mutated(records), 0.35, parseAndCheck);
  });

  it('records from the RFC 7208 grammar (pathological macros, near misses)', () => {
    checkProperty(counter, fc.oneof(spfRecord, mutated(spfRecord, 3)), 0.4, parseAndCheck);
  });

  it('10 MB inputs are read in time proportional to their size', () => {
    // The last is the longest record DNS can hold (65,535 octets of TXT data), all one-letter terms.
    for (const text of [`v=spf1 a:${'%{l10r-.+,/_=}'.repeat(800_000)}`, `v=spf1 ${'%'.repeat(10_000_000)}`, 'v=spf1 ip4:'.padEnd(10_000_000, '1'), `v=spf1 ${'%{'.repeat(5_000_000)}`, `v=spf1${' a'.repeat(32_764)}`]) {
      const record = timedParse(text, budgetFor(text.length));
      checkSpfRecord(text, record);
    }
  });

  counter.defineReport();
});
