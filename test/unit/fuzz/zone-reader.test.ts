import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import type { ZoneFile } from '../../../src/core/readers/zone/zone-types';
import { binaryText, corpus, deeplyNestedZone, hostileText, mutated, zoneFile } from '../../support/arbitraries';
import { assertInside, assertRange, budgetFor, CaseCounter, checkProperty, FUZZ_TIMEOUT_MS, withinBudget } from './fuzz-harness';
import { checkIssues, checkTxtValue } from './invariants';

const MAX_ERRORS = 1000;

function checkZone(text: string, zone: ZoneFile): void {
  let previousStart = 0;
  for (const [index, record] of zone.records.entries()) {
    const what = `record ${index}`;
    assertRange(record.range, text.length, what);
    assert.ok(record.range.start >= previousStart, `${what}: records out of order`);
    previousStart = record.range.start;
    assertInside(record.type.range, record.range, `${what} type`);
    assert.ok(Number.isInteger(record.type.code) && record.type.code >= 0 && record.type.code <= 65535, `${what}: type code ${record.type.code}`);
    if (record.owner.range) assertInside(record.owner.range, record.range, `${what} owner`);
    if (record.ttl) {
      assert.ok(Number.isInteger(record.ttl.seconds) && record.ttl.seconds >= 0 && record.ttl.seconds <= 2 ** 31 - 1, `${what}: ttl ${record.ttl.seconds}`);
      if (record.ttl.range) assertInside(record.ttl.range, record.range, `${what} ttl`);
    }
    for (const word of record.rdata) {
      assertInside(word.range, record.range, `${what} rdata`);
      assert.equal(word.text, text.slice(word.range.start, word.range.end), `${what}: rdata text is not its range`);
    }
    if (record.txt) {
      checkTxtValue(text, record.txt, what);
      if (record.txt.strings.length > 0) assertInside(record.txt.range, record.range, `${what} txt`);
    }
  }
  const withTxt = zone.records.filter((record) => record.txt);
  assert.ok(zone.stringRecords.length === withTxt.length && zone.stringRecords.every((record, index) => record === withTxt[index]), 'string records are not the records with a TXT value');
  for (const directive of zone.directives) assertRange(directive.range, text.length, `directive ${directive.kind}`);
  checkIssues(text, zone.errors, 'zone error');
  assert.ok(zone.errors.length <= MAX_ERRORS + 1, `${zone.errors.length} errors kept`);
}

function readAndCheck(text: string, budgetMs?: number): void {
  checkZone(text, withinBudget('readZone', text, () => readZone(text), budgetMs));
}

describe('fuzz: zone file reader (readZone)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('readZone');

  it('random text, hostile pieces and binary data', () => {
    checkProperty(counter, fc.oneof(fc.string({ maxLength: 400 }), hostileText(400), binaryText(400)), 0.2, (text) => readAndCheck(text));
  });

  it('mutated zone fixtures (quotes, parentheses, escapes, CRLF, NULs, repeats)', () => {
    checkProperty(counter, mutated(fc.constantFrom(...corpus().zones), 8), 0.35, (text) => readAndCheck(text));
  });

  it('zones from the master-file grammar, with deeply nested parentheses', () => {
    checkProperty(counter, fc.oneof({ weight: 4, arbitrary: zoneFile(40) }, { weight: 1, arbitrary: deeplyNestedZone }, { weight: 2, arbitrary: mutated(zoneFile(3), 4) }), 0.45, (text) => readAndCheck(text));
  });

  it('10 MB inputs are read in time proportional to their size', () => {
    const record = '@ 300 IN TXT ( "v=spf1 ip4:192.0.2.0/24 " ; c\n "include:_spf.example.net ~all" )\n';
    const inputs = [
      `$ORIGIN example.com.\n${record.repeat(Math.floor(10_000_000 / record.length))}`,
      '('.repeat(10_000_000),
      `@ TXT "${'a'.repeat(10_000_000)}"`,
      `@ TXT "${'\\'.repeat(10_000_000)}`,
      Buffer.alloc(10_000_000, 0xff).toString('latin1'),
      ';'.repeat(5_000_000) + '\n'.repeat(5_000_000),
    ];
    for (const text of inputs) readAndCheck(text, budgetFor(text.length));
  });

  counter.defineReport();
});
