/**
 * SPF021 void-lookup-limit: more than 2 DNS queries of the record's terms that answer NXDOMAIN or
 * nothing (RFC 7208 §4.6.4). The third one is permerror. The message names the terms.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { treeOf } from '../analyzer/dns/dns-context';
import { forEachTerm } from '../analyzer/dns/lookup-tree';
import { ruleMeta } from './support';

export const voidLookupLimitRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF021',
    alias: 'void-lookup-limit',
    title: 'More than 2 void lookups',
    description: 'More than two of the names the record looks up do not exist or have no records; receivers return permerror.',
    defaultSeverity: 'error',
    rfc: '7208 §4.6.4',
    needsDns: true,
  }),
  messages: {
    overLimit: 'This record makes {total} void lookups (names that do not exist or have no records), more than {limit} (RFC 7208 §4.6.4): {terms}. Receivers return permerror. Remove the terms for names that no longer exist.',
    includedVoidLookup: '"{term}" looks up a name that does not exist or has no records',
  },
  async checkRecordAsync(context) {
    const tree = await treeOf(context);
    if (!tree || tree.voidLookups <= tree.limits.voidLookups) return;
    const named: string[] = [];
    forEachTerm(tree.root, (term, path) => {
      if (term.voidLookups === 0) return;
      const where = path.length > 1 ? ` (in ${path[path.length - 1].domain})` : '';
      named.push(`"${term.term}"${where}`);
    });
    const related = tree.root.terms
      .filter((term) => term.totalVoidLookups > 0)
      .map((term) => ({ message: context.message('includedVoidLookup', { term: term.term }), range: context.map(term.range).range }));
    const args = { total: tree.voidLookups, limit: tree.limits.voidLookups, terms: named.join(', ') };
    context.report(context.site.record.versionRange ?? { start: 0, end: 0 }, context.message('overLimit', args), { related });
  },
};
