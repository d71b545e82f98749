/**
 * SPF001 syntax-error: a term that does not follow the grammar of RFC 7208 §12. Any syntax
 * error makes `check_host()` return permerror for the whole record (RFC 7208 §4.6), so the
 * domain effectively has no working SPF. Unknown mechanisms (SPF002), bad macros (SPF012) and
 * strings glued without a space (SPF019) have their own rules.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { gluedTermIndexes } from './glued-strings';
import { removeTermEdit, ruleMeta, shown } from './support';

const OWN_RULES = new Set(['unknown-mechanism', 'invalid-macro', 'macro-not-allowed', 'not-spf']);

export const syntaxErrorRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF001',
    alias: 'syntax-error',
    title: 'Syntax error in a term',
    description: 'A term does not follow the SPF grammar; receivers then reject the whole record with permerror.',
    defaultSeverity: 'error',
    rfc: '7208 §4.6, §12',
    fixable: true,
  }),
  messages: {
    syntaxError: 'Syntax error in "{term}": {reason}. Receivers treat the whole record as broken (permerror, RFC 7208 §4.6), so SPF fails for every message of this domain.',
    duplicateModifier: '"{name}=" appears more than once; RFC 7208 §6 allows each of redirect= and exp= once, so receivers return permerror for the whole record.',
    removeDuplicate: 'Remove the repeated "{term}"',
    firstOccurrence: 'The first "{name}=" is here',
  },
  checkRecord(context) {
    const { record } = context.site;
    if (record.errors.length === 0) return;
    const glued = gluedTermIndexes(context.site);
    for (const error of record.errors) {
      if (OWN_RULES.has(error.code)) continue;
      const term = error.termIndex === undefined ? undefined : record.terms[error.termIndex];
      if (term && glued.has(term.index)) continue;
      if (error.code === 'duplicate-modifier' && term?.kind === 'modifier') {
        const first = term.name === 'redirect' ? record.redirect : record.exp;
        const identical = first !== undefined && first.text.toLowerCase() === term.text.toLowerCase();
        const fix = context.valueFix(context.message('removeDuplicate', { term: shown(term.text) }), [removeTermEdit(record, term)], {
          isPreferred: identical,
          changesPolicy: !identical,
        });
        const related = first ? [{ message: context.message('firstOccurrence', { name: term.name }), range: context.map(first.range).range }] : [];
        context.report(term.range, context.message('duplicateModifier', { name: term.name }), { fixes: [fix], related });
        continue;
      }
      context.report(error.range, context.message('syntaxError', { term: shown(term?.text ?? record.text.slice(error.range.start, error.range.end)), reason: error.reason }));
    }
  },
};
