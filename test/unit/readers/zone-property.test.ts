import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../src/core/text/range';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import { mapValueEdit } from '../../../src/core/readers/txt/value-edit';
import { sourceOffsetOf, type TxtValue } from '../../../src/core/readers/txt/txt-value';

const PROPERTY_SETTINGS = { seed: 20261127, numRuns: 300 };

const characters = fc.constantFrom(
  ...'abcxyz019 :=.-~+/'.split(''), '"', '\\', ';', '(', ')', '\t', '\x01', '\x7f', 'é', 'あ', '\u{1F600}',
);
const txtString = fc.array(characters, { maxLength: 40 }).map((chars) => chars.join(''));

/** How one character is spelled in the generated zone text. */
type Spelling = 'plain' | 'backslash' | 'decimal';

/** Writes a string as a quoted master-file string, each character spelled one of the allowed ways. */
function writeQuoted(text: string, spellings: Spelling[]): string {
  let out = '"';
  let index = 0;
  for (const ch of text) {
    const spelling = spellings[index++ % spellings.length];
    const code = ch.codePointAt(0)!;
    const mustEscape = ch === '"' || ch === '\\' || code < 0x20 || code === 0x7f;
    if (spelling === 'decimal' || (mustEscape && code < 0x20) || code === 0x7f) {
      out += [...Buffer.from(ch, 'utf8')].map((octet) => `\\${String(octet).padStart(3, '0')}`).join('');
    } else if ((spelling === 'backslash' && !/\d/.test(ch)) || mustEscape) {
      // RFC 1035 §5.1: "\X" escapes any X other than a digit; a digit after "\" starts \DDD.
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

/** Independent decoding of one unit's source span: literal text, `\X`, or `\DDD` octets (UTF-8). */
function decodeSpan(span: string): string {
  if (!span.startsWith('\\')) return span;
  if (/^(\\\d{3})+$/.test(span)) return Buffer.from(span.slice(1).split('\\').map(Number)).toString('utf8');
  return span.slice(1);
}

function assertMapConsistent(documentText: string, value: TxtValue): void {
  for (const item of value.strings) {
    let unit = 0;
    while (unit < item.text.length) {
      const width = item.text.codePointAt(unit)! > 0xffff ? 2 : 1;
      const start = sourceOffsetOf(item, unit);
      const end = sourceOffsetOf(item, unit + width);
      assert.ok(item.contentRange.start <= start && end <= item.contentRange.end);
      assert.equal(decodeSpan(documentText.slice(start, end)), item.text.slice(unit, unit + width));
      unit += width;
    }
  }
}

const zoneCase = fc.record({
  strings: fc.array(txtString, { minLength: 1, maxLength: 5 }),
  spellings: fc.array(fc.constantFrom<Spelling>('plain', 'backslash', 'decimal'), { minLength: 1, maxLength: 5 }),
  parenthesised: fc.boolean(),
  crlf: fc.boolean(),
});

function writeZone(strings: string[], spellings: Spelling[], parenthesised: boolean, crlf: boolean): string {
  const newline = crlf ? '\r\n' : '\n';
  const written = strings.map((text) => writeQuoted(text, spellings));
  const data = parenthesised ? `( ${written.join(` ; note "x"${newline}    `)} )` : written.join(' ');
  return ['$ORIGIN example.com.', 'before A 192.0.2.1', `spf 300 IN TXT ${data}`, 'after A 192.0.2.2', ''].join(newline);
}

describe('zone TXT strings (property tests)', () => {
  it('any strings written as zone text read back to the same value with a consistent offset map', () => {
    fc.assert(
      fc.property(zoneCase, ({ strings, spellings, parenthesised, crlf }) => {
        const text = writeZone(strings, spellings, parenthesised, crlf);
        const zone = readZone(text);
        assert.deepEqual(zone.errors, []);
        assert.equal(zone.records.length, 3);
        const value = zone.records[1].txt!;
        assert.deepEqual(value.strings.map((item) => item.text), strings);
        assert.equal(value.value, strings.join(''));
        assert.deepEqual(value.strings.map((item) => item.octets), strings.map((item) => Buffer.byteLength(item, 'utf8')));
        assertMapConsistent(text, value);
      }),
      PROPERTY_SETTINGS,
    );
  });

  it('a mapped value edit gives the expected value, strings of at most 255 octets, and changes nothing outside the record', () => {
    const editCase = fc.record({
      strings: fc.array(fc.array(characters, { maxLength: 120 }).map((chars) => chars.join('')), { minLength: 1, maxLength: 3 }),
      spellings: fc.array(fc.constantFrom<Spelling>('plain', 'backslash', 'decimal'), { minLength: 1, maxLength: 3 }),
      parenthesised: fc.boolean(),
      insertion: fc.array(characters, { maxLength: 300 }).map((chars) => chars.join('')),
      at: fc.nat(),
      length: fc.nat({ max: 20 }),
    });
    fc.assert(
      fc.property(editCase, ({ strings, spellings, parenthesised, insertion, at, length }) => {
        const text = writeZone(strings, spellings, parenthesised, false);
        const value = readZone(text).records[1].txt!;
        // Edit on code point boundaries, as an editor would.
        const points = [...value.value];
        const startPoint = at % (points.length + 1);
        const endPoint = Math.min(points.length, startPoint + length);
        const start = points.slice(0, startPoint).join('').length;
        const end = points.slice(0, endPoint).join('').length;
        const mapped = mapValueEdit(text, value, { range: { start, end }, newText: insertion });
        assert.ok(mapped.ok);
        const applied = applyEdits(text, mapped.edits);
        assert.ok(applied.ok);
        const reread = readZone(applied.text);
        assert.deepEqual(reread.errors, []);
        const newValue = reread.records[1].txt!;
        assert.equal(newValue.value, value.value.slice(0, start) + insertion + value.value.slice(end));
        for (const item of newValue.strings) assert.ok(item.octets <= 255, `string of ${item.octets} octets`);
        assert.equal(applied.text.slice(0, value.range.start), text.slice(0, value.range.start));
        const tail = text.slice(value.range.end);
        assert.ok(applied.text.endsWith(tail));
        assertMapConsistent(applied.text, newValue);
      }),
      PROPERTY_SETTINGS,
    );
  });
});
