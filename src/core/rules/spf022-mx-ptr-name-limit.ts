/**
 * SPF022 mx-ptr-name-limit: an `mx` term whose target has more than 10 MX names is permerror
 * (RFC 7208 §4.6.4). For `ptr` only the first 10 names are looked at, which depends on the
 * client; that case is left to SPF010 (do not use `ptr`).
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { treeOf } from '../analyzer/dns/dns-context';
import { treeProblems } from '../analyzer/dns/tree-problems';
import { ruleMeta } from './support';

export const mxPtrNameLimitRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF022',
    alias: 'mx-ptr-name-limit',
    title: 'mx over 10 names',
    description: 'An mx term whose target has more than 10 MX names makes check_host() return permerror.',
    defaultSeverity: 'error',
    rfc: '7208 §4.6.4',
    needsDns: true,
  }),
  messages: {
    tooMany: '"{term}"{where} looks at {target}, which has {names} MX names: more than 10 is permerror (RFC 7208 §4.6.4). List the sending hosts with ip4:/ip6: or a: instead.',
  },
  async checkRecordAsync(context) {
    const tree = await treeOf(context);
    if (!tree) return;
    for (const found of treeProblems(tree, 'mx-over-limit')) {
      const where = found.top === found.term ? '' : ` (in ${found.record.domain}, through "${found.top.term}")`;
      const args = { term: found.term.term, where, target: found.term.target ?? '', names: found.problem.names };
      context.report(found.top.range, context.message('tooMany', args));
    }
  },
};
