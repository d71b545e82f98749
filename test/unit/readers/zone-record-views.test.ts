import * as assert from 'node:assert/strict';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import { parseRrClass, parseRrClassAt, parseRrType, parseRrTypeAt } from '../../../src/core/readers/zone/rr-types';
import { parseTtl, parseTtlAt, ttlSecondsAt } from '../../../src/core/readers/zone/ttl';
import { asciiValueOctets, type TxtString } from '../../../src/core/readers/txt/txt-value';
import { rangeOf } from './fixture-helpers';

// A record keeps offsets and builds its parts when read; these pin that the parts read back
// as what the text says, wherever the fields and data are written.
describe('readZone: record parts built when read', () => {
  const text = [
    '$ORIGIN example.org.',
    '$TTL 600',
    'www 300 IN A 192.0.2.1 ; web',
    '    IN 1h AAAA 2001:db8::1',
    'mail CH 60 TXT ( "v=spf1" ; first',
    '   "\\065 -all" ) ; second',
    '@ SOA ns1 hostmaster (',
    '   2026112701 ; serial',
    '   3600 900 1209600 300 )',
    'spf in Txt "one" two',
    '',
  ].join('\n');
  const zone = readZone(text);
  const [www, aaaa, mail, soa, spf] = zone.records;

  it('reads the zone without errors', () => {
    assert.deepEqual(zone.errors, []);
    assert.equal(zone.records.length, 5);
  });

  it('builds owner, TTL, class and type with their ranges', () => {
    const wwwAt = text.indexOf('www 300');
    assert.deepEqual(www.range, { start: wwwAt, end: text.indexOf(' ; web') });
    assert.deepEqual(www.owner, { name: 'www.example.org.', range: { start: wwwAt, end: wwwAt + 3 }, inherited: false });
    assert.deepEqual(www.ttl, { seconds: 300, range: rangeOf(text, '300', wwwAt), source: 'explicit' });
    assert.deepEqual(www.class, { name: 'IN', range: rangeOf(text, 'IN', wwwAt), inherited: false });
    assert.deepEqual(www.type, { name: 'A', code: 1, text: 'A', range: rangeOf(text, 'A', wwwAt + 4) });
    assert.equal(www.origin, 'example.org.');
  });

  it('builds the fields of a record whose owner is carried over, class before TTL', () => {
    const at = text.indexOf('IN 1h');
    assert.deepEqual(aaaa.owner, { name: 'www.example.org.', inherited: true });
    assert.deepEqual(aaaa.class, { name: 'IN', range: { start: at, end: at + 2 }, inherited: false });
    assert.deepEqual(aaaa.ttl, { seconds: 3600, range: { start: at + 3, end: at + 5 }, source: 'explicit' });
    assert.equal(aaaa.range.start, at);
  });

  it('keeps canonical names and the type as written', () => {
    assert.deepEqual(mail.class, { name: 'CH', range: rangeOf(text, 'CH'), inherited: false });
    assert.deepEqual(spf.class, { name: 'IN', range: rangeOf(text, 'in', text.indexOf('spf in')), inherited: false });
    assert.deepEqual(spf.type, { name: 'TXT', code: 16, text: 'Txt', range: rangeOf(text, 'Txt') });
    assert.deepEqual(spf.ttl, { seconds: 600, source: '$TTL' });
    assert.equal(spf.ttl, soa.ttl, 'records inheriting the same TTL share one frozen object');
    assert.ok(Object.isFrozen(spf.ttl));
  });

  it('reads the data words again across parentheses and comments', () => {
    assert.deepEqual(soa.rdata.map((word) => word.text), ['ns1', 'hostmaster', '2026112701', '3600', '900', '1209600', '300']);
    for (const word of soa.rdata) assert.equal(text.slice(word.range.start, word.range.end), word.text);
    assert.deepEqual(mail.rdata.map((word) => [word.text, word.quoted]), [['"v=spf1"', true], ['"\\065 -all"', true]]);
    assert.deepEqual(spf.rdata.map((word) => [word.text, word.quoted]), [['"one"', true], ['two', false]]);
  });

  it('gives TXT values whose strings, decoded when first read, have their ranges and offset maps', () => {
    const plain = (item: TxtString) => ({ range: item.range, contentRange: item.contentRange, text: item.text, octets: item.octets, quoted: item.quoted, syntax: item.syntax, valueStart: item.valueStart, sourceOffsets: item.sourceOffsets });
    const txt = mail.txt!;
    const first = rangeOf(text, '"v=spf1"');
    const second = rangeOf(text, '"\\065 -all"');
    const c = second.start + 1;
    assert.equal(txt.value, 'v=spf1A -all');
    assert.deepEqual(txt.range, { start: first.start, end: second.end });
    assert.equal(txt.strings, txt.strings, 'the strings are decoded once');
    assert.deepEqual(txt.strings.map(plain), [
      { range: first, contentRange: { start: first.start + 1, end: first.end - 1 }, text: 'v=spf1', octets: 6, quoted: true, syntax: 'zone-quoted', valueStart: 0, sourceOffsets: undefined },
      { range: second, contentRange: { start: c, end: second.end - 1 }, text: 'A -all', octets: 6, quoted: true, syntax: 'zone-quoted', valueStart: 6, sourceOffsets: [c, c + 4, c + 5, c + 6, c + 7, c + 8, c + 9] },
    ]);
    const two = rangeOf(text, 'two', text.indexOf('"one"'));
    assert.deepEqual(spf.txt!.strings.map(plain)[1], { range: two, contentRange: two, text: 'two', octets: 3, quoted: false, syntax: 'zone-unquoted', valueStart: 3, sourceOffsets: undefined });
  });
});

describe('readZone: owners resolved and TXT values decoded when read', () => {
  const text = [
    '$ORIGIN a.example.',
    'host 300 IN A 192.0.2.1',
    '$ORIGIN b.example.',
    '     IN TXT "v=spf1" \' -all\' ; carried over across an $ORIGIN',
    'bad IN A 999.0.2.1',
    '     IN TXT ( "x\\059y" ; a comment\\ ',
    '        z )',
    'esc IN TXT "p" ; back\\slash in a comment only',
    'gen IN TYPE16 \\# 4 03616263',
    'raw IN A \\# 4 c0000201',
    '',
  ].join('\n');

  it('resolves an owner against the origin where it is written, read in any order', () => {
    const [host, carried, afterBad] = readZone(text).records;
    assert.deepEqual(carried.owner, { name: 'host.a.example.', inherited: true }, 'read before the record that writes it');
    assert.equal(carried.origin, 'b.example.');
    assert.equal(host.owner.name, 'host.a.example.');
    assert.deepEqual(afterBad.owner, { name: 'bad.b.example.', inherited: true }, 'carried over from a record with bad data');
  });

  it('gives the owner name alone, read first or after the owner, as the owner object has it', () => {
    const records = readZone(text).records;
    assert.deepEqual(records.map((record) => record.ownerName), ['host.a.example.', 'host.a.example.', 'bad.b.example.', 'esc.b.example.', 'gen.b.example.', 'raw.b.example.']);
    const again = readZone(text).records;
    assert.deepEqual(again.map((record) => [record.owner.name, record.ownerName]), records.map((record) => [record.ownerName, record.ownerName]));
  });

  it('gives the type code alone, as the type object has it', () => {
    const records = readZone(text).records;
    assert.deepEqual(records.map((record) => record.typeCode), [1, 16, 16, 16, 16, 1]);
    assert.deepEqual(records.map((record) => record.type.code), records.map((record) => record.typeCode));
  });

  it('decodes the TXT value from the text on each read: equal values, new objects', () => {
    const zone = readZone(text);
    assert.deepEqual(zone.errors.map((error) => error.reason), ['"999.0.2.1" is not an IPv4 address']);
    const [, carried, afterBad, esc] = zone.records;
    assert.equal(carried.txt!.value, "v=spf1'-all'");
    assert.notEqual(carried.txt, carried.txt);
    assert.deepEqual(carried.txt!.range, { start: text.indexOf('"v=spf1"'), end: text.indexOf(" ; carried") });
    assert.equal(afterBad.txt!.value, 'x;yz');
    assert.deepEqual(afterBad.txt!.strings.map((item) => item.text), ['x;y', 'z']);
    assert.equal(esc.txt!.value, 'p');
  });

  it('keeps generic data, with the TXT value decoded from it for string types', () => {
    const [, , , , gen, raw] = readZone(text).records;
    assert.equal(gen.txt!.value, 'abc');
    assert.equal(gen.generic!.length, 4);
    assert.equal(gen.generic, gen.generic);
    assert.equal(raw.txt, undefined);
    assert.deepEqual([...raw.generic!.octets], [192, 0, 2, 1]);
    assert.deepEqual(raw.type, { name: 'A', code: 1, text: 'A', range: rangeOf(text, 'A', text.indexOf('raw')) });
  });

  it('reports bad escapes while reading, once', () => {
    const zone = readZone('$ORIGIN example.\nx IN TXT "a\\999" "b"\n');
    assert.deepEqual(zone.errors.map((error) => error.reason), ['"\\999" is not a \\DDD escape (three digits, at most 255)']);
    assert.equal(zone.records[0].txt!.value, 'a\uFFFDb');
    assert.equal(zone.errors.length, 1);
  });
});

describe('zone field readers at offsets', () => {
  it('read types, classes and TTLs as the string readers do', () => {
    const words = ['A', 'aaaa', 'TxT', 'NSAP-PTR', 'openpgpkey', 'TYPE16', 'type65280', 'TYPE99999', 'FOO', 'ſpf', 'IN', 'in', 'hs', 'ın', 'CLASS3', 'CLASS1', 'IX', '1h30m', '90', '1x', '', '3600S'];
    for (const word of words) {
      const text = `  ${word}  `;
      assert.deepEqual(parseRrTypeAt(text, 2, 2 + word.length), parseRrType(word), `type ${word}`);
      assert.deepEqual(parseRrClassAt(text, 2, 2 + word.length), parseRrClass(word), `class ${word}`);
      assert.deepEqual(parseTtlAt(text, 2, 2 + word.length), parseTtl(word), `TTL ${word}`);
      const parsed = parseTtl(word);
      const seconds = ttlSecondsAt(text, 2, 2 + word.length);
      assert.equal(seconds >= 0 ? seconds : undefined, parsed.ok ? parsed.seconds : undefined, `TTL seconds ${word}`);
    }
    assert.ok(ttlSecondsAt('2147483648', 0, 10) < 0, 'a TTL past 2^31 - 1 is none');
  });
});

describe('zone lexer searches after recovering from an unclosed parenthesis', () => {
  it('reads quoted strings and comments after the lines it reads again', () => {
    const text = '$ORIGIN example.com.\na TXT ( "v=spf1 -all" ; open\nb TXT "x;y" ; note "q"\nc TXT "z"\n';
    const zone = readZone(text);
    assert.deepEqual(zone.errors.map((error) => error.reason), ['unclosed "(": the record runs to the end of the file']);
    assert.deepEqual(zone.records.map((record) => [record.owner.name, record.txt?.value]), [
      ['a.example.com.', 'v=spf1 -all'],
      ['b.example.com.', 'x;y'],
      ['c.example.com.', 'z'],
    ]);
  });
});

describe('TXT values: what is known without decoding the strings', () => {
  const text = [
    '$ORIGIN example.org.',
    'one IN TXT "v=spf1 -all"',
    'two IN TXT ( "v=spf1" ; a ";" in a comment',
    '   "\\034 -all" unquoted ) ; end',
    'bare IN TXT v=spf1',
    'wide IN TXT "v=spf1 caf\\195\\169 -all"',
    'utf IN TXT "v=spf1 é -all"',
    '',
  ].join('\n');
  const zone = readZone(text);

  it('counts the strings from the tokens, as many as decoding gives', () => {
    const counts = zone.records.map((record) => record.txt!.stringCount);
    assert.deepEqual(counts, [1, 3, 1, 1, 1]);
    assert.deepEqual(zone.records.map((record) => record.txt!.strings.length), counts);
  });

  it('knows where each string starts in the value, as decoding places them', () => {
    // "v=spf1" (6 units), then "\034 -all" decoded to `" -all` (6), then `unquoted`.
    assert.deepEqual(zone.records.map((record) => record.txt!.stringStarts), [[0], [0, 6, 12], [0], [0], [0]]);
    for (const record of zone.records) assert.deepEqual(record.txt!.stringStarts, record.txt!.strings.map((item) => item.valueStart));
  });

  it('gives the octets of an ASCII value from its length, and none for a value with other characters', () => {
    assert.deepEqual(zone.records.map((record) => asciiValueOctets(record.txt!)), [11, 20, 6, undefined, undefined]);
    const measured = zone.records.map((record) => record.txt!.strings.reduce((sum, item) => sum + item.octets, 0));
    assert.deepEqual(measured.slice(0, 3), [11, 20, 6]);
  });
});

// A record keeps its type's offset from its start only when it is small; the type of a record
// written further away (long comments or names before it) is found again in the text.
describe('readZone: records whose type is far from their start', () => {
  const comment = `; ${'c'.repeat(2000)}`;
  const text = [
    '$ORIGIN example.org.',
    `far ( 300 ${comment}`,
    `   IN ; ${'more '.repeat(50)}`,
    '   TXT "v=spf1 -all" ) ; end',
    `    ( 600 ${comment}`,
    '   CH SPF "v=spf1 a -all" )',
    `gen ( ${comment}`,
    '   TYPE16 \\# 4 03616263 )',
    `${'x'.repeat(1021)} A 192.0.2.1`,
    `${'y'.repeat(1022)} A 192.0.2.2`,
    `${'z'.repeat(1023)} A 192.0.2.3`,
    `${'w'.repeat(1019)} IN 1h A 192.0.2.4`,
    '',
  ].join('\n');
  const zone = readZone(text);
  const [far, carried, gen, near, edge, beyond, fields] = zone.records;

  it('reads the zone without errors', () => {
    assert.deepEqual(zone.errors, []);
    assert.equal(zone.records.length, 7);
  });

  it('finds the type, the fields before it and the data after it across long comments', () => {
    const farAt = text.indexOf('far (');
    assert.deepEqual(far.type, { name: 'TXT', code: 16, text: 'TXT', range: rangeOf(text, 'TXT', farAt) });
    assert.ok(far.type.range.start - far.range.start > 2000);
    assert.deepEqual(far.ttl, { seconds: 300, range: rangeOf(text, '300', farAt), source: 'explicit' });
    assert.deepEqual(far.class, { name: 'IN', range: rangeOf(text, 'IN', farAt), inherited: false });
    assert.deepEqual(far.rdata.map((word) => word.text), ['"v=spf1 -all"']);
    assert.equal(far.txt!.value, 'v=spf1 -all');
    assert.deepEqual(far.txt!.range, rangeOf(text, '"v=spf1 -all"'));
  });

  it('does so for a record that carries its owner over and for generic data', () => {
    const carriedAt = text.indexOf('600');
    assert.deepEqual(carried.owner, { name: 'far.example.org.', inherited: true });
    assert.equal(carried.range.start, carriedAt);
    assert.deepEqual(carried.type, { name: 'SPF', code: 99, text: 'SPF', range: rangeOf(text, 'SPF', carriedAt) });
    assert.deepEqual(carried.class, { name: 'CH', range: rangeOf(text, 'CH', carriedAt), inherited: false });
    assert.deepEqual(carried.ttl, { seconds: 600, range: { start: carriedAt, end: carriedAt + 3 }, source: 'explicit' });
    assert.equal(carried.txt!.value, 'v=spf1 a -all');
    assert.deepEqual(gen.type, { name: 'TXT', code: 16, text: 'TYPE16', range: rangeOf(text, 'TYPE16') });
    assert.equal(gen.txt!.value, 'abc');
    assert.deepEqual(gen.rdata.map((word) => word.text), ['\\#', '4', '03616263']);
  });

  it('gives the same parts on either side of the largest offset kept', () => {
    for (const [record, offset] of [[near, 1022], [edge, 1023], [beyond, 1024]] as const) {
      const start = record.range.start;
      assert.deepEqual(record.type.range, { start: start + offset, end: start + offset + 1 }, `type at ${offset}`);
      assert.deepEqual(record.rdata.map((word) => word.text), [`192.0.2.${offset - 1021}`]);
      assert.equal(record.owner.range!.end, start + offset - 1);
    }
    const start = fields.range.start;
    assert.deepEqual(fields.class, { name: 'IN', range: { start: start + 1020, end: start + 1022 }, inherited: false });
    assert.deepEqual(fields.ttl, { seconds: 3600, range: { start: start + 1023, end: start + 1025 }, source: 'explicit' });
    assert.deepEqual(fields.type.range, { start: start + 1026, end: start + 1027 });
  });
});
