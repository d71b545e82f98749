import * as assert from 'node:assert/strict';
import { codeLanguageOfFile, findSpfStrings } from '../../../src/core/readers/code/find-spf-strings';
import { mapValueRange, type TxtValue } from '../../../src/core/readers/txt/txt-value';
import { rangeOf, readFixture } from './fixture-helpers';

/** Document ranges that a term of the value maps to. */
function termRanges(value: TxtValue, term: string) {
  const start = value.value.indexOf(term);
  assert.ok(start >= 0, `value contains ${term}`);
  return mapValueRange(value, { start, end: start + term.length });
}

describe('findSpfStrings: octoDNS YAML', () => {
  const text = readFixture('dns-as-code', 'octodns.yaml');
  const found = findSpfStrings(text, 'yaml');

  it('finds double-quoted, folded plain and single-quoted SPF values, not comments', () => {
    assert.deepEqual(found.values.map((value) => value.value), [
      'v=spf1 include:_spf.google.com ip4:192.0.2.1 ~all',
      'v=spf1 a:mail.example.com -all',
      "v=spf1 exp=it's.example.com -all",
    ]);
    assert.deepEqual(found.issues, []);
    assert.deepEqual(found.values.map((value) => value.strings[0].syntax), ['yaml-double', 'yaml-plain', 'yaml-single']);
  });

  it('maps escapes and folded line breaks to their whole source spans', () => {
    const [double, plain, single] = found.values;
    assert.deepEqual(double.strings[0].range, rangeOf(text, '"v=spf1 include:_spf.google.com\\x20ip4:192.0.2.1 ~all"'));
    const escape = rangeOf(text, '\\x20');
    assert.deepEqual(termRanges(double, ' ip4'), [{ start: escape.start, end: escape.end + 3 }]);
    const fold = rangeOf(text, '\n    -all');
    assert.deepEqual(termRanges(plain, ' -all'), [{ start: fold.start, end: fold.end }]);
    const quote = rangeOf(text, "it''s");
    assert.deepEqual(termRanges(single, "it's"), [quote]);
  });
});

describe('findSpfStrings: Terraform HCL', () => {
  const text = readFixture('dns-as-code', 'main.tf');
  const found = findSpfStrings(text, 'hcl');

  it('decodes \\" and $${ and skips comments, heredocs and interpolated strings', () => {
    assert.deepEqual(found.values.map((value) => value.value), ['v=spf1 include:amazonses.com "quoted" ${literal} ~all']);
    assert.deepEqual(found.values[0].strings[0].range, rangeOf(text, '"v=spf1 include:amazonses.com \\"quoted\\" $${literal} ~all"'));
    assert.deepEqual(termRanges(found.values[0], '${'), [rangeOf(text, '$${')]);
    assert.deepEqual(found.issues.map((issue) => [text.slice(issue.range.start, issue.range.end), issue.reason]), [
      ['"v=spf1 ip4:${var.sender_ip} -all"', 'string with ${...} or %{...} cannot be read without evaluating the configuration'],
    ]);
  });
});

describe('findSpfStrings: JSON', () => {
  const text = readFixture('dns-as-code', 'records.json');

  it('decodes \\uXXXX escapes and maps them to the six source characters', () => {
    const found = findSpfStrings(text, 'json');
    assert.deepEqual(found.values.map((value) => value.value), ['v=spf1 include:spf.protection.outlook.com -all']);
    assert.deepEqual(termRanges(found.values[0], '-'), [rangeOf(text, '\\u002d')]);
  });

  it('maps a surrogate pair written as two escapes unit by unit', () => {
    const json = '["v=spf1 \\ud83d\\ude00 -all"]';
    const value = findSpfStrings(json, 'json').values[0];
    assert.equal(value.value, 'v=spf1 \u{1F600} -all');
    assert.deepEqual(termRanges(value, '\u{1F600}'), [rangeOf(json, '\\ud83d\\ude00')]);
    assert.equal(value.strings[0].octets, 'v=spf1 '.length + 4 + ' -all'.length);
  });
});

describe('findSpfStrings: DNSControl JavaScript', () => {
  const text = readFixture('dns-as-code', 'dnsconfig.js');
  const found = findSpfStrings(text, 'javascript');

  it('joins + concatenations across quote styles, decodes escapes and skips templates with ${}', () => {
    assert.deepEqual(found.values.map((value) => value.value), [
      'v=spf1 include:_spf.google.com include:mailgun.org ~all',
      'v=spf1 a:news.example.com -all',
    ]);
    assert.deepEqual(found.values[0].strings.map((item) => [item.range, item.syntax]), [
      [rangeOf(text, "'v=spf1 include:_spf.google.com '"), 'js-single'],
      [rangeOf(text, '"include:mailgun.org "'), 'js-double'],
      [rangeOf(text, '`~all`'), 'js-template'],
    ]);
    assert.deepEqual(termRanges(found.values[1], '-'), [rangeOf(text, '\\x2d')]);
    assert.deepEqual(found.issues.map((issue) => text.slice(issue.range.start, issue.range.end)), ['`v=spf1 ip4:${IP} -all`']);
  });

  it('maps a term split by a concatenation to one range per literal', () => {
    const value = found.values[0];
    const ranges = termRanges(value, 'google.com include:mailgun');
    assert.deepEqual(ranges, [
      { start: text.indexOf('google.com '), end: text.indexOf("google.com '") + 'google.com '.length },
      { start: text.indexOf('include:mailgun'), end: text.indexOf('include:mailgun') + 'include:mailgun'.length },
    ]);
  });
});

describe('codeLanguageOfFile', () => {
  it('recognises DNS-as-code file names', () => {
    assert.deepEqual(
      ['zone.yaml', 'a.YML', 'main.tf', 'x.hcl', 'r.json', 'dnsconfig.js', 'c.mjs', 'd.ts', 'db.example'].map(codeLanguageOfFile),
      ['yaml', 'yaml', 'hcl', 'hcl', 'json', 'javascript', 'javascript', 'typescript', undefined],
    );
  });
});
