/**
 * SPF024 include-no-spf: an `include:` (or `redirect=`) whose target publishes no SPF record.
 * check_host() then returns permerror for every client that reaches it (RFC 7208 §5.2, §6.1).
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { treeOf } from '../analyzer/dns/dns-context';
import { treeProblems } from '../analyzer/dns/tree-problems';
import { removeTermEdit, ruleMeta } from './support';

export const includeNoSpfRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF024',
    alias: 'include-no-spf',
    title: 'include of a name without SPF',
    description: 'An include: or redirect= target that has no SPF record makes check_host() return permerror.',
    defaultSeverity: 'error',
    rfc: '7208 §5.2, §6.1',
    needsDns: true,
    fixable: true,
  }),
  messages: {
    noSpf: '"{term}"{where}: {reason}, so check_host() returns permerror when it gets there (RFC 7208 §5.2, §6.1). Check the name with the provider or remove the term.',
    remove: 'Remove "{term}"',
  },
  async checkRecordAsync(context) {
    const tree = await treeOf(context);
    if (!tree) return;
    for (const found of treeProblems(tree, 'no-spf')) {
      const own = found.top === found.term;
      const where = own ? '' : ` (in ${found.record.domain}, through "${found.top.term}")`;
      const term = context.site.record.terms.find((candidate) => candidate.index === found.top.termIndex);
      const fix = own && term ? context.valueFix(context.message('remove', { term: term.text }), [removeTermEdit(context.site.record, term)], { changesPolicy: true }) : undefined;
      context.report(found.top.range, context.message('noSpf', { term: found.term.term, where, reason: found.problem.reason }), { fixes: [fix] });
    }
  },
};
