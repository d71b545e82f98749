import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import type { MechanismTerm } from '../../../src/core/spf/ast';
import { acceptedAddressOctets, isDottedQuad, isDottedQuadAt, isHexGroupsIPv6, isHexGroupsIPv6At } from '../../../src/core/spf/network-text';
import { parseRecord } from '../../../src/core/spf/parser';

function mechanisms(text: string): MechanismTerm[] {
  const record = parseRecord(text);
  assert.deepEqual(record.errors, [], `errors in ${text}`);
  return record.mechanisms;
}

describe('SPF parser: values computed on read', () => {
  it('rebuilds a plain domain-spec as one literal covering its range, before a dual CIDR', () => {
    const [include, a] = mechanisms('v=spf1 include:_spf.google.com a:Mail.Example.com/24//64');
    assert.deepEqual(include.domainSpec?.range, { start: 15, end: 30 });
    assert.equal(include.domainSpec?.text, '_spf.google.com');
    assert.deepEqual(include.domainSpec?.parts, [{ kind: 'literal', range: { start: 15, end: 30 }, text: '_spf.google.com' }]);
    assert.equal(include.domainSpec?.hasMacros, false);
    assert.equal(include.domainSpec?.usesPtr, false);
    assert.equal(a.domainSpec?.text, 'Mail.Example.com');
    assert.deepEqual(a.domainSpec?.range, { start: 33, end: 49 });
    assert.deepEqual(a.cidr, { range: { start: 49, end: 56 }, ip4: { value: 24, range: { start: 49, end: 52 }, valueRange: { start: 50, end: 52 } }, ip6: { value: 64, range: { start: 52, end: 56 }, valueRange: { start: 54, end: 56 } } });
  });

  it('keeps macro-strings with macros as parsed, and has no domain-spec where none is written', () => {
    const [exists, a, ptr, all] = mechanisms('v=spf1 exists:%{p}.%{d} a ptr -all');
    assert.equal(exists.domainSpec?.hasMacros, true);
    assert.equal(exists.domainSpec?.usesPtr, true);
    assert.deepEqual(exists.domainSpec?.parts.map((part) => part.kind), ['macro', 'literal', 'macro']);
    assert.equal(exists.domainSpec?.parts, exists.domainSpec?.parts);
    assert.equal(a.domainSpec, undefined);
    assert.equal(ptr.domainSpec, undefined);
    assert.equal(all.domainSpec, undefined);
    assert.equal(all.network, undefined);
    assert.equal(all.cidr, undefined);
  });

  it('gives ip4 and ip6 networks the address ipaddr.js parses, the same object on every read', () => {
    const [v4, v6, mapped] = mechanisms('v=spf1 ip4:192.0.2.7/24 ip6:2001:DB8:1::/48 ip6:::ffff:192.0.2.1');
    assert.equal(v4.network?.text, '192.0.2.7');
    assert.deepEqual(v4.network?.range, { start: 11, end: 20 });
    assert.equal(v4.network?.prefixLength, 24);
    assert.deepEqual(v4.network?.cidr, { value: 24, range: { start: 20, end: 23 }, valueRange: { start: 21, end: 23 } });
    assert.deepEqual(v4.network?.address.toByteArray(), ipaddr.IPv4.parse('192.0.2.7').toByteArray());
    assert.equal(v4.network?.address, v4.network?.address);
    assert.equal(v6.network?.address.toString(), '2001:db8:1::');
    assert.equal(v6.network?.address, v6.network?.address);
    assert.equal(v6.network?.prefixLength, 48);
    assert.equal(mapped.network?.address.toString(), ipaddr.IPv6.parse('::ffff:192.0.2.1').toString());
    assert.equal(mapped.network?.prefixLength, 128);
    assert.equal(mapped.network?.cidr, undefined);
  });

  it('computes qualifiers, name ranges and term texts from the record text', () => {
    const record = parseRecord('v=spf1  ~MX:example.com   redirect=example.org');
    const [mx, redirect] = record.terms;
    assert.equal(mx.kind, 'mechanism');
    assert.equal(mx.kind === 'mechanism' ? mx.qualifier : undefined, '~');
    assert.deepEqual(mx.kind === 'mechanism' ? mx.qualifierRange : undefined, { start: 8, end: 9 });
    assert.deepEqual(mx.kind === 'mechanism' ? mx.nameRange : undefined, { start: 9, end: 11 });
    assert.equal(mx.text, '~MX:example.com');
    assert.deepEqual(redirect.range, { start: 26, end: 46 });
    assert.equal(record.redirect, redirect);
    assert.deepEqual(record.versionRange, { start: 0, end: 6 });
    assert.deepEqual(record.mechanisms, [mx]);
  });
});

describe('SPF parser: term offsets and record parts kept compactly', () => {
  it('gives terms far into a long record, and very long terms, their exact texts and ranges', () => {
    const filler = Array.from({ length: 3000 }, (_, index) => `a:host${index}.example.com`).join(' ');
    const longName = `${'x'.repeat(70_000)}.example.com`;
    const text = `v=spf1 ${filler} -include:${longName} ip4:192.0.2.0/24 ~all`;
    const record = parseRecord(text);
    assert.deepEqual(record.errors, []);
    assert.equal(record.terms.length, 3003);
    let offset = 7;
    for (const term of record.terms) {
      const end = text.indexOf(' ', offset) < 0 ? text.length : text.indexOf(' ', offset);
      assert.deepEqual(term.range, { start: offset, end });
      assert.equal(term.text, text.slice(offset, end));
      offset = end + 1;
    }
    const [include, ip4, all] = record.mechanisms.slice(-3);
    assert.equal(include.index, 3000);
    assert.equal(include.name, 'include');
    assert.equal(include.qualifier, '-');
    assert.equal(include.domainSpec?.text, longName);
    assert.equal(ip4.network?.text, '192.0.2.0');
    assert.deepEqual(ip4.network?.cidr?.range, { start: text.length - 8, end: text.length - 5 });
    assert.equal(all.qualifier, '~');
    assert.equal(all.index, 3002);
  });

  it('shares terms as mechanisms only when every term is one, and keeps modifiers and errors apart', () => {
    const plain = parseRecord('v=spf1 a mx -all');
    assert.equal(plain.mechanisms, plain.terms);
    assert.deepEqual(plain.errors, []);
    assert.equal(plain.redirect, undefined);
    assert.equal(plain.exp, undefined);
    const mixed = parseRecord('v=spf1 a foo=bar mx exp=explain.example.com redirect=_spf.example.com bogus');
    assert.deepEqual(mixed.mechanisms.map((term) => term.text), ['a', 'mx']);
    assert.notEqual(mixed.mechanisms, mixed.terms);
    assert.equal(mixed.exp?.text, 'exp=explain.example.com');
    assert.equal(mixed.redirect?.text, 'redirect=_spf.example.com');
    assert.deepEqual(mixed.errors.map((error) => error.code), ['unknown-mechanism']);
  });
});

describe('SPF parser: address text checks agree with ipaddr.js', () => {
  const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '0x1', '256', '1e2', ''));
  const hexGroup = fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 1, maxLength: 5 }), fc.constantFrom('', '0', 'FFFF', 'g1'));

  it('accepts exactly the dotted quads ipaddr.js calls valid four-part decimals', () => {
    fc.assert(fc.property(fc.array(octet, { minLength: 1, maxLength: 5 }), (octets) => {
      const text = octets.join('.');
      assert.equal(isDottedQuad(text), ipaddr.IPv4.isValidFourPartDecimal(text), text);
    }), { numRuns: 3000 });
  });

  it('accepts only IPv6 texts that ipaddr.js parses', () => {
    fc.assert(fc.property(fc.array(hexGroup, { minLength: 1, maxLength: 10 }), (groups) => {
      const text = groups.join(':');
      if (isHexGroupsIPv6(text)) assert.ok(ipaddr.IPv6.isValid(text), text);
    }), { numRuns: 5000 });
    for (const text of ['::', '::1', '1::', '2001:db8:1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6::8']) assert.equal(isHexGroupsIPv6(text), true, text);
  });

  it('accepts exactly the plain hex-group form: eight groups, or up to seven around one "::", seven colons at most', () => {
    const form = /^(?!(?:[^:]*:){8})(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)$/i;
    const piece = fc.constantFrom('1', 'ab', 'FFFF', '12345', '0', ':', '::', '.', 'g', ' ', '1.2.3.4', '%1');
    const candidates = fc.oneof(
      fc.array(hexGroup, { minLength: 1, maxLength: 10 }).map((groups) => groups.join(':')),
      fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')),
    );
    fc.assert(fc.property(candidates, (text) => assert.equal(isHexGroupsIPv6(text), form.test(text), text)), { numRuns: 10000 });
    for (const text of ['', ':', ':::', '1::2::3', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7']) assert.equal(isHexGroupsIPv6(text), false, text);
  });

  it('reads the octets of an accepted text exactly as ipaddr.js does, and of no other text', () => {
    const piece = fc.constantFrom('1', '25', '255', '256', '0', '00', '.', ':', '::', 'a', 'F', 'g', '%', ' ', 'db8', '2001', 'ffff', '12345');
    const candidates = fc.oneof(
      fc.array(octet, { minLength: 1, maxLength: 5 }).map((octets) => octets.join('.')),
      fc.array(hexGroup, { minLength: 1, maxLength: 10 }).map((groups) => groups.join(':')),
      fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join('')),
    );
    fc.assert(fc.property(candidates, (text) => {
      const octets = acceptedAddressOctets(text);
      assert.equal(octets !== undefined, isDottedQuad(text) || isHexGroupsIPv6(text), text);
      if (octets) assert.deepEqual(octets, ipaddr.parse(text).toByteArray(), text);
    }), { numRuns: 10000 });
    for (const text of ['', ':', '::', ':::', '1::2::3', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1.2.3.4.', '1..2.3']) {
      assert.equal(acceptedAddressOctets(text) !== undefined, isDottedQuad(text) || isHexGroupsIPv6(text), text);
    }
  });

  it('reads every spelling ipaddr.js writes of random IPv6 addresses back to the same octets', () => {
    // Runs of zero groups make `::` appear at the start, middle and end.
    const group = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
      const address = new ipaddr.IPv6(groups);
      const octets = address.toByteArray();
      for (const text of [address.toString(), address.toNormalizedString(), groups.map((value) => value.toString(16).padStart(4, '0')).join(':'), address.toString().toUpperCase()]) {
        assert.deepEqual(acceptedAddressOctets(text), octets, text);
      }
    }), { numRuns: 3000 });
    assert.deepEqual(acceptedAddressOctets('2001:db8:ab::/48'.slice(0, -3)), [0x20, 0x01, 0x0d, 0xb8, 0, 0xab, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(acceptedAddressOctets('192.0.2.10'), [192, 0, 2, 10]);
    assert.equal(acceptedAddressOctets('::ffff:192.0.2.1'), undefined);
    assert.equal(acceptedAddressOctets('010.0.0.1'), undefined);
  });
});

describe('Address text checks at offsets agree with the checks of a copy', () => {
  const pieces = fc.constantFrom('1', '25', '255', '256', '0', '00', '.', ':', '::', 'a', 'F', 'g', '%', ' ', '"', ';', '\\', 'db8', '2001', '10');

  it('isDottedQuadAt and isHexGroupsIPv6At answer what the copy of the range gives, whatever surrounds it', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 14 }), fc.nat(), fc.nat(), (parts, a, b) => {
      const text = parts.join('');
      const start = a % (text.length + 1);
      const end = start + (b % (text.length - start + 1));
      const copy = text.slice(start, end);
      assert.equal(isDottedQuadAt(text, start, end), isDottedQuad(copy), `${JSON.stringify(text)} ${start}-${end}`);
      assert.equal(isHexGroupsIPv6At(text, start, end), isHexGroupsIPv6(copy), `${JSON.stringify(text)} ${start}-${end}`);
    }), { numRuns: 20000 });
    assert.equal(isDottedQuadAt('A 192.0.2.1 ; x', 2, 11), true);
    assert.equal(isDottedQuadAt('192.0.2.12', 0, 9), true);
    assert.equal(isHexGroupsIPv6At('AAAA 2001:db8::1\n', 5, 16), true);
    assert.equal(isHexGroupsIPv6At('2001:db8::1:2', 0, 11), true);
  });
});
