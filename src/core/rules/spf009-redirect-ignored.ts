/**
 * SPF009 redirect-ignored: `redirect=` is used only when no mechanism matched, and an `all`
 * always matches, so with `all` in the record the redirect never applies (RFC 7208 §6.1:
 * "any redirect modifier MUST be ignored" when there is an all mechanism).
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { firstAllIndex, removeTermEdit, ruleMeta } from './support';

export const redirectIgnoredRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF009',
    alias: 'redirect-ignored',
    title: 'redirect= ignored because of all',
    description: 'A record with an all mechanism never follows its redirect=; remove one of the two.',
    defaultSeverity: 'warning',
    rfc: '7208 §6.1',
    fixable: true,
  }),
  messages: {
    redirectIgnored: '"{redirect}" is never used because the record also has "{all}": redirect= applies only when no mechanism matches, and "all" always matches (RFC 7208 §6.1).',
    removeRedirect: 'Remove "{redirect}" (no change in results)',
    removeAll: 'Remove "{all}" so that "{redirect}" applies',
    allTerm: 'This "{all}" decides before the redirect',
  },
  checkRecord(context) {
    const { record } = context.site;
    const allIndex = firstAllIndex(record);
    const redirect = record.redirect;
    if (allIndex < 0 || !redirect) return;
    const all = record.terms[allIndex];
    const args = { redirect: redirect.text, all: all.text };
    const fixes = [
      context.valueFix(context.message('removeRedirect', args), [removeTermEdit(record, redirect)], { isPreferred: true }),
      context.valueFix(context.message('removeAll', args), [removeTermEdit(record, all)], { changesPolicy: true }),
    ];
    context.report(redirect.range, context.message('redirectIgnored', args), {
      fixes,
      related: [{ message: context.message('allTerm', args), range: context.map(all.range).range }],
    });
  },
};
