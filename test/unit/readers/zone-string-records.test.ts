import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import type { ZoneFile } from '../../../src/core/readers/zone/zone-types';
import { corpus, hostileText, mutated, zoneFile } from '../../support/arbitraries';

const PROPERTY_SETTINGS = { seed: 20261128, numRuns: 300 };

/** The string records are the same objects as the records with a TXT value, in the same order. */
function assertStringRecords(zone: ZoneFile): void {
  const expected = zone.records.filter((record) => record.txt);
  assert.equal(zone.stringRecords.length, expected.length);
  zone.stringRecords.forEach((record, index) => assert.equal(record, expected[index], `string record ${index}`));
}

describe('readZone: the string records (TXT and SPF)', () => {
  it('lists the TXT and SPF records in document order, in every spelling, and only the valid ones', () => {
    const text = [
      '$ORIGIN example.org.',
      '@ 300 IN TXT "v=spf1 -all"',
      '  IN A 192.0.2.1',
      'a SPF "v=spf1 a -all"',
      'b TYPE16 "plain type16"',
      'c type99 ( "v=spf1" ; split',
      '   " -all" )',
      'd TXT \\# 6 05 68 65 6c 6c 6f',
      'e TYPE65280 \\# 2 abcd',
      'f TXT',
      'g TXT \\# 3 05 68 65',
      'h MX 10 mail',
      'i TXT "a\\"b" c',
      '',
    ].join('\n');
    const zone = readZone(text);
    assert.deepEqual(
      zone.stringRecords.map((record) => `${record.owner.name} ${record.type.name} ${record.txt?.value}`),
      ['example.org. TXT v=spf1 -all', 'a.example.org. SPF v=spf1 a -all', 'b.example.org. TXT plain type16', 'c.example.org. SPF v=spf1 -all', 'd.example.org. TXT hello', 'i.example.org. TXT a"bc'],
    );
    assertStringRecords(zone);
  });

  it('is empty for a zone without records and for binary data', () => {
    assert.deepEqual(readZone('').stringRecords, []);
    assert.deepEqual(readZone('@ TXT "x"\0').stringRecords, []);
  });

  it('equals the records with a TXT value on every zone fixture', () => {
    for (const text of corpus().zones) assertStringRecords(readZone(text));
  });

  it('equals the records with a TXT value on generated, mutated and hostile zones', () => {
    const texts = fc.oneof(zoneFile(), mutated(fc.constantFrom(...corpus().zones), 6), hostileText(300));
    fc.assert(fc.property(texts, (text) => assertStringRecords(readZone(text))), PROPERTY_SETTINGS);
  });
});
