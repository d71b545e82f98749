/**
 * SPF010 ptr-mechanism: RFC 7208 §5.5 says the `ptr` mechanism SHOULD NOT be published: it is
 * slow, unreliable, and loads the reverse DNS of the sender's network; some receivers skip it.
 * `%{p}` macros (§7.3) have the same problem.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { removeTermEdit, ruleMeta } from './support';

export const ptrMechanismRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF010',
    alias: 'ptr-mechanism',
    title: 'ptr mechanism or %{p} macro',
    description: 'RFC 7208 says not to use ptr: it is slow and unreliable; list the addresses with ip4/ip6 or a instead.',
    defaultSeverity: 'warning',
    rfc: '7208 §5.5, §7.3',
    fixable: true,
  }),
  messages: {
    ptr: '"{term}": RFC 7208 §5.5 says the ptr mechanism SHOULD NOT be used. It needs slow reverse lookups of every sender, may count against the 10-lookup limit, and large receivers ignore it. List the sending hosts with ip4:, ip6: or a: instead.',
    ptrMacro: '"{term}" uses the %{p} macro, which needs the same slow and unreliable reverse lookups as ptr (RFC 7208 §7.3 advises against it).',
    removePtr: 'Remove "{term}" (list its hosts with ip4:/ip6:/a: first)',
  },
  checkRecord(context) {
    const { record } = context.site;
    // A %{p} macro is written "%{p" (any case); without one, only ptr mechanisms are reported.
    const mayUsePtrMacro = /%\{p/i.test(record.text);
    for (const term of record.terms) {
      if (term.kind === 'mechanism' && term.name === 'ptr') {
        const fix = context.valueFix(context.message('removePtr', { term: term.text }), [removeTermEdit(record, term)], { changesPolicy: true });
        context.report(term.range, context.message('ptr', { term: term.text }), { fixes: [fix] });
      } else if (mayUsePtrMacro && ((term.kind === 'mechanism' && term.domainSpec?.usesPtr) || (term.kind === 'modifier' && term.value.usesPtr))) {
        context.report(term.range, context.message('ptrMacro', { term: term.text }));
      }
    }
  },
};
