/**
 * SPF020 lookup-limit: more than 10 DNS-querying terms, counted through every include and
 * redirect (RFC 7208 §4.6.4). Receivers that reach the 11th return permerror, and most treat
 * that like a failed check. The message shows the arithmetic per top-level term. Flattening
 * includes into the networks they resolve to now is offered as an explicit, never preferred fix,
 * proven on the draft first (`flatten-fix.ts`).
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { treeOf } from '../analyzer/dns/dns-context';
import { FLATTEN_MESSAGES, flattenFixes } from '../analyzer/dns/flatten-fix';
import { ruleMeta, shown } from './support';

export const lookupLimitRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF020',
    alias: 'lookup-limit',
    title: 'More than 10 DNS lookups',
    description: 'Counted through includes and redirects, the record needs more than 10 DNS-querying terms; receivers return permerror.',
    defaultSeverity: 'error',
    rfc: '7208 §4.6.4',
    needsDns: true,
    fixable: true,
  }),
  messages: {
    overLimit: 'This record needs {total} DNS lookups, more than {limit} (RFC 7208 §4.6.4): {arithmetic}. Receivers stop at the limit with permerror. Remove unused includes, replace a/mx by ip4:/ip6:, or flatten an include.',
    overLimitIncomplete: 'This record needs at least {total} DNS lookups, more than {limit} (RFC 7208 §4.6.4): {arithmetic}. Not counted, because they could not be resolved: {unresolved}.',
    overLimitUncounted: 'This record needs at least {total} DNS lookups, more than {limit} (RFC 7208 §4.6.4): {arithmetic}. Terms whose target depends on the message (macros, ptr) or that are nested too deep are not counted.',
    includedLookups: '"{term}" costs {count} of them',
    ...FLATTEN_MESSAGES,
  },
  async checkRecordAsync(context) {
    const tree = await treeOf(context);
    if (!tree || tree.dnsLookups <= tree.limits.dnsTerms) return;
    const counted = tree.root.terms.filter((term) => term.totalLookups > 0);
    const arithmetic = `${counted.map((term) => `${shown(term.term, 40)} (${term.totalLookups})`).join(' + ')} = ${tree.dnsLookups} > ${tree.limits.dnsTerms}`;
    const args = { total: tree.dnsLookups, limit: tree.limits.dnsTerms, arithmetic, unresolved: tree.unresolved.map((item) => `${item.type} ${item.name}`).join(', ') };
    const related = counted.map((term) => ({ message: context.message('includedLookups', { term: term.term, count: term.totalLookups }), range: context.map(term.range).range }));
    const { record } = context.site;
    const fixes = (await flattenFixes(context)).map((proof) => proof.fix);
    const key = tree.complete ? 'overLimit' : tree.unresolved.length > 0 ? 'overLimitIncomplete' : 'overLimitUncounted';
    context.report(record.versionRange ?? { start: 0, end: 0 }, context.message(key, args), { related, fixes });
  },
};
