/**
 * SPF013 duplicate-term: a mechanism that repeats an earlier one (same name and argument; equal
 * networks count as the same). Mechanisms are tried in order and the first match decides
 * (RFC 7208 §4.6.2), so the repeat can never decide anything; it only adds lookups.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { MechanismTerm } from '../spf/ast';
import { firstAllIndex, removeTermEdit, ruleMeta } from './support';

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
    const { record } = context.site;
    const allIndex = firstAllIndex(record);
    // Equal keys need equal mechanism names; most records repeat none, so no key is built.
    if (!hasRepeatedName(record.mechanisms, allIndex)) return;
    const seen = new Map<string, MechanismTerm>();
    for (const mechanism of record.mechanisms) {
      if (allIndex >= 0 && mechanism.index > allIndex) break;
      const key = mechanismKey(mechanism);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, mechanism);
        continue;
      }
      const sameQualifier = first.qualifier === mechanism.qualifier;
      const args = { term: mechanism.text, first: first.text };
      const fix = context.valueFix(context.message('remove', args), [removeTermEdit(record, mechanism)], { isPreferred: sameQualifier });
      context.report(mechanism.range, context.message(sameQualifier ? 'duplicate' : 'duplicateQualifier', args), {
        fixes: [fix],
        related: [{ message: context.message('firstTerm', args), range: context.map(first.range).range }],
      });
    }
  },
};

/** What a mechanism matches, without its qualifier: name and argument, networks by value. */
/** True when two mechanisms up to the first `all` (when there is one) have the same name. */
function hasRepeatedName(mechanisms: readonly MechanismTerm[], allIndex: number): boolean {
  for (let i = 1; i < mechanisms.length; i++) {
    if (allIndex >= 0 && mechanisms[i].index > allIndex) return false;
    for (let j = 0; j < i; j++) if (mechanisms[j].name === mechanisms[i].name) return true;
  }
  return false;
}

export function mechanismKey(mechanism: MechanismTerm): string {
  const network = mechanism.network;
  if (network) {
    // A valid ip4 address is written in its normal form (RFC 7208 §5.6: dotted quad, no leading zeros).
    const address = mechanism.name === 'ip4' ? network.text : network.address.toNormalizedString();
    return `${mechanism.name}:${address}/${network.prefixLength}`;
  }
  const argument = mechanism.text.slice(mechanism.nameRange.end - mechanism.range.start);
  return `${mechanism.name}${argument.toLowerCase()}`;
}
