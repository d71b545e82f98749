/**
 * SPF014 redundant-network: an `ip4:`/`ip6:` network inside a larger network listed earlier.
 * Every address it matches was already matched by the earlier term, which decides first
 * (RFC 7208 §4.6.2, §5.6), so the narrower one never takes effect.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { MechanismTerm } from '../spf/ast';
import { firstAllIndex, removeTermEdit, ruleMeta } from './support';

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
    const { record } = context.site;
    const allIndex = firstAllIndex(record);
    const mechanisms = record.mechanisms;
    // Each network is compared with the earlier ones (records have a handful of terms).
    for (let i = 1; i < mechanisms.length; i++) {
      const mechanism = mechanisms[i];
      if (allIndex >= 0 && mechanism.index > allIndex) break;
      if (!mechanism.network) continue;
      let wider: MechanismTerm | undefined;
      for (let j = 0; j < i && !wider; j++) if (covers(mechanisms[j], mechanism)) wider = mechanisms[j];
      if (!wider) continue;
      const sameQualifier = wider.qualifier === mechanism.qualifier;
      const args = { term: mechanism.text, wider: wider.text };
      const fix = context.valueFix(context.message('remove', args), [removeTermEdit(record, mechanism)], { isPreferred: sameQualifier });
      context.report(mechanism.range, context.message(sameQualifier ? 'covered' : 'coveredQualifier', args), {
        fixes: [fix],
        related: [{ message: context.message('widerTerm', args), range: context.map(wider.range).range }],
      });
    }
  },
};

/** True when `wider` is strictly larger than `narrower` and contains it (equal networks are SPF013's). */
function covers(wider: MechanismTerm, narrower: MechanismTerm): boolean {
  const a = wider.network;
  const b = narrower.network;
  if (!a || !b || wider.name !== narrower.name || b.prefixLength <= a.prefixLength) return false;
  return b.address.match(a.address, a.prefixLength);
}
