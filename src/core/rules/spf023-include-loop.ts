/**
 * SPF023 include-loop: an `include:` or `redirect=` that leads back to a record already being
 * evaluated. check_host() would recurse forever; implementations stop with permerror
 * (RFC 7208 §5.2, §6.1; the lookup limit of §4.6.4 exists partly for this).
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { treeOf } from '../analyzer/dns/dns-context';
import { treeProblems } from '../analyzer/dns/tree-problems';
import { mapSiteRange } from '../analyzer/document';
import type { RelatedInformation } from '../analyzer/types';
import { normalizeName } from '../dns/resolver';
import { ruleMeta } from './support';

export const includeLoopRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF023',
    alias: 'include-loop',
    title: 'include/redirect loop',
    description: 'An include: or redirect= that leads back to a record already being evaluated; receivers return permerror.',
    defaultSeverity: 'error',
    rfc: '7208 §5.2, §6.1',
    needsDns: true,
  }),
  messages: {
    loop: '"{term}" leads back to a record already being evaluated: {path}. Receivers return permerror (RFC 7208 §5.2, §6.1). Remove the term that closes the loop.',
    otherClosingTerm: '"{term}" in {domain} closes the loop',
  },
  async checkRecordAsync(context) {
    const tree = await treeOf(context);
    if (!tree) return;
    for (const found of treeProblems(tree, 'loop')) {
      const related: RelatedInformation[] = [];
      for (const site of context.sitesAt(found.record.domain)) {
        const closing = site.record.terms.find((term) => term.index === found.term.termIndex);
        if (closing && site.version === 'spf') {
          related.push({ message: context.message('otherClosingTerm', { term: found.term.term, domain: normalizeName(found.record.domain) }), range: mapSiteRange(site, closing.range).range });
        }
      }
      context.report(found.top.range, context.message('loop', { term: found.top.term, path: found.problem.path.join(' → ') }), { related });
    }
  },
};
