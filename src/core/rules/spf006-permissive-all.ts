/**
 * SPF006 permissive-all: `+all` (or a bare `all`) authorises every host on the Internet to send
 * as the domain; `?all` gives "neutral", which receivers treat like having no SPF (RFC 7208
 * §8.2). Replacing the qualifier changes the policy, so the fixes are offered, not preferred.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { ruleMeta } from './support';

export const permissiveAllRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF006',
    alias: 'permissive-all',
    title: '+all or ?all',
    description: '+all lets anyone send as the domain and ?all asserts nothing; end the record with ~all or -all.',
    defaultSeverity: 'warning',
    rfc: '7208 §5.1, §8.1, §8.2',
    fixable: true,
  }),
  messages: {
    passAll: '"{term}" authorises every host on the Internet to send mail as this domain (result pass, RFC 7208 §5.1, §8.3), which defeats SPF. End the record with "~all" or "-all".',
    neutralAll: '"{term}" gives the result neutral, which receivers treat like no SPF at all (RFC 7208 §8.2). End the record with "~all" (softfail) or "-all" (fail) once every sender is listed.',
    useQualifier: 'Change to "{replacement}"',
  },
  checkRecord(context) {
    for (const mechanism of context.site.record.mechanisms) {
      if (mechanism.name !== 'all' || (mechanism.qualifier !== '+' && mechanism.qualifier !== '?')) continue;
      const range = { start: mechanism.range.start, end: mechanism.nameRange.start };
      const fixes = ['~', '-'].map((qualifier) =>
        context.valueFix(context.message('useQualifier', { replacement: `${qualifier}all` }), [{ range, newText: qualifier }], { changesPolicy: true }),
      );
      const key = mechanism.qualifier === '+' ? 'passAll' : 'neutralAll';
      context.report(mechanism.range, context.message(key, { term: mechanism.text }), {
        fixes,
        severity: mechanism.qualifier === '+' ? 'error' : undefined,
      });
    }
  },
};
