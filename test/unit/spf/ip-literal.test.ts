import assert from 'node:assert/strict';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { parseFourPartDecimal, parseIpv6 } from '../../../src/core/spf/ip-literal';

/** What ipaddr.js alone says about an IPv4 literal: the parts when it is a strict dotted quad. */
function ipaddrFourPart(text: string): number[] | undefined {
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text).octets : undefined;
}

/** What ipaddr.js alone says about an IPv6 literal without zone index. */
function ipaddrIpv6(text: string): number[] | undefined {
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  return ipaddr.IPv6.parse(text).parts;
}

const decimalPart = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('', '00', '01', '007', '0x1f', '1000', ' 1', 'a'));
const ipv4Text = fc.oneof(
  fc.array(decimalPart, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.')),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', 'x', '-'), maxLength: 16 }),
);

const hexGroup = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)), fc.constantFrom('0000', 'FFFF', 'aBcD', '00001', 'g', '', '1.2.3.4'));
const ipv6Text = fc.oneof(
  fc.array(hexGroup, { minLength: 1, maxLength: 9 }).map((groups) => groups.join(':')),
  fc.tuple(fc.array(hexGroup, { maxLength: 8 }), fc.array(hexGroup, { maxLength: 8 })).map(([head, tail]) => `${head.join(':')}::${tail.join(':')}`),
  fc.string({ unit: fc.constantFrom('0', '1', 'a', 'F', ':', '.', '%', 'z'), maxLength: 24 }),
);

describe('IP address literals', () => {
  it('reads a dotted quad exactly as ipaddr.js isValidFourPartDecimal and parse do', () => {
    fc.assert(
      fc.property(ipv4Text, (text) => {
        assert.deepEqual(parseFourPartDecimal(text)?.octets, ipaddrFourPart(text), text);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads IPv6 exactly as ipaddr.js isValid and parse do, refusing a zone index', () => {
    fc.assert(
      fc.property(ipv6Text, (text) => {
        assert.deepEqual(parseIpv6(text)?.parts, ipaddrIpv6(text), text);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles the edge spellings of RFC 4291 §2.2 like ipaddr.js', () => {
    for (const text of ['::', '::1', '1::', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8', '1::2::3', ':1::', '1:::2', '::ffff:192.0.2.1', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', ':', '']) {
      assert.deepEqual(parseIpv6(text)?.parts, ipaddrIpv6(text), text);
    }
    for (const text of ['0.0.0.0', '255.255.255.255', '256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1..3.4', '1.2.3.4.', '']) {
      assert.deepEqual(parseFourPartDecimal(text)?.octets, ipaddrFourPart(text), text);
    }
  });
});
