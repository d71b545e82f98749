/**
 * SPF008 terms-after-all: mechanisms after `all` are never evaluated, because `all` always
 * matches (RFC 7208 §5.1: "Mechanisms after all will never be tested"). Removing them changes
 * no result, so the fix is preferred.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { firstAllIndex, removeTermEdit, ruleMeta } from './support';

export const termsAfterAllRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF008',
    alias: 'terms-after-all',
    title: 'Mechanisms after all',
    description: 'Mechanisms after all are never evaluated; a sender listed there is not authorised.',
    defaultSeverity: 'warning',
    rfc: '7208 §5.1',
    fixable: true,
  }),
  messages: {
    termAfterAll: '"{term}" after "{all}" never takes effect: "all" always matches, so evaluation stops there (RFC 7208 §5.1). Move it before "{all}" if that sender must pass.',
    termsAfterAll: 'The {count} mechanisms after "{all}" never take effect: "all" always matches, so evaluation stops there (RFC 7208 §5.1). Move any sender you need before "{all}".',
    removeTerm: 'Remove the ignored "{term}"',
    removeTerms: 'Remove the {count} ignored mechanisms after "{all}"',
  },
  checkRecord(context) {
    const { record } = context.site;
    const allIndex = firstAllIndex(record);
    // Most records end with "all": nothing after it to collect.
    if (allIndex < 0 || allIndex === record.terms.length - 1) return;
    const ignored = record.terms.filter((term) => term.index > allIndex && (term.kind === 'mechanism' || term.kind === 'invalid'));
    if (ignored.length === 0) return;
    const all = record.terms[allIndex].text;
    const single = ignored.length === 1;
    const args = { count: ignored.length, all, term: ignored[0].text };
    const fix = context.valueFix(
      context.message(single ? 'removeTerm' : 'removeTerms', args),
      ignored.map((term) => removeTermEdit(record, term)),
      { isPreferred: true },
    );
    const range = { start: ignored[0].range.start, end: ignored[ignored.length - 1].range.end };
    context.report(range, context.message(single ? 'termAfterAll' : 'termsAfterAll', args), { fixes: [fix] });
  },
};
