import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MechanismTerm, ModifierTerm, SpfRecord } from '../../../src/core/spf/ast';
import { isSpfRecordText, parseRecord, parseRecordOnce } from '../../../src/core/spf/parser';
import type { TextRange } from '../../../src/core/text/range';

function slice(record: SpfRecord, range: TextRange | undefined): string | undefined {
  return range === undefined ? undefined : record.text.slice(range.start, range.end);
}

function mechanism(record: SpfRecord, index: number): MechanismTerm {
  const term = record.terms[index];
  assert.equal(term.kind, 'mechanism', `term ${index} is ${term.kind}`);
  return term as MechanismTerm;
}

describe('SPF parser', () => {
  it('parseRecordOnce reads a record like parseRecord, without reading or filling the cache', () => {
    const text = 'v=spf1 ip4:192.0.2.0/24 include:_spf.example.com ~all exp=%{d}.x.example';
    const once = parseRecordOnce(text);
    assert.deepEqual(once.terms.map((term) => [term.kind, term.text, term.range]), parseRecord(text).terms.map((term) => [term.kind, term.text, term.range]));
    const fresh = `${text} `;
    assert.notEqual(parseRecordOnce(fresh), parseRecordOnce(fresh));
    assert.equal(parseRecord(fresh), parseRecord(fresh));
    assert.notEqual(parseRecordOnce(fresh), parseRecord(fresh));
  });


  it('gives every part of every term its exact range', () => {
    const record = parseRecord('v=spf1 -ip4:192.0.2.0/24 ~a:mail.example.com/24//64 include:_spf.example.net redirect=example.org');
    assert.deepEqual(record.errors, []);
    assert.equal(slice(record, record.versionRange), 'v=spf1');
    assert.deepEqual(record.terms.map((term) => term.text), ['-ip4:192.0.2.0/24', '~a:mail.example.com/24//64', 'include:_spf.example.net', 'redirect=example.org']);
    assert.deepEqual(record.terms.map((term) => slice(record, term.range)), record.terms.map((term) => term.text));

    const ip4 = mechanism(record, 0);
    assert.equal(ip4.qualifier, '-');
    assert.equal(slice(record, ip4.qualifierRange), '-');
    assert.equal(slice(record, ip4.nameRange), 'ip4');
    assert.equal(slice(record, ip4.network?.range), '192.0.2.0');
    assert.equal(ip4.network?.address.toString(), '192.0.2.0');
    assert.equal(ip4.network?.prefixLength, 24);
    assert.equal(slice(record, ip4.network?.cidr?.range), '/24');
    assert.equal(slice(record, ip4.network?.cidr?.valueRange), '24');

    const a = mechanism(record, 1);
    assert.equal(a.qualifier, '~');
    assert.equal(slice(record, a.domainSpec?.range), 'mail.example.com');
    assert.equal(slice(record, a.cidr?.range), '/24//64');
    assert.equal(a.cidr?.ip4?.value, 24);
    assert.equal(slice(record, a.cidr?.ip4?.range), '/24');
    assert.equal(a.cidr?.ip6?.value, 64);
    assert.equal(slice(record, a.cidr?.ip6?.range), '//64');
    assert.equal(slice(record, a.cidr?.ip6?.valueRange), '64');

    const include = mechanism(record, 2);
    assert.equal(include.qualifier, '+');
    assert.equal(include.qualifierRange, undefined);
    assert.equal(slice(record, include.domainSpec?.range), '_spf.example.net');
    assert.equal(include.domainSpec?.hasMacros, false);

    const redirect = record.terms[3] as ModifierTerm;
    assert.equal(redirect.kind, 'modifier');
    assert.equal(redirect.known, true);
    assert.equal(slice(record, redirect.nameRange), 'redirect');
    assert.equal(slice(record, redirect.value.range), 'example.org');
    assert.equal(record.redirect, redirect);
    assert.deepEqual(record.mechanisms.map((term) => term.name), ['ip4', 'a', 'include']);
  });

  it('reads names case-insensitively and keeps unknown modifiers', () => {
    const record = parseRecord('V=SpF1 MX A:Example.COM//48 Foo.Bar=%{d} -ALL');
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.mechanisms.map((term) => term.name), ['mx', 'a', 'all']);
    assert.equal(mechanism(record, 1).cidr?.ip6?.value, 48);
    assert.equal(mechanism(record, 1).cidr?.ip4, undefined);
    const unknown = record.terms[2] as ModifierTerm;
    assert.equal(unknown.kind, 'modifier');
    assert.equal(unknown.name, 'foo.bar');
    assert.equal(unknown.known, false);
    assert.equal(unknown.value.parts[0].kind, 'macro');
  });

  it('parses ip6 networks with ipaddr.js and the CIDR of a bare a/mx', () => {
    const record = parseRecord('v=spf1 ip6:2001:DB8::/32 mx/26 a//64');
    assert.deepEqual(record.errors, []);
    assert.equal(mechanism(record, 0).network?.address.toString(), '2001:db8::');
    assert.equal(mechanism(record, 0).network?.prefixLength, 32);
    assert.equal(mechanism(record, 1).cidr?.ip4?.value, 26);
    assert.equal(mechanism(record, 1).domainSpec, undefined);
    assert.equal(slice(record, mechanism(record, 2).cidr?.range), '//64');
  });

  it('gives macros their parts and ranges', () => {
    const record = parseRecord('v=spf1 exists:%{ir}.%{L2r-+}._spf.%{d}%%x.example.com');
    assert.deepEqual(record.errors, []);
    const spec = mechanism(record, 0).domainSpec;
    assert.ok(spec);
    const macros = spec.parts.filter((part) => part.kind === 'macro');
    assert.deepEqual(macros.map((macro) => slice(record, macro.range)), ['%{ir}', '%{L2r-+}', '%{d}']);
    const second = macros[1];
    assert.ok(second.kind === 'macro');
    assert.equal(second.letter, 'l');
    assert.equal(second.urlEncode, true);
    assert.equal(second.digits, 2);
    assert.equal(slice(record, second.digitsRange), '2');
    assert.equal(second.reverse, true);
    assert.equal(slice(record, second.reverseRange), 'r');
    assert.equal(second.delimiters, '-+');
    assert.equal(slice(record, second.delimitersRange), '-+');
    const escape = spec.parts.find((part) => part.kind === 'escape');
    assert.equal(slice(record, escape?.range), '%%');
    assert.equal(spec.parts.map((part) => part.text).join(''), spec.text);
  });

  const errorCases: Array<[string, string, string]> = [
    ['v=spf1 foo:example.com -all', 'foo:example.com', 'unknown-mechanism'],
    ['v=spf1 ip4:192.0.2 -all', '192.0.2', 'invalid-ip'],
    ['v=spf1 ip4:192.0.2.1/33', '/33', 'invalid-cidr'],
    ['v=spf1 ip4:192.0.2.1//32', '//32', 'invalid-cidr'],
    ['v=spf1 ip6:2001:db8::1/129', '/129', 'invalid-cidr'],
    ['v=spf1 ip6:fe80::1%eth0', 'fe80::1%eth0', 'invalid-ip'],
    ['v=spf1 a/024', '/024', 'invalid-cidr'],
    ['v=spf1 a:museum', 'museum', 'invalid-domain'],
    ['v=spf1 a:example.123', 'example.123', 'invalid-domain'],
    ['v=spf1 include', 'include', 'missing-domain'],
    ['v=spf1 exists:%{x}.example.com', '%{x', 'invalid-macro'],
    ['v=spf1 exists:%{d0}.example.com', '0', 'invalid-macro'],
    ['v=spf1 exists:%{d.example.com', '%{d.e', 'invalid-macro'],
    ['v=spf1 exists:50%.example.com', '%.', 'invalid-macro'],
    ['v=spf1 exists:%{c}.example.com', '%{c}', 'macro-not-allowed'],
    ['v=spf1 -redirect=example.com', '-redirect=example.com', 'qualified-modifier'],
    ['v=spf1 all:example.com', ':example.com', 'unexpected-argument'],
    ['v=spf1 redirect=a.example.com redirect=b.example.com', 'redirect=b.example.com', 'duplicate-modifier'],
    ['v=spf1 exp=a.example.com EXP=b.example.com', 'EXP=b.example.com', 'duplicate-modifier'],
    ['v=spf1 a:ex\u00e4mple.com', '\u00e4', 'invalid-character'],
    ['v=spf1mx', 'v=spf1mx', 'not-spf'],
    ['v=spf1 1abc=x', '1abc', 'invalid-modifier-name'],
  ];
  for (const [text, rangeText, code] of errorCases) {
    it(`reports ${code} at "${rangeText}" in ${JSON.stringify(text)}`, () => {
      const record = parseRecord(text);
      const error = record.errors.find((candidate) => candidate.code === code);
      assert.ok(error, `no ${code} error: ${JSON.stringify(record.errors)}`);
      assert.equal(slice(record, error.range), rangeText);
      assert.ok(error.reason.length > 0);
    });
  }

  it('marks unknown mechanisms as invalid terms that keep their name', () => {
    const record = parseRecord('v=spf1 ip5:192.0.2.1 -all');
    assert.equal(record.terms[0].kind, 'invalid');
    assert.equal(record.terms[0].kind === 'invalid' ? record.terms[0].name : undefined, 'ip5');
    assert.equal(record.errors[0].termIndex, 0);
    assert.deepEqual(record.mechanisms.map((term) => term.name), ['all']);
  });

  it('recognises SPF records by the v=spf1 tag followed by a space or the end (RFC 7208 §4.5)', () => {
    assert.equal(isSpfRecordText('v=spf1'), true);
    assert.equal(isSpfRecordText('V=SPF1 -all'), true);
    assert.equal(isSpfRecordText('v=spf1-all'), false);
    assert.equal(isSpfRecordText('v=spf10 -all'), false);
    assert.equal(isSpfRecordText(' v=spf1 -all'), false);
  });

  it('never throws and keeps every range inside the text, for any input', () => {
    const alphabet = fc.constantFrom(...'v=spf1 :/%{}.-+~?_aimnxpeludrst0123469 \u00e9\t'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 80 }), (tail) => {
        const text = `v=spf1 ${tail}`;
        const record = parseRecord(text);
        for (const error of record.errors) {
          assert.ok(error.range.start >= 0 && error.range.start <= error.range.end && error.range.end <= text.length);
        }
        for (const term of record.terms) {
          assert.equal(text.slice(term.range.start, term.range.end), term.text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
