/**
 * SPF011 exp-pitfalls: an `exp=` explanation (RFC 7208 §6.2) that will never be shown: it is
 * used only for a `fail` result of the record evaluated at top level, its target must hold
 * exactly one TXT record, and its text must be a valid macro-string.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { SpfSyntaxError } from '../spf/ast';
import { normalizeName } from '../dns/resolver';
import { parseMacroString } from '../spf/macro';
import { ruleMeta } from './support';

export const expPitfallsRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF011',
    alias: 'exp-pitfalls',
    title: 'exp= explanation that is never shown',
    description: 'exp= explanations are used only on fail, only at the top level, and only when the target has exactly one valid TXT record.',
    defaultSeverity: 'info',
    rfc: '7208 §6.2',
  }),
  messages: {
    noFail: '"{exp}" is never used: an explanation is only given for a fail result (RFC 7208 §6.2) and no mechanism of this record has the "-" qualifier.',
    sameDomain: '"{exp}" points at this record\'s own name, whose TXT records include the SPF record itself: with more than one TXT record there, receivers drop the explanation (RFC 7208 §6.2). Use a dedicated name such as "_spf-exp.{domain}".',
    included: '{owner} is used through "include:" by another record in this document; an exp= of an included record is ignored (RFC 7208 §6.2), only the top-level record\'s explanation counts.',
    includedBy: 'Included here',
    targetRecords: 'The explanation name {target} has {count} TXT records in this zone; receivers use the explanation only when there is exactly one (RFC 7208 §6.2).',
    targetText: 'The explanation text at {target} is not valid: {reason} (RFC 7208 §6.2, §7). Receivers then give no explanation.',
  },
  checkRecord(context) {
    const { site, document } = context;
    const exp = site.record.exp;
    if (!exp) return;
    const args = { exp: exp.text, owner: site.owner ?? '', domain: site.owner ? normalizeName(site.owner) : 'example.com' };
    const hasFail = site.record.mechanisms.some((mechanism) => mechanism.qualifier === '-') || site.record.redirect !== undefined;
    if (!hasFail) context.report(exp.range, context.message('noFail', args));
    if (!site.owner) return;
    const owner = normalizeName(site.owner);
    const target = exp.value.hasMacros ? undefined : normalizeName(exp.value.text);
    if (target === owner) context.report(exp.range, context.message('sameDomain', args), { severity: 'warning' });
    const includers = document.sites.filter((other) => other !== site && other.record.mechanisms.some(
      (mechanism) => mechanism.name === 'include' && mechanism.domainSpec && !mechanism.domainSpec.hasMacros && normalizeName(mechanism.domainSpec.text) === owner,
    ));
    if (includers.length > 0) {
      context.report(exp.range, context.message('included', args), {
        related: includers.map((other) => ({ message: context.message('includedBy'), range: other.range })),
      });
    }
    if (!target || target === owner || !document.zone) return;
    const texts = document.zone.records.filter((record) => record.typeCode === 16 && record.txt && normalizeName(record.ownerName) === target);
    if (texts.length > 1) {
      context.report(exp.range, context.message('targetRecords', { target, count: texts.length }), { severity: 'warning' });
    } else if (texts.length === 1) {
      const text = texts[0].txt?.value ?? '';
      const errors: SpfSyntaxError[] = [];
      parseMacroString(text, 0, text.length, 'explain-string', errors);
      if (errors.length > 0) context.report(exp.range, context.message('targetText', { target, reason: errors[0].reason }), { severity: 'warning' });
    }
  },
};
