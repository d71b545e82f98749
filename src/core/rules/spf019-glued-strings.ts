/**
 * SPF019 glued-strings: two strings of one TXT record that, joined without a separator as
 * RFC 7208 §3.3 requires, run two terms together (`"… ip4:192.0.2.1" "include:…"` is read as
 * `ip4:192.0.2.1include:…`). Usually a syntax error (permerror), sometimes a silently wrong
 * domain. The fix inserts the missing space at the start of the later string.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { gluedJunctions } from './glued-strings';
import { ruleMeta, shown } from './support';

export const gluedStringsRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF019',
    alias: 'glued-strings',
    title: 'Strings joined without a space',
    description: 'The strings of a TXT record are joined with nothing between them; a missing space at a split runs two terms together.',
    defaultSeverity: 'error',
    rfc: '7208 §3.3',
    fixable: true,
  }),
  messages: {
    glued: 'The strings of a TXT record are joined with nothing between them (RFC 7208 §3.3), so "{left}" and "{right}" become the single term "{joined}". Put a space at the start of the second string.',
    insertSpace: 'Insert a space before "{right}"',
  },
  checkRecord(context) {
    const { record } = context.site;
    for (const junction of gluedJunctions(context.site)) {
      const term = record.terms[junction.termIndex];
      const args = {
        left: shown(record.text.slice(term.range.start, junction.offset), 40),
        right: shown(record.text.slice(junction.offset, term.range.end), 40),
        joined: shown(term.text),
      };
      const fix = context.valueFix(context.message('insertSpace', args), [{ range: { start: junction.offset, end: junction.offset }, newText: ' ' }], { isPreferred: true });
      context.report(term.range, context.message('glued', args), { fixes: [fix] });
    }
  },
};
