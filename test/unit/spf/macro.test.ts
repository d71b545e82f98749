import * as assert from 'node:assert/strict';
import ipaddr from 'ipaddr.js';
import type { SpfSyntaxError } from '../../../src/core/spf/ast';
import { createMacroContext, expandMacroString, expandMacroText, parseMacroString, type MacroContext } from '../../../src/core/spf/macro';

function rfcContext(ip: string): MacroContext {
  return createMacroContext({
    sender: 'strong-bad@email.example.com',
    localPart: 'strong-bad',
    senderDomain: 'email.example.com',
    domain: 'email.example.com',
    ip: ipaddr.parse(ip),
    helo: 'mx.example.org',
    receivingHost: 'mail.example.net',
    timestamp: 1700000000,
  });
}

function expand(text: string, context: MacroContext, kind: 'domain-spec' | 'explain-string' = 'domain-spec'): string | undefined {
  const result = expandMacroText(text, context, kind);
  assert.deepEqual(result.errors, [], `errors in ${text}`);
  return result.value;
}

describe('SPF macros (RFC 7208 §7)', () => {
  const ipv4 = rfcContext('192.0.2.3');
  // RFC 7208 §7.4, the examples with <sender> strong-bad@email.example.com and IP 192.0.2.3.
  const examples: Array<[string, string]> = [
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ];
  for (const [macro, expected] of examples) {
    it(`expands ${macro} to ${expected}`, () => {
      assert.equal(expand(macro, ipv4), expected);
    });
  }

  it('expands the IPv6 example of RFC 7208 §7.4 (nibbles; case is not significant in names)', () => {
    const value = expand('%{ir}.%{v}._spf.%{d2}', rfcContext('2001:db8::cb01'));
    assert.equal(value?.toLowerCase(), '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com');
  });

  it('expands h, c, r, t, p and the escapes', () => {
    assert.equal(expand('%{h}', ipv4), 'mx.example.org');
    assert.equal(expand('%{c} %{r} %{t} %{p}%%%_%-', ipv4, 'explain-string'), '192.0.2.3 mail.example.net 1700000000 unknown% %20');
    assert.equal(expand('%{p}', { ...ipv4, validatedDomain: 'mx.example.org' }), 'mx.example.org');
    assert.equal(expand('%{c}', rfcContext('2001:db8::cb01'), 'explain-string'), '2001:db8::cb01');
  });

  it('URL-encodes upper-case macros (RFC 7208 §7.3)', () => {
    const context = { ...ipv4, localPart: "jack&jill=up!'~" };
    assert.equal(expand('%{L}', context), "jack%26jill%3Dup%21%27~");
    assert.equal(expand('%{l}', context), "jack&jill=up!'~");
  });

  it('splits on every given delimiter and joins with dots', () => {
    const context = { ...ipv4, localPart: 'a+b,c/d_e=f-g.h' };
    assert.equal(expand('%{l+,/_=-}', context), 'a.b.c.d.e.f.g.h');
    assert.equal(expand('%{l2+}', context), 'a.b,c/d_e=f-g.h');
    assert.equal(expand('%{l1+}', context), 'b,c/d_e=f-g.h');
  });

  it('accepts c, r, t only in explanation text (RFC 7208 §7.2)', () => {
    for (const letter of ['c', 'r', 't']) {
      const errors: SpfSyntaxError[] = [];
      parseMacroString(`%{${letter}}.example.com`, 0, 14, 'domain-spec', errors);
      assert.equal(errors[0]?.code, 'macro-not-allowed');
      assert.deepEqual(errors[0].range, { start: 0, end: 4 });
      assert.deepEqual(expandMacroText(`%{${letter}}`, ipv4, 'explain-string').errors, []);
    }
  });

  it('rejects a bare percent sign and unknown letters with ranges', () => {
    const bare = expandMacroText('100%.example.com', ipv4);
    assert.equal(bare.value, undefined);
    assert.deepEqual(bare.errors[0].range, { start: 3, end: 5 });
    const unknown = expandMacroText('x.%{z}.example.com', ipv4);
    assert.deepEqual(unknown.errors[0].range, { start: 2, end: 5 });
  });

  it('truncates expanded domain names to 253 characters by dropping left labels (RFC 7208 §7.3)', () => {
    const label = 'a'.repeat(60);
    const context = { ...ipv4, localPart: `${label}.${label}.${label}.${label}.${label}` };
    const value = expand('%{l}.example.com', context);
    assert.ok(value);
    assert.ok(value.length <= 253, `length ${value.length}`);
    // 5 labels of 60 and "example.com" make 316 characters; dropping one label leaves 255, two leave 194.
    assert.equal(value, `${label}.${label}.${label}.example.com`);
  });

  it('keeps the right end of huge expansions and stays within 253 characters', () => {
    const context = { ...ipv4, sender: `${'x'.repeat(50)}.`.repeat(200) + 'tail' };
    const text = `${'%{s}'.repeat(400)}.example.com`;
    const errors: SpfSyntaxError[] = [];
    const parsed = parseMacroString(text, 0, text.length, 'domain-spec', errors);
    const value = expandMacroString(parsed, context, 'domain-spec');
    assert.ok(value.length <= 253);
    assert.ok(value.endsWith('.tail.example.com'));
    assert.ok(expandMacroString(parsed, context, 'explain-string').length <= 1024);
  });
});
