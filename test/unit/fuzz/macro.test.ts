import assert from 'node:assert/strict';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { createMacroContext, expandMacroText, MAX_EXPLANATION_LENGTH, type MacroStringKind } from '../../../src/core/spf/macro';
import { domainSpec, hostileText, macro, mutated } from '../../support/arbitraries';
import { budgetFor, CaseCounter, checkProperty, FUZZ_TIMEOUT_MS, withinBudget } from './fuzz-harness';

const KINDS: MacroStringKind[] = ['domain-spec', 'explain-string', 'modifier-value'];

/**
 * Request values, from ordinary to hostile: every character a delimiter, non-ASCII, and the
 * longest a mail server accepts (RFC 5321 §4.5.3.1: local-part 64, domain 255 octets).
 */
const contextFields = fc.record({
  localPart: fc.oneof(fc.constantFrom('user', 'first.last', 'a+b-c,d/e_f=g', ''), fc.string({ maxLength: 64 }), fc.constantFrom('a.'.repeat(32), '-.+,/_='.repeat(9))),
  domain: fc.oneof(fc.constantFrom('example.com', 'xn--r8jz45g.jp', `${'a.'.repeat(125)}jp`), fc.string({ maxLength: 40 })),
  ip: fc.oneof(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.')), fc.constantFrom('2001:db8::1', '::ffff:192.0.2.1', '::')),
  helo: fc.oneof(fc.constant('mail.example.com'), fc.string({ maxLength: 30 })),
  receivingHost: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  timestamp: fc.integer({ min: 0, max: 2 ** 40 }),
});

const macroText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(macro, domainSpec, fc.constantFrom('.', ' ', '%', '{', '}')), { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: mutated(fc.constantFrom('%{ir}.%{v}._spf.%{d2}', '%{l10r-.+,/_=}.%{o}', 'exp for %{s} from %{c} at %{t} via %{r}', '%{p}.%{h}', '%{S}%{L}%{O}')) },
  { weight: 1, arbitrary: hostileText(120) },
  { weight: 1, arbitrary: fc.tuple(macro, fc.integer({ min: 1, max: 3000 })).map(([m, times]) => m.repeat(times)) },
);

describe('fuzz: macro expansion (expandMacroText)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('expandMacroText');

  it('any macro text, any context, every kind: errors as data, bounded output', () => {
    checkProperty(counter, fc.tuple(macroText, contextFields, fc.constantFrom(...KINDS)), 1, ([text, fields, kind]) => {
      const sender = `${fields.localPart}@${fields.domain}`;
      const context = createMacroContext({ ...fields, sender, senderDomain: fields.domain, ip: ipaddr.process(fields.ip) });
      const result = withinBudget('expandMacroText', { text, fields, kind }, () => expandMacroText(text, context, kind), budgetFor(text.length));
      for (const error of result.errors) {
        assert.ok(error.range.start >= 0 && error.range.start <= error.range.end && error.range.end <= text.length, `error range ${JSON.stringify(error.range)}`);
        assert.ok(error.reason.length > 0);
      }
      assert.equal(result.value === undefined, result.errors.length > 0, 'a value exactly when there is no error');
      if (result.value !== undefined) {
        const limit = kind === 'explain-string' ? MAX_EXPLANATION_LENGTH : 253;
        assert.ok(result.value.length <= limit, `expansion of ${result.value.length} characters for ${kind}`);
      }
    });
  });

  counter.defineReport();
});
