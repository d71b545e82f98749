/**
 * SPF013 duplicate-term: a mechanism that repeats an earlier one (same name and argument; equal
 * networks count as the same). Mechanisms are tried in order and the first match decides
 * (RFC 7208 §4.6.2), so the repeat can never decide anything; it only adds lookups.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { MechanismTerm } from '../spf/ast';
import { reportHiddenMechanisms, ruleMeta, type HiddenMechanismMessages } from './support';

export const duplicateTermRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF013',
    alias: 'duplicate-term',
    title: 'Duplicate mechanism',
    description: 'A mechanism that repeats an earlier one never decides anything and can cost an extra DNS lookup.',
    defaultSeverity: 'warning',
    rfc: '7208 §4.6.2',
    fixable: true,
  }),
  messages: {
    duplicate: '"{term}" repeats "{first}": the first match decides (RFC 7208 §4.6.2), so this one never takes effect and only costs lookups.',
    duplicateQualifier: '"{term}" repeats "{first}" with another qualifier: the earlier one always decides first (RFC 7208 §4.6.2), so "{term}" never takes effect. Check which result you meant.',
    firstTerm: 'The earlier "{first}"',
    remove: 'Remove the repeated "{term}"',
  },
  checkRecord(context) {
    reportHiddenMechanisms(context, sameMechanism, MESSAGE_KEYS);
  },
};

const MESSAGE_KEYS: HiddenMechanismMessages = { sameQualifier: 'duplicate', otherQualifier: 'duplicateQualifier', earlier: 'firstTerm', remove: 'remove', earlierArgument: 'first' };

/**
 * Whether two mechanisms match the same senders: the same name and the same argument — a
 * network compared as an address and prefix (`ip6:2001:DB8::0/32` is `ip6:2001:db8::/32`), a
 * domain case-insensitively (RFC 4343).
 */
function sameMechanism(a: MechanismTerm, b: MechanismTerm): boolean {
  if (a.name !== b.name) return false;
  const first = a.network;
  const second = b.network;
  if (first || second) {
    if (!first || !second || first.prefixLength !== second.prefixLength) return false;
    // A valid ip4 address is written in its normal form (RFC 7208 §5.6: dotted quad, no leading zeros).
    if (first.text === second.text) return true;
    return a.name === 'ip6' && first.address.toNormalizedString() === second.address.toNormalizedString();
  }
  const argumentA = a.text.slice(a.nameRange.end - a.range.start);
  const argumentB = b.text.slice(b.nameRange.end - b.range.start);
  return argumentA.length === argumentB.length && argumentA.toLowerCase() === argumentB.toLowerCase();
}
