import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/text/range';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import type { ZoneRecord } from '../../../src/core/readers/zone/zone-types';
import { mapValueEdit } from '../../../src/core/readers/txt/value-edit';
import { findSpfStrings } from '../../../src/core/readers/code/find-spf-strings';
import { readFixture } from './fixture-helpers';

function txtRecordAt(text: string, owner: string): ZoneRecord {
  const record = readZone(text).records.find((item) => item.owner.name === owner && item.txt);
  assert.ok(record, `a TXT record at ${owner}`);
  return record;
}

/** Inserts `insertion` before `anchor` in the record's value and returns the new document. */
function insertBefore(text: string, owner: string, anchor: string, insertion: string): string {
  const record = txtRecordAt(text, owner);
  const at = record.txt!.value.indexOf(anchor);
  const mapped = mapValueEdit(text, record.txt!, { range: { start: at, end: at }, newText: insertion });
  assert.ok(mapped.ok);
  const applied = applyEdits(text, mapped.edits);
  assert.ok(applied.ok);
  return applied.text;
}

describe('mapValueEdit', () => {
  it('inserts ip4:203.0.113.45 before ~all in the seed zone, touching nothing else', () => {
    const text = readFixture('zones', 'shop.example.co.jp.zone');
    const fixed = insertBefore(text, 'shop.example.co.jp.', '~all', 'ip4:203.0.113.45 ');
    const expected = text.replace(
      '"v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ~all"',
      '"v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ip4:203.0.113.45 ~all"',
    );
    assert.equal(fixed, expected);
  });

  it('puts an insertion on a string boundary into the later string', () => {
    const text = 'a.example. TXT "one" "two"\n';
    assert.equal(insertBefore(text, 'a.example.', 'two', 'X'), 'a.example. TXT "one" "Xtwo"\n');
  });

  it('maps a replacement across two strings to edits of both', () => {
    const text = readFixture('zones', 'features.zone');
    const record = txtRecordAt(text, 'split.example.net.');
    const value = record.txt!.value;
    const term = 'include:_spf.example.org';
    const start = value.indexOf(term);
    const mapped = mapValueEdit(text, record.txt!, { range: { start, end: start + term.length }, newText: 'a' });
    assert.ok(mapped.ok);
    assert.equal(mapped.edits.length, 2);
    const applied = applyEdits(text, mapped.edits);
    assert.ok(applied.ok);
    assert.ok(applied.text.includes('"v=spf1 ip4:192.0.2.0/24 a" ; a comment; with "quotes"\n                  " ~all" )'));
    assert.equal(txtRecordAt(applied.text, 'split.example.net.').txt!.value, 'v=spf1 ip4:192.0.2.0/24 a ~all');
  });

  it('removes whole strings in the middle of a replaced range', () => {
    const text = 'a.example. TXT "ab" "cd" "ef"\n';
    const record = txtRecordAt(text, 'a.example.');
    const mapped = mapValueEdit(text, record.txt!, { range: { start: 1, end: 5 }, newText: '-' });
    assert.ok(mapped.ok);
    const applied = applyEdits(text, mapped.edits);
    assert.deepEqual(applied, { ok: true, text: 'a.example. TXT "a-" "f"\n' });
  });

  it('keeps existing escapes and escapes new text for the string it goes into', () => {
    const text = readFixture('zones', 'features.zone');
    const fixed = insertBefore(text, 'semi.example.net.', '-all', 'a:"x"\\ ');
    assert.ok(fixed.includes('"v=spf1 a;b \\"q\\" \\\\ \\059 a:\\"x\\"\\\\ -all"'));
    assert.equal(txtRecordAt(fixed, 'semi.example.net.').txt!.value, 'v=spf1 a;b "q" \\ ; a:"x"\\ -all');
  });

  it('escapes blank space in an unquoted string', () => {
    const text = 'a.example. TXT v=spf1 -all\n';
    const fixed = insertBefore(text, 'a.example.', '-all', 'mx ');
    assert.equal(fixed, 'a.example. TXT v=spf1 mx\\ -all\n');
    assert.equal(txtRecordAt(fixed, 'a.example.').txt!.value, 'v=spf1mx -all');
  });

  it('re-splits a string that would exceed 255 octets into quoted strings, after a space', () => {
    const includes = Array.from({ length: 6 }, (_, i) => `include:_spf${i}.mail-provider.example.com`).join(' ');
    const original = `v=spf1 ${includes} ~all`;
    assert.ok(original.length <= 255 && original.length > 240);
    const text = `; before\na.example. 300 IN TXT "${original}" ; after\nb.example. A 192.0.2.1\n`;
    const fixed = insertBefore(text, 'a.example.', '~all', 'ip4:203.0.113.45 ');
    const record = txtRecordAt(fixed, 'a.example.');
    assert.equal(record.txt!.value, `v=spf1 ${includes} ip4:203.0.113.45 ~all`);
    assert.ok(record.txt!.strings.length >= 2);
    for (const item of record.txt!.strings) {
      assert.ok(item.quoted);
      assert.ok(item.octets <= 255, `string of ${item.octets} octets`);
    }
    assert.ok(record.txt!.strings[0].text.endsWith(' '));
    assert.ok(fixed.startsWith('; before\na.example. 300 IN TXT "v=spf1 '));
    assert.ok(fixed.endsWith('~all" ; after\nb.example. A 192.0.2.1\n'));
  });

  it('counts \\DDD as one octet when deciding to re-split', () => {
    const body = '\\097'.repeat(250);
    const text = `a.example. TXT "${body}"\n`;
    const record = txtRecordAt(text, 'a.example.');
    assert.equal(record.txt!.strings[0].octets, 250);
    const mapped = mapValueEdit(text, record.txt!, { range: { start: 250, end: 250 }, newText: 'bcdef' });
    assert.ok(mapped.ok);
    assert.deepEqual(mapped.edits, [{ range: { start: text.lastIndexOf('"'), end: text.lastIndexOf('"') }, newText: 'bcdef' }]);
  });

  it('rewrites generic TXT data as quoted strings', () => {
    const text = readFixture('zones', 'features.zone');
    const fixed = insertBefore(text, 'generic.example.net.', '-all', 'mx ');
    assert.ok(fixed.includes('generic     TYPE16 "v=spf1 mx -all"\n'));
    assert.equal(txtRecordAt(fixed, 'generic.example.net.').txt!.value, 'v=spf1 mx -all');
  });

  it('escapes inserted text by the rules of a JSON string', () => {
    const text = '{"value": "v=spf1 \\u0061 -all"}';
    const value = findSpfStrings(text, 'json').values[0];
    const at = value.value.indexOf('-all');
    const mapped = mapValueEdit(text, value, { range: { start: at, end: at }, newText: 'exp="x" ' });
    assert.ok(mapped.ok);
    assert.deepEqual(applyEdits(text, mapped.edits), { ok: true, text: '{"value": "v=spf1 \\u0061 exp=\\"x\\" -all"}' });
  });

  it('refuses a range outside the value', () => {
    const text = 'a.example. TXT "v=spf1"\n';
    const record = txtRecordAt(text, 'a.example.');
    assert.equal(mapValueEdit(text, record.txt!, { range: { start: 3, end: 99 }, newText: '' }).ok, false);
    assert.equal(mapValueEdit(text, record.txt!, { range: { start: -1, end: 0 }, newText: '' }).ok, false);
  });
});
