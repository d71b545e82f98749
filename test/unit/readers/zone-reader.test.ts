import * as assert from 'node:assert/strict';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import type { ZoneFile, ZoneRecord } from '../../../src/core/readers/zone/zone-types';
import { mapValueRange } from '../../../src/core/readers/txt/txt-value';
import { rangeOf, readFixture } from './fixture-helpers';

function recordAt(zone: ZoneFile, owner: string, type?: string): ZoneRecord {
  const found = zone.records.filter((record) => record.owner.name === owner && (!type || record.type.name === type));
  assert.equal(found.length, 1, `one ${type ?? ''} record at ${owner}`);
  return found[0];
}

describe('readZone: the seed zone shop.example.co.jp', () => {
  const text = readFixture('zones', 'shop.example.co.jp.zone');
  const zone = readZone(text);

  it('reads every record without errors', () => {
    assert.deepEqual(zone.errors, []);
    assert.deepEqual(
      zone.records.map((record) => `${record.owner.name} ${record.type.name}`),
      [
        'shop.example.co.jp. SOA', 'shop.example.co.jp. NS', 'shop.example.co.jp. NS', 'shop.example.co.jp. MX',
        'shop.example.co.jp. A', 'mail.shop.example.co.jp. A', 'www.shop.example.co.jp. CNAME', 'shop.example.co.jp. TXT',
      ],
    );
  });

  it('gives the SPF record its value, string range and TTL from $TTL', () => {
    const record = recordAt(zone, 'shop.example.co.jp.', 'TXT');
    const spf = 'v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ~all';
    const quoted = rangeOf(text, `"${spf}"`);
    assert.equal(record.txt?.value, spf);
    assert.deepEqual(record.txt?.strings[0].range, quoted);
    assert.deepEqual(record.txt?.strings[0].contentRange, { start: quoted.start + 1, end: quoted.end - 1 });
    assert.equal(record.txt?.strings[0].octets, spf.length);
    assert.deepEqual(record.ttl, { seconds: 3600, source: '$TTL' });
    assert.deepEqual(record.owner.range, { start: quoted.start - '@       IN TXT  '.length, end: quoted.start - '@       IN TXT  '.length + 1 });
    assert.deepEqual(mapValueRange(record.txt!, { start: spf.indexOf('~all'), end: spf.length }), [rangeOf(text, '~all')]);
  });

  it('carries the owner over lines that start with blank space and reads the SOA across parentheses', () => {
    const ns = zone.records.filter((record) => record.type.name === 'NS');
    assert.deepEqual(ns.map((record) => record.owner), [
      { name: 'shop.example.co.jp.', inherited: true },
      { name: 'shop.example.co.jp.', inherited: true },
    ]);
    const soa = recordAt(zone, 'shop.example.co.jp.', 'SOA');
    assert.deepEqual(soa.rdata.map((word) => word.text).slice(2), ['2026112701', '3600', '900', '1209600', '300']);
    const minimumAt = text.indexOf('300 )');
    assert.deepEqual(soa.rdata[6].range, { start: minimumAt, end: minimumAt + 3 });
  });
});

describe('readZone: master-file features', () => {
  const text = readFixture('zones', 'features.zone');
  const zone = readZone(text);

  it('reads the file without errors', () => {
    assert.deepEqual(zone.errors, []);
  });

  it('reads directives with their ranges; $INCLUDE is reported, not followed', () => {
    assert.deepEqual(zone.directives[0], { kind: 'origin', name: 'example.net.', range: rangeOf(text, '$ORIGIN example.net.'), argumentRange: rangeOf(text, 'example.net.', text.indexOf('$ORIGIN')) });
    assert.deepEqual(zone.directives[1], { kind: 'ttl', seconds: 5400, range: rangeOf(text, '$TTL 1h30m'), argumentRange: rangeOf(text, '1h30m') });
    assert.deepEqual(zone.directives[2], {
      kind: 'include',
      file: 'sub.zone',
      fileRange: rangeOf(text, '"sub.zone"'),
      origin: 'sub.example.net.',
      originRange: rangeOf(text, 'sub.example.net.', text.indexOf('$INCLUDE')),
      range: rangeOf(text, '$INCLUDE "sub.zone" sub.example.net.'),
    });
    assert.equal(recordAt(zone, 'host.sub.example.net.').type.name, 'A');
  });

  it('reads TTL and class in either order, TTL units, and carries them over', () => {
    const ns1 = recordAt(zone, 'ns1.example.net.');
    const ttlAt = text.indexOf('300 IN');
    assert.deepEqual(ns1.ttl, { seconds: 300, range: { start: ttlAt, end: ttlAt + 3 }, source: 'explicit' });
    const mailA = recordAt(zone, 'mail.example.net.', 'A');
    assert.equal(mailA.ttl?.seconds, 7200);
    const classAt = text.indexOf('IN  2h');
    assert.deepEqual(mailA.class, { name: 'IN', range: { start: classAt, end: classAt + 2 }, inherited: false });
    const mailAaaa = recordAt(zone, 'mail.example.net.', 'AAAA');
    assert.deepEqual(mailAaaa.owner, { name: 'mail.example.net.', inherited: true });
    assert.deepEqual(mailAaaa.ttl, { seconds: 5400, source: '$TTL' });
    assert.deepEqual(mailAaaa.class, { name: 'IN', inherited: true });
    const www = recordAt(zone, 'www.example.net.');
    assert.deepEqual(www.owner.range, rangeOf(text, 'www.example.net.'));
    assert.equal(www.type.name, 'CNAME');
  });

  it('joins strings split across lines in parentheses, ignoring comments, and maps a split term to two ranges', () => {
    const record = recordAt(zone, 'split.example.net.');
    const value = 'v=spf1 ip4:192.0.2.0/24 include:_spf.example.org ~all';
    assert.equal(record.txt?.value, value);
    assert.deepEqual(record.txt?.strings.map((item) => item.range), [
      rangeOf(text, '"v=spf1 ip4:192.0.2.0/24 inc"'),
      rangeOf(text, '"lude:_spf.example.org ~all"'),
    ]);
    const term = { start: value.indexOf('include:'), end: value.indexOf(' ~all') };
    assert.deepEqual(mapValueRange(record.txt!, term), [
      rangeOf(text, 'inc', text.indexOf('/24 inc')),
      rangeOf(text, 'lude:_spf.example.org'),
    ]);
  });

  it('keeps a ; inside quotes and decodes \\" \\\\ and \\DDD escapes with their source spans', () => {
    const record = recordAt(zone, 'semi.example.net.');
    const item = record.txt!.strings[0];
    assert.equal(item.text, 'v=spf1 a;b "q" \\ ; -all');
    assert.equal(item.octets, item.text.length);
    const escape = rangeOf(text, '\\059');
    assert.deepEqual(mapValueRange(record.txt!, { start: item.text.lastIndexOf(';'), end: item.text.lastIndexOf(';') + 1 }), [escape]);
    const quote = rangeOf(text, '\\"q');
    assert.deepEqual(mapValueRange(record.txt!, { start: item.text.indexOf('"'), end: item.text.indexOf('"') + 1 }), [{ start: quote.start, end: quote.start + 2 }]);
  });

  it('reads unquoted character-strings and several strings in one record, joined with no separator', () => {
    assert.equal(recordAt(zone, 'unq.example.net.').txt?.value, 'v=spf1-all');
    const multi = recordAt(zone, 'multi.example.net.').txt!;
    assert.equal(multi.value, 'onetwothree');
    assert.deepEqual(multi.strings.map((item) => [item.quoted, item.valueStart]), [[true, 0], [true, 3], [false, 6]]);
    assert.deepEqual(multi.strings[2].range, rangeOf(text, 'three'));
  });

  it('decodes TYPE16 generic data to TXT strings mapped to their hex digits', () => {
    const record = recordAt(zone, 'generic.example.net.');
    assert.equal(record.type.name, 'TXT');
    assert.equal(record.type.text, 'TYPE16');
    assert.equal(record.txt?.value, 'v=spf1 -all');
    const hex = rangeOf(text, '0b763d73706631202d616c6c');
    assert.deepEqual(record.txt?.strings[0].contentRange, { start: hex.start + 2, end: hex.end });
    assert.deepEqual(mapValueRange(record.txt!, { start: 0, end: 1 }), [{ start: hex.start + 2, end: hex.start + 4 }]);
  });

  it('reads the deprecated SPF type, CLASSnnn and unknown TYPEnnn data', () => {
    const old = recordAt(zone, 'old.example.net.');
    assert.deepEqual([old.type.name, old.type.code, old.txt?.value], ['SPF', 99, 'v=spf1 mx -all']);
    const priv = recordAt(zone, 'priv.example.net.');
    assert.deepEqual([priv.class.name, priv.type.name, priv.ttl?.seconds], ['IN', 'TYPE65280', 60]);
    assert.deepEqual(Array.from(priv.generic!.octets), [0xab, 0xcd]);
  });
});

describe('readZone: errors are data and reading goes on', () => {
  const text = readFixture('zones', 'errors.zone');
  const zone = readZone(text);

  it('reports each problem with its range and reason', () => {
    assert.deepEqual(zone.errors.map((error) => [text.slice(error.range.start, error.range.end), error.reason]), [
      ['"v=spf1 unterminated', 'unterminated quoted string: no closing " on this line'],
      ['FOO', '"FOO" is not a record type'],
      ['999.1.1.1', '"999.1.1.1" is not an IPv4 address'],
      ['1x', '"1x" is not a TTL (units are w, d, h, m, s)'],
      [')', 'unmatched ")"'],
      ['(', 'nested "(": parentheses do not nest in zone files'],
      ['$BOGUS', 'unknown directive $BOGUS'],
    ]);
  });

  it('keeps the good records around the bad ones', () => {
    assert.deepEqual(zone.records.map((record) => record.owner.name), ['ok1.example.net.', 'ok2.example.net.', 'ok3.example.net.', 'ok4.example.net.', 'ok5.example.net.']);
  });
});

describe('readZone: address data', () => {
  it('accepts A and AAAA data in every form ipaddr.js accepts and rejects the rest', () => {
    const valid = ['192.0.2.1', '0.0.0.0', '255.255.255.255'];
    const validV6 = ['2001:db8::1', '::', '::1', '1:2:3:4:5:6:7:8', '2001:DB8:0:0:0:0:0:1', '::ffff:192.0.2.1', '64:ff9b::192.0.2.33'];
    const invalid = ['01.2.3.4', '256.1.1.1', '1.2.3', '0x7f.0.0.1', '1.2.3.4.5'];
    const invalidV6 = ['1:2:3:4:5:6:7:8:9', '2001:db8::1::2', '2001:db8::%eth0', '12345::', 'fe80::g', '::ffff:256.0.0.1'];
    const lines = [
      '$ORIGIN example.net.',
      ...valid.map((address, i) => `v4ok${i} A ${address}`),
      ...validV6.map((address, i) => `v6ok${i} AAAA ${address}`),
      ...invalid.map((address, i) => `v4bad${i} A ${address}`),
      ...invalidV6.map((address, i) => `v6bad${i} AAAA ${address}`),
    ];
    const zone = readZone(lines.join('\n') + '\n');
    assert.deepEqual(zone.records.map((record) => record.rdata[0].text), [...valid, ...validV6]);
    assert.deepEqual(zone.errors.map((error) => error.reason), [
      ...invalid.map((address) => `"${address}" is not an IPv4 address`),
      ...invalidV6.map((address) => `"${address}" is not an IPv6 address`),
    ]);
  });

  it('accepts MX preferences of one to five digits up to 65535 and rejects the rest', () => {
    const valid = ['0', '10', '00010', '65535'];
    const invalid = ['65536', '99999', '000001', '-1', '1x', '\\049'];
    const lines = ['$ORIGIN example.net.', ...[...valid, ...invalid].map((preference, i) => `mx${i} MX ${preference} mail`)];
    const zone = readZone(lines.join('\n') + '\n');
    assert.deepEqual(zone.records.map((record) => record.rdata[0].text), valid);
    assert.deepEqual(zone.errors.map((error) => error.reason), invalid.map((preference) => `MX preference "${preference}" is not a number from 0 to 65535`));
  });
});

describe('readZone: line endings and bad input', () => {
  it('reads CRLF files with ranges in the original text', () => {
    const text = readFixture('zones', 'crlf.zone');
    const zone = readZone(text);
    assert.deepEqual(zone.errors, []);
    assert.equal(zone.records[0].txt?.value, 'v=spf1 -all');
    assert.deepEqual(zone.records[0].txt?.strings[1].range, rangeOf(text, '"-all"'));
    assert.deepEqual(zone.records[1].rdata[0].range, rangeOf(text, '192.0.2.9'));
  });

  it('reads an empty text as no records', () => {
    assert.deepEqual(readZone(''), { records: [], stringRecords: [], directives: [], errors: [], origin: undefined });
  });

  it('refuses binary data with the offset of the NUL byte', () => {
    const zone = readZone('@ A 192.0.2.1\n\0\x01\x02');
    assert.deepEqual(zone.errors, [{ range: { start: 14, end: 15 }, reason: 'binary data (NUL byte): this is not a zone file' }]);
    assert.deepEqual(zone.records, []);
  });

  it('reports an unclosed parenthesis at the end and still reads the following lines', () => {
    const text = '$ORIGIN example.com.\na TXT ( "v=spf1 -all"\nb A 192.0.2.2\n';
    const zone = readZone(text);
    assert.deepEqual(zone.errors, [{ range: rangeOf(text, '('), reason: 'unclosed "(": the record runs to the end of the file' }]);
    assert.deepEqual(zone.records.map((record) => [record.owner.name, record.type.name]), [['a.example.com.', 'TXT'], ['b.example.com.', 'A']]);
  });

  it('reports an unterminated quote at the end of the file', () => {
    const text = 'a.example. TXT "v=spf1';
    const zone = readZone(text);
    assert.deepEqual(zone.errors, [{ range: { start: text.indexOf('"'), end: text.length }, reason: 'unterminated quoted string: no closing " on this line' }]);
  });

  it('handles 10,000 nested parentheses with one error each kind', () => {
    const text = `a.example. TXT ${'('.repeat(10000)} "x" ${')'.repeat(10000)}\nb.example. A 192.0.2.1\n`;
    const zone = readZone(text);
    assert.deepEqual(zone.errors.map((error) => error.reason), ['nested "(": parentheses do not nest in zone files']);
    assert.deepEqual(zone.records.map((record) => record.owner.name), ['a.example.', 'b.example.']);
  });

  it('reads megabytes of garbage with a bounded list of errors', () => {
    const text = 'garbage line with no type\n'.repeat(100000);
    const zone = readZone(text, { origin: 'example.com' });
    assert.equal(zone.errors.length, 1001);
    assert.equal(zone.errors[1000].reason, '99000 more errors not shown');
    assert.deepEqual(zone.records, []);
  });

  it('says once that relative names have no origin, and keeps them relative', () => {
    const zone = readZone('www A 192.0.2.1\nmail A 192.0.2.2\n');
    assert.deepEqual(zone.errors.map((error) => error.reason), ['"www" is relative but no $ORIGIN is known; names are kept relative']);
    assert.deepEqual(zone.records.map((record) => record.owner.name), ['www', 'mail']);
    assert.equal(readZone('www A 192.0.2.1\n', { origin: 'example.com' }).records[0].owner.name, 'www.example.com.');
  });
});
