/**
 * SPF014 redundant-network: an `ip4:`/`ip6:` network inside a larger network listed earlier.
 * Every address it matches was already matched by the earlier term, which decides first
 * (RFC 7208 §4.6.2, §5.6), so the narrower one never takes effect.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { MechanismTerm } from '../spf/ast';
import { reportHiddenMechanisms, ruleMeta, type HiddenMechanismMessages } from './support';

export const redundantNetworkRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF014',
    alias: 'redundant-network',
    title: 'Network covered by an earlier one',
    description: 'An ip4/ip6 network inside a larger network listed earlier never takes effect.',
    defaultSeverity: 'info',
    rfc: '7208 §4.6.2, §5.6',
    fixable: true,
  }),
  messages: {
    covered: '"{term}" lies inside "{wider}", listed earlier: every address it matches is already matched there (RFC 7208 §4.6.2), so it never takes effect.',
    coveredQualifier: '"{term}" lies inside "{wider}", listed earlier with another qualifier: the earlier term always decides first (RFC 7208 §4.6.2), so "{term}" never takes effect. Move it before "{wider}" if it is an exception.',
    widerTerm: 'The wider "{wider}"',
    remove: 'Remove "{term}"',
  },
  checkRecord(context) {
    reportHiddenMechanisms(context, covers, MESSAGE_KEYS);
  },
};

const MESSAGE_KEYS: HiddenMechanismMessages = { sameQualifier: 'covered', otherQualifier: 'coveredQualifier', earlier: 'widerTerm', remove: 'remove', earlierArgument: 'wider' };

/** True when `wider` is strictly larger than `narrower` and contains it (equal networks are SPF013's). */
function covers(wider: MechanismTerm, narrower: MechanismTerm): boolean {
  const b = narrower.network;
  if (!b || wider.name !== narrower.name) return false;
  const a = wider.network;
  if (!a || b.prefixLength <= a.prefixLength) return false;
  return b.address.match(a.address, a.prefixLength);
}
