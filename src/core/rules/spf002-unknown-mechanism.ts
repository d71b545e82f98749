/**
 * SPF002 unknown-mechanism: a term that looks like a mechanism but is none of the eight of
 * RFC 7208 §5 (`ip5:`, `inlcude:`), which makes the record a permerror (RFC 7208 §5, §4.6);
 * and an unknown modifier that is a near-miss of `redirect`/`exp` (legal but ignored, §6).
 * The closest known name is suggested; a fix is offered when exactly one candidate gives a
 * valid term.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { Term } from '../spf/ast';
import { parseRecordOnce } from '../spf/parser';
import { gluedTermIndexes } from './glued-strings';
import { editDistance, ruleMeta, shown } from './support';

const MECHANISMS = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
const MODIFIERS = ['redirect', 'exp'];

export const unknownMechanismRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF002',
    alias: 'unknown-mechanism',
    title: 'Unknown mechanism or misspelt modifier',
    description: 'A mechanism name that RFC 7208 does not define (a permerror), or an unknown modifier that looks like a misspelt redirect= or exp= (silently ignored).',
    defaultSeverity: 'error',
    rfc: '7208 §5, §6',
    fixable: true,
  }),
  messages: {
    unknownMechanism: 'Unknown mechanism "{name}" in "{term}". RFC 7208 §5 defines only all, include, a, mx, ptr, ip4, ip6 and exists; receivers return permerror for the whole record.',
    unknownMechanismSuggestion: 'Unknown mechanism "{name}" in "{term}"; did you mean "{suggestion}"? RFC 7208 §5 defines only all, include, a, mx, ptr, ip4, ip6 and exists; receivers return permerror for the whole record.',
    misspeltModifier: 'Unknown modifier "{name}=" looks like a misspelt "{suggestion}=". Unknown modifiers are ignored (RFC 7208 §6), so this one has no effect.',
    rename: 'Change "{name}" to "{suggestion}"',
  },
  checkRecord(context) {
    const { record } = context.site;
    const glued = gluedTermIndexes(context.site);
    for (const term of record.terms) {
      if (glued.has(term.index)) continue;
      if (term.kind === 'invalid' && record.errors.some((error) => error.termIndex === term.index && error.code === 'unknown-mechanism')) {
        const name = writtenName(term.text);
        const candidates = closest(name.text.toLowerCase(), MECHANISMS).filter((candidate) => isValidTerm(replaceName(term, name, candidate)));
        const suggestion = candidates.length === 1 ? candidates[0] : undefined;
        const nameRange = { start: term.range.start + name.start, end: term.range.start + name.end };
        if (!suggestion) {
          context.report(term.range, context.message('unknownMechanism', { name: name.text, term: shown(term.text) }));
          continue;
        }
        const fix = context.valueFix(context.message('rename', { name: name.text, suggestion }), [{ range: nameRange, newText: suggestion }], { isPreferred: true });
        context.report(term.range, context.message('unknownMechanismSuggestion', { name: name.text, term: shown(term.text), suggestion }), { fixes: [fix] });
      } else if (term.kind === 'modifier' && !term.known && term.name.length >= 3) {
        const candidates = closest(term.name, MODIFIERS);
        if (candidates.length !== 1) continue;
        const suggestion = candidates[0];
        // With a real one present, renaming would make a duplicate (a permerror, RFC 7208 §6).
        const alreadyPresent = suggestion === 'redirect' ? record.redirect !== undefined : record.exp !== undefined;
        const fix = alreadyPresent ? undefined : context.valueFix(context.message('rename', { name: term.name, suggestion }), [{ range: term.nameRange, newText: suggestion }], { changesPolicy: true });
        context.report(term.range, context.message('misspeltModifier', { name: term.name, suggestion }), { fixes: [fix], severity: 'warning' });
      }
    }
  },
};

/** The mechanism name as written, after the qualifier and up to `:`, `/` or `=`. */
function writtenName(text: string): { text: string; start: number; end: number } {
  const start = /^[+\-~?]/.test(text) ? 1 : 0;
  const rest = text.slice(start);
  const stop = rest.search(/[:/=]/);
  const end = start + (stop < 0 ? rest.length : stop);
  return { text: text.slice(start, end), start, end };
}

function replaceName(term: Term, name: { start: number; end: number }, replacement: string): string {
  return term.text.slice(0, name.start) + replacement + term.text.slice(name.end);
}

function isValidTerm(text: string): boolean {
  return parseRecordOnce(`v=spf1 ${text}`).errors.length === 0;
}

/** Known names at the smallest edit distance (at most 2, and less than the name's length). */
function closest(name: string, known: readonly string[]): string[] {
  const limit = Math.min(2, Math.max(1, name.length - 1));
  let best = limit + 1;
  let found: string[] = [];
  for (const candidate of known) {
    const distance = editDistance(name, candidate, limit);
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best && distance <= limit) {
      found.push(candidate);
    }
  }
  return best <= limit ? found : [];
}
