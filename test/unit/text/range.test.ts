import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/text/range';
import { LineIndex, offsetToLineColumn } from '../../../src/core/text/line-index';

describe('applyEdits', () => {
  it('applies edits given in any order without shifting each other', () => {
    const result = applyEdits('v=spf1 a ~all', [
      { range: { start: 9, end: 10 }, newText: '-' },
      { range: { start: 7, end: 7 }, newText: 'ip4:192.0.2.1 ' },
    ]);
    assert.deepEqual(result, { ok: true, text: 'v=spf1 ip4:192.0.2.1 a -all' });
  });

  it('keeps the given order of insertions at one offset and puts them before a replacement there', () => {
    const result = applyEdits('abc', [
      { range: { start: 1, end: 2 }, newText: 'X' },
      { range: { start: 1, end: 1 }, newText: '1' },
      { range: { start: 1, end: 1 }, newText: '2' },
    ]);
    assert.deepEqual(result, { ok: true, text: 'a12Xc' });
  });

  it('refuses overlapping edits and ranges outside the text', () => {
    const overlap = applyEdits('abcdef', [
      { range: { start: 1, end: 4 }, newText: '' },
      { range: { start: 3, end: 5 }, newText: '' },
    ]);
    assert.equal(overlap.ok, false);
    assert.equal(applyEdits('abc', [{ range: { start: 2, end: 4 }, newText: '' }]).ok, false);
    assert.equal(applyEdits('abc', [{ range: { start: 2, end: 1 }, newText: '' }]).ok, false);
    assert.equal(applyEdits('abc', [{ range: { start: 0.5, end: 1 }, newText: '' }]).ok, false);
  });

  it('returns the text unchanged for no edits', () => {
    assert.deepEqual(applyEdits('same', []), { ok: true, text: 'same' });
  });
});

describe('LineIndex', () => {
  const text = 'ab\r\ncd\nef\rgh';
  const index = new LineIndex(text);

  it('counts CRLF, LF and lone CR as line breaks', () => {
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, column: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('f')), { line: 2, column: 1 });
    assert.deepEqual(index.positionAt(text.indexOf('h')), { line: 3, column: 1 });
    assert.deepEqual(index.positionAt(text.indexOf('\r')), { line: 0, column: 2 });
  });

  it('converts back to offsets and clamps to the line content', () => {
    assert.equal(index.offsetAt({ line: 2, column: 1 }), text.indexOf('f'));
    assert.equal(index.offsetAt({ line: 0, column: 99 }), text.indexOf('\r'));
    assert.equal(index.offsetAt({ line: 9, column: 0 }), text.length);
    assert.deepEqual(offsetToLineColumn(text, 1000), { line: 3, column: 2 });
  });
});
