/**
 * SPF016 broad-network: a network so large that it authorises a big part of the Internet —
 * `ip4` (or the IPv4 CIDR of `a`/`mx`) with a prefix of /8 or shorter, `ip6` (or the IPv6 CIDR)
 * with /24 or shorter. Real senders publish their own addresses (RFC 7208 §5.6); a /0 is the
 * same as `+all`.
 */
import type { RecordRuleContext, RuleDefinition } from '../analyzer/rule-api';
import type { MechanismTerm } from '../spf/ast';
import { ruleMeta } from './support';

/** Prefixes this short or shorter are reported. */
export const BROAD_IP4_PREFIX = 8;
export const BROAD_IP6_PREFIX = 24;

export const broadNetworkRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF016',
    alias: 'broad-network',
    title: 'Over-broad network',
    description: 'An ip4 network of /8 or larger, or an ip6 network of /24 or larger, authorises far more hosts than any sender owns.',
    defaultSeverity: 'warning',
    rfc: '7208 §5.6',
  }),
  messages: {
    broad: '"{term}" authorises {size} addresses (a /{prefix} {family} network): far more than any mail sender uses, so it lets many unrelated hosts pass SPF (RFC 7208 §5.6). List the sender\'s own addresses.',
    everything: '"{term}" is a /0 network: it authorises every {family} address, the same as "+all" (RFC 7208 §5.6).',
  },
  checkRecord(context) {
    for (const mechanism of context.site.record.mechanisms) {
      // Without a written prefix the network is one address (/32, /128): never broad.
      if (mechanism.network) checkPrefix(context, mechanism, mechanism.name === 'ip4' ? 'IPv4' : 'IPv6', mechanism.network.prefixLength);
      if (mechanism.cidr?.ip4) checkPrefix(context, mechanism, 'IPv4', mechanism.cidr.ip4.value);
      if (mechanism.cidr?.ip6) checkPrefix(context, mechanism, 'IPv6', mechanism.cidr.ip6.value);
    }
  },
};

/** Reports `mechanism` when its `family` prefix is at or below the broad limit. */
function checkPrefix(context: RecordRuleContext, mechanism: MechanismTerm, family: 'IPv4' | 'IPv6', prefix: number): void {
  if (prefix > (family === 'IPv4' ? BROAD_IP4_PREFIX : BROAD_IP6_PREFIX)) return;
  const bits = (family === 'IPv4' ? 32 : 128) - prefix;
  const args = { term: mechanism.text, prefix, family, size: `2^${bits}` };
  if (prefix === 0) context.report(mechanism.range, context.message('everything', args), { severity: 'error' });
  else context.report(mechanism.range, context.message('broad', args));
}
