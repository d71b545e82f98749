/**
 * SPF012 invalid-macro: a `%` sequence that is not a valid macro (RFC 7208 §7.1), or a `%{c}`,
 * `%{r}`, `%{t}` macro outside explanation text (§7.2). Either makes the record a permerror.
 * The message shows what a valid form expands to for a sample message, so the admin can see
 * what the macro means.
 */
import ipaddr from 'ipaddr.js';
import type { RuleDefinition } from '../analyzer/rule-api';
import { normalizeName } from '../dns/resolver';
import type { MacroString, Term } from '../spf/ast';
import { createMacroContext, expandMacroString, type MacroContext } from '../spf/macro';
import { parseRecordOnce } from '../spf/parser';
import { ruleMeta, shown } from './support';

const MACRO_LETTERS = 'slodiphcrtv';

export const invalidMacroRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF012',
    alias: 'invalid-macro',
    title: 'Invalid macro',
    description: 'A malformed %-macro, or a macro letter not allowed where it is used, makes the record a permerror.',
    defaultSeverity: 'error',
    rfc: '7208 §7.1, §7.2',
    fixable: true,
  }),
  messages: {
    invalidMacro: 'Invalid macro in "{term}": {reason}. Receivers return permerror for the whole record (RFC 7208 §7.1, §4.6).',
    invalidMacroExample: 'Invalid macro in "{term}": {reason}. Receivers return permerror for the whole record (RFC 7208 §7.1, §4.6). Written "{fixed}", it would expand to "{expansion}" for mail from {sender} sent by {ip}.',
    notAllowed: '{reason} in "{term}": %{c}, %{r} and %{t} may appear only in the explanation text, not in a domain (RFC 7208 §7.2); receivers return permerror.',
    addBraces: 'Write "{fixed}"',
  },
  checkRecord(context) {
    const { site } = context;
    let sample: ReturnType<typeof sampleContext> | undefined;
    for (const error of site.record.errors) {
      if (error.code !== 'invalid-macro' && error.code !== 'macro-not-allowed') continue;
      const term = error.termIndex === undefined ? undefined : site.record.terms[error.termIndex];
      const termText = shown(term?.text ?? site.record.text.slice(error.range.start, error.range.end));
      if (error.code === 'macro-not-allowed') {
        context.report(error.range, context.message('notAllowed', { reason: error.reason, term: termText }));
        continue;
      }
      const written = site.record.text.slice(error.range.start, error.range.end);
      const letter = written.length === 2 && written[0] === '%' && MACRO_LETTERS.includes(written[1].toLowerCase()) ? written[1] : undefined;
      const fixedTerm = letter && term ? term.text.slice(0, error.range.start - term.range.start) + `%{${letter}}` + term.text.slice(error.range.end - term.range.start) : undefined;
      sample ??= sampleContext(site.owner);
      const expansion = fixedTerm ? expandTerm(fixedTerm, sample.context) : undefined;
      if (!letter || !fixedTerm || expansion === undefined) {
        context.report(error.range, context.message('invalidMacro', { term: termText, reason: error.reason }));
        continue;
      }
      const fix = context.valueFix(context.message('addBraces', { fixed: `%{${letter}}` }), [{ range: error.range, newText: `%{${letter}}` }], { isPreferred: true });
      context.report(error.range, context.message('invalidMacroExample', {
        term: termText,
        reason: error.reason,
        fixed: shown(fixedTerm),
        expansion,
        sender: sample.sender,
        ip: sample.ip,
      }), { fixes: [fix] });
    }
  },
};

function sampleContext(owner: string | undefined): { context: MacroContext; sender: string; ip: string } {
  const domain = owner && owner.endsWith('.') ? normalizeName(owner) : 'example.com';
  const sender = `user@${domain}`;
  const ip = '192.0.2.1';
  const context = createMacroContext({
    sender,
    localPart: 'user',
    senderDomain: domain,
    domain,
    ip: ipaddr.parse(ip),
    helo: `mail.${domain}`,
    timestamp: 1767225600,
  });
  return { context, sender, ip };
}

/** Expands the macro-string of a single valid term, or undefined when it does not parse. */
function expandTerm(termText: string, context: MacroContext): string | undefined {
  const record = parseRecordOnce(`v=spf1 ${termText}`);
  if (record.errors.length > 0 || record.terms.length !== 1) return undefined;
  const spec = macroStringOf(record.terms[0]);
  return spec ? expandMacroString(spec, context, 'domain-spec') : undefined;
}

function macroStringOf(term: Term): MacroString | undefined {
  if (term.kind === 'mechanism') return term.domainSpec;
  if (term.kind === 'modifier') return term.value;
  return undefined;
}
