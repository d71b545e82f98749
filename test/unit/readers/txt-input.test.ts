import * as assert from 'node:assert/strict';
import { readTxtInput } from '../../../src/core/readers/txt-input';
import { mapValueRange } from '../../../src/core/readers/txt/txt-value';
import { rangeOf } from './fixture-helpers';

function read(text: string) {
  const result = readTxtInput(text);
  assert.ok(result.ok, result.ok ? '' : result.error.reason);
  return result.input;
}

describe('readTxtInput', () => {
  it('reads a full TXT line with owner, TTL and class', () => {
    const text = 'example.com. 3600 IN TXT "v=spf1 mx -all"';
    const input = read(text);
    assert.equal(input.kind, 'zone-line');
    assert.equal(input.value.value, 'v=spf1 mx -all');
    assert.deepEqual(input.fields?.owner?.range, rangeOf(text, 'example.com.'));
    assert.deepEqual(input.fields?.ttl, { seconds: 3600, range: rangeOf(text, '3600') });
    assert.deepEqual(input.fields?.class?.range, rangeOf(text, 'IN'));
    assert.deepEqual(input.value.strings[0].contentRange, rangeOf(text, 'v=spf1 mx -all'));
  });

  it('reads TXT lines without owner, TTL or class, and with several strings', () => {
    assert.equal(read('IN TXT "v=spf1 -all"').fields?.owner, undefined);
    assert.equal(read('TXT "v=spf1" " -all"').value.value, 'v=spf1 -all');
    assert.deepEqual(read('@ 1h TXT "v=spf1 -all"').fields?.ttl?.seconds, 3600);
    assert.equal(read('x TYPE16 \\# 7 06762d73706631').value.value, 'v-spf1');
  });

  it('reads a raw unquoted record as one plain string and notes surrounding spaces', () => {
    const text = '  v=spf1 include:_spf.example.com ~all   ';
    const input = read(text);
    assert.equal(input.kind, 'unquoted');
    assert.equal(input.value.value, 'v=spf1 include:_spf.example.com ~all');
    assert.equal(input.value.strings[0].syntax, 'plain');
    assert.deepEqual(input.notes.map((note) => note.range), [{ start: 0, end: 2 }, { start: text.length - 3, end: text.length }]);
  });

  it('reads quoted raw records split into strings, mapping a split term to both', () => {
    const text = '"v=spf1 ip4:192.0.2.1 inc" "lude:_spf.example.com -all"';
    const input = read(text);
    assert.equal(input.kind, 'quoted');
    const start = input.value.value.indexOf('include');
    assert.deepEqual(mapValueRange(input.value, { start, end: start + 'include'.length }), [rangeOf(text, 'inc'), rangeOf(text, 'lude')]);
  });

  it('reads a panel value with typographic quotes and reports each of them', () => {
    const text = '\u201Cv=spf1 include:_spf.example.com ~all\u201D';
    const input = read(text);
    assert.equal(input.value.value, 'v=spf1 include:_spf.example.com ~all');
    assert.deepEqual(input.notes.map((note) => [note.range, note.reason.slice(0, 20)]), [
      [{ start: 0, end: 1 }, 'typographic quote \u201C '],
      [{ start: text.length - 1, end: text.length }, 'typographic quote \u201D '],
    ]);
  });

  it('notes a non-breaking space inside the value', () => {
    const text = 'v=spf1\u00A0-all';
    assert.deepEqual(read(text).notes.map((note) => note.range), [{ start: 6, end: 7 }]);
  });

  it('gives clear reasons for input that is not a TXT record', () => {
    const reasons = ['', '   \n', 'a\0b', 'x'.repeat(200000), 'hello world', '; only a comment'].map((text) => {
      const result = readTxtInput(text);
      return result.ok ? 'ok' : result.error.reason;
    });
    assert.deepEqual(reasons, [
      'the selection is empty',
      'the selection is empty',
      'binary data (NUL byte): not a TXT record',
      'the selection is 200000 characters long; a TXT record is at most 65,535 octets',
      'no SPF value (v=spf1 ...) or TXT record found',
      'the selection holds only comments',
    ]);
  });

  it('reports an unterminated quote as an error of the record', () => {
    const input = read('"v=spf1 -all');
    assert.deepEqual(input.errors.map((error) => error.reason), ['unterminated quoted string: no closing " on this line']);
    assert.equal(input.value.value, 'v=spf1 -all');
  });
});
