/**
 * SPF007 no-all: a record with neither `all` nor `redirect=` ends with the default result
 * neutral (RFC 7208 §4.7) for every host it does not list, which receivers treat like no SPF.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { ruleMeta } from './support';

export const noAllRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF007',
    alias: 'no-all',
    title: 'No all and no redirect',
    description: 'Without a final all (or redirect=), hosts not listed get neutral, which protects nothing.',
    defaultSeverity: 'warning',
    rfc: '7208 §4.7, §5.1',
    fixable: true,
  }),
  messages: {
    noAll: 'The record has no "all" mechanism and no "redirect=": mail from hosts it does not list gets the default result neutral (RFC 7208 §4.7), which receivers treat like no SPF. End it with "~all" or "-all".',
    appendAll: 'Append "{term}"',
  },
  checkRecord(context) {
    const { record } = context.site;
    if (record.mechanisms.some((mechanism) => mechanism.name === 'all') || record.redirect) return;
    if (record.terms.some((term) => term.kind === 'invalid')) return;
    const last = record.terms[record.terms.length - 1];
    const end = last ? last.range.end : record.versionRange?.end ?? 0;
    const fixes = ['~all', '-all'].map((term) =>
      context.valueFix(context.message('appendAll', { term }), [{ range: { start: end, end }, newText: ` ${term}` }], { changesPolicy: true }),
    );
    context.report({ start: 0, end: record.versionRange?.end ?? 0 }, context.message('noAll'), { fixes });
  },
};
