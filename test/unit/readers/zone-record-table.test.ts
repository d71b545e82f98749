import * as assert from 'node:assert/strict';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import type { ZoneRecord } from '../../../src/core/readers/zone/zone-types';

/** What a record of the generated zone must read back as, written down while generating it. */
interface Expected {
  owner: string;
  ownerInherited: boolean;
  type: string;
  ttl: number;
  origin: string;
  range: { start: number; end: number };
  txt?: string;
  genericOctets?: number[];
}

/**
 * A zone of `hosts` hosts (about five records each, more than a chunk of the table holds): an
 * `$ORIGIN` every 50 hosts, records that carry their owner over (also from a record with bad
 * data), TXT and SPF records, generic data for TXT and A. The expected records are written down
 * line by line, independently of the reader.
 */
function generatedZone(hosts: number): { text: string; expected: Expected[]; invalid: number } {
  let text = '$TTL 600\n';
  const expected: Expected[] = [];
  let origin = '';
  let invalid = 0;
  let owner = '';
  const line = (written: string, record?: Omit<Expected, 'range' | 'owner' | 'ownerInherited' | 'origin'> & { ownerWritten?: string }): void => {
    const start = text.length + (written.length - written.trimStart().length);
    if (record?.ownerWritten !== undefined) owner = `${record.ownerWritten}.${origin}`;
    if (record) {
      const { ownerWritten, ...rest } = record;
      expected.push({ ...rest, owner, ownerInherited: ownerWritten === undefined, origin, range: { start, end: text.length + written.length } });
    }
    text += `${written}\n`;
  };
  for (let host = 0; host < hosts; host++) {
    if (host % 50 === 0) {
      origin = `zone${host / 50}.example.`;
      line(`$ORIGIN ${origin}`);
    }
    const name = `h${host}`;
    line(`${name} IN A 192.0.2.${host % 250}`, { ownerWritten: name, type: 'A', ttl: 600 });
    line(`    300 IN TXT "v=spf1 ip4:192.0.2.${host % 250} -all"`, { type: 'TXT', ttl: 300, txt: `v=spf1 ip4:192.0.2.${host % 250} -all` });
    // $TTL, not the TTL of the record before, applies to a record that writes none (RFC 2308 §4).
    line(`    IN MX 10 mail.${name}`, { type: 'MX', ttl: 600 });
    line(`mail.${name} IN AAAA 2001:db8::${host.toString(16)}`, { ownerWritten: `mail.${name}`, type: 'AAAA', ttl: 600 });
    if (host % 3 === 0) line(`    IN SPF "v=spf1 a:${name} ~all"`, { type: 'SPF', ttl: 600, txt: `v=spf1 a:${name} ~all` });
    if (host % 7 === 0) {
      // Bad data: the record is dropped, its owner still carries over (RFC 1035 §5.1).
      line(`bad${host} IN A 999.0.2.1`);
      owner = `bad${host}.${origin}`;
      invalid++;
      line(`    IN TXT "after bad ${host}"`, { type: 'TXT', ttl: 600, txt: `after bad ${host}` });
      line(`    IN A 192.0.2.7`, { type: 'A', ttl: 600 });
    }
    if (host % 11 === 0) {
      line(`gen${host} IN TYPE16 \\# 4 03616263`, { ownerWritten: `gen${host}`, type: 'TXT', ttl: 600, txt: 'abc', genericOctets: [3, 0x61, 0x62, 0x63] });
      line(`    IN A \\# 4 c0000201`, { type: 'A', ttl: 600, genericOctets: [192, 0, 2, 1] });
    }
  }
  return { text, expected, invalid };
}

function assertReadsAs(record: ZoneRecord, expected: Expected, label: string): void {
  assert.deepEqual(
    {
      owner: record.owner.name,
      ownerInherited: record.owner.inherited,
      type: record.type.name,
      ttl: record.ttl?.seconds,
      origin: record.origin,
      range: record.range,
      txt: record.txt?.value,
      genericOctets: record.generic ? [...record.generic.octets] : undefined,
    },
    { txt: undefined, genericOctets: undefined, ...expected },
    label,
  );
}

/** A fixed permutation of 0..n-1 that jumps back and forth (every index once). */
function scrambled(n: number): number[] {
  const order = Array.from({ length: n }, (_, index) => index);
  let seed = 20261128;
  for (let index = n - 1; index > 0; index--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const other = seed % (index + 1);
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

describe('readZone: records kept in a table and made when read', () => {
  const { text, expected, invalid } = generatedZone(1000);

  it('reads past the first chunk of the table: every record, each as written', () => {
    const zone = readZone(text);
    assert.equal(zone.errors.length, invalid);
    assert.ok(expected.length > 4096, 'more records than a chunk of the table holds');
    assert.equal(zone.records.length, expected.length);
    zone.records.forEach((record, index) => assertReadsAs(record, expected[index], `record ${index}`));
  });

  it('gives the same values whatever order the records and their owners are read in', () => {
    const zone = readZone(text);
    // The string records first, back to front, then every record scrambled.
    const strings = zone.stringRecords;
    const expectedStrings = expected.filter((record) => record.txt !== undefined);
    for (let index = strings.length - 1; index >= 0; index--) assertReadsAs(strings[index], expectedStrings[index], `string record ${index}`);
    const records = zone.records;
    for (const index of scrambled(records.length)) assertReadsAs(records[index], expected[index], `record ${index}`);
    const fresh = readZone(text).records;
    for (let index = fresh.length - 1; index >= 0; index--) assertReadsAs(fresh[index], expected[index], `record ${index} read back to front`);
  });

  it('carries owners over many records, through the record that wrote them, in any order', () => {
    const zone = readZone(text);
    const carried = zone.stringRecords.filter((record) => record.owner.inherited);
    assert.ok(carried.length > 500);
    // Owners of carried-over string records first: the records that wrote them are made then.
    const owners = carried.map((record) => record.owner.name);
    const expectedOwners = expected.filter((record) => record.txt !== undefined && record.ownerInherited).map((record) => record.owner);
    assert.deepEqual(owners, expectedOwners);
    assert.deepEqual(
      zone.records.map((record) => record.owner.name),
      expected.map((record) => record.owner),
    );
  });

  it('makes each record once: records and stringRecords hold the same objects, read twice', () => {
    const zone = readZone(text);
    const strings = zone.stringRecords;
    const records = zone.records;
    assert.equal(zone.records, records, 'the same array on every read');
    const withTxt = records.filter((record) => record.txt !== undefined);
    assert.equal(withTxt.length, strings.length);
    withTxt.forEach((record, index) => assert.equal(record, strings[index], `string record ${index}`));
    assert.deepEqual(
      strings.map((record) => record.type.name),
      expected.filter((record) => record.txt !== undefined).map((record) => record.type),
    );
  });

  it('keeps generic data by record, with the TXT value decoded from it', () => {
    const zone = readZone(text);
    const generic = zone.records.filter((record) => record.generic !== undefined);
    assert.equal(generic.length, expected.filter((record) => record.genericOctets).length);
    const last = generic[generic.length - 1];
    assert.equal(last.generic, last.generic, 'the same generic data on each read');
    assert.ok(zone.stringRecords.some((record) => record.generic !== undefined && record.txt?.value === 'abc'));
  });

  it('reads a zone without records: empty lists, the same on each read, as plain data', () => {
    for (const source of ['', '$ORIGIN example.\n$TTL 300\n; only comments\n', 'bad IN A 999.0.2.1\n  IN TXT']) {
      const zone = readZone(source);
      assert.deepEqual(zone.records, [], source);
      assert.equal(zone.records, zone.records);
      assert.deepEqual(zone.stringRecords, []);
    }
    const zone = readZone('$ORIGIN example.\n');
    assert.deepEqual(JSON.parse(JSON.stringify(zone)), { records: [], stringRecords: [], directives: JSON.parse(JSON.stringify(zone.directives)), errors: [], origin: 'example.' });
    assert.deepEqual({ ...zone }, { records: [], stringRecords: [], directives: zone.directives, errors: [], origin: 'example.' });
  });
});
