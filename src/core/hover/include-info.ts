/**
 * The extra lines of an `include:` hover: the mail service the include belongs to (from the
 * mail services table) and what the DNS cache knows of the included record (RFC 7208 §5.2).
 */
import { normalizeName } from '../dns/resolver';
import type { LookupTree, RecordLookups } from '../analyzer/dns/lookup-tree';
import { BUILT_IN_MAIL_SERVICES, findMailService, type MailService } from '../services/mail-services';
import type { MacroString } from '../spf/ast';
import { escapeMarkdown, inlineCode } from './hover-text';
import type { RenderContext } from './render-context';
import type { IncludeLookup } from './types';

/** Longest record text shown in a hover. */
const MAX_RECORD_SHOWN = 300;
/** Default wait for `lookupInclude`, in milliseconds. */
const DEFAULT_LOOKUP_TIMEOUT_MS = 250;

/**
 * The service whose documented include is `domain` (exact match, user entries first), or else
 * the service whose host names `domain` falls under (`findMailService`).
 */
export function serviceOfInclude(domain: string, extraServices: readonly MailService[] = []): MailService | undefined {
  const name = normalizeName(domain);
  const byInclude = [...extraServices, ...BUILT_IN_MAIL_SERVICES].find((service) => service.include !== null && normalizeName(service.include) === name);
  return byInclude ?? findMailService(name, extraServices);
}

/**
 * What a lookup tree (as built by the DNS analysis) knows of the record included as `domain`:
 * the first `include:` of that domain anywhere in the tree that was expanded.
 */
export function includeLookupFromTree(tree: LookupTree, domain: string): IncludeLookup {
  const child = findIncluded(tree.root, normalizeName(domain), 0);
  if (!child) return { status: 'not-looked-up' };
  switch (child.status) {
    case 'ok':
    case 'syntax-error':
      return { status: 'found', record: child.record ?? '', lookups: child.totalLookups, complete: isComplete(child, 0) };
    case 'no-spf':
      return { status: 'no-record' };
    case 'multiple':
      return { status: 'multiple' };
    case 'unresolved':
      return { status: 'error', reason: child.reason ?? '' };
    case 'not-expanded':
      return { status: 'not-looked-up' };
  }
}

/** The lines of an include hover after its general help. */
export async function includeLines(spec: MacroString, context: RenderContext): Promise<string[]> {
  const { t } = context;
  if (spec.hasMacros) return [t('include.macroTarget')];
  const domain = normalizeName(spec.text);
  const shownDomain = inlineCode(domain);
  const lines: string[] = [];
  const service = serviceOfInclude(domain, context.options.extraServices);
  if (service) {
    const name = `**${escapeMarkdown(service.name)}**`;
    lines.push(t(service.confidence === 'confirmed' ? 'include.service' : 'include.serviceUnconfirmed', { service: name }));
  }
  const lookupInclude = context.options.lookupInclude;
  if (!lookupInclude) {
    lines.push(t('include.dnsOff', { domain: shownDomain }));
    return lines;
  }
  const lookup = await withTimeout(lookupInclude(domain), context.options.lookupTimeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS);
  switch (lookup.status) {
    case 'found': {
      lines.push(t('include.record', { domain: shownDomain, record: inlineCode(lookup.record, MAX_RECORD_SHOWN) }));
      const total = String(1 + lookup.lookups);
      lines.push(lookup.complete ? t('include.cost', { total, nested: String(lookup.lookups) }) : t('include.costAtLeast', { total }));
      break;
    }
    case 'no-record':
      lines.push(t('include.noRecord', { domain: shownDomain }));
      break;
    case 'multiple':
      lines.push(t('include.multiple', { domain: shownDomain }));
      break;
    case 'error':
      lines.push(t('include.error', { domain: shownDomain, reason: inlineCode(lookup.reason) }));
      break;
    case 'not-looked-up':
      lines.push(t('include.notLookedUp', { domain: shownDomain }));
      break;
  }
  return lines;
}

/** The answer of `lookup`, or "not looked up" when it takes longer than `timeoutMs` or rejects. */
function withTimeout(lookup: Promise<IncludeLookup>, timeoutMs: number): Promise<IncludeLookup> {
  const notLookedUp: IncludeLookup = { status: 'not-looked-up' };
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(notLookedUp), timeoutMs);
    lookup.then(
      (answer) => {
        clearTimeout(timer);
        resolve(answer);
      },
      () => {
        clearTimeout(timer);
        resolve(notLookedUp);
      },
    );
  });
}

/** Bounded depth of the tree search (the tree itself is bounded by the lookup walk). */
const MAX_SEARCH_DEPTH = 16;

function findIncluded(record: RecordLookups, domain: string, depth: number): RecordLookups | undefined {
  if (depth > MAX_SEARCH_DEPTH) return undefined;
  for (const term of record.terms) {
    if (term.name === 'include' && term.target === domain && term.child) return term.child;
  }
  for (const term of record.terms) {
    const found = term.child && findIncluded(term.child, domain, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** True when nothing below `record` was left unknown (its totals are then exact). */
function isComplete(record: RecordLookups, depth: number): boolean {
  if (depth > MAX_SEARCH_DEPTH || record.status === 'unresolved' || record.status === 'not-expanded') return false;
  return record.terms.every((term) => term.incomplete === undefined && (!term.child || isComplete(term.child, depth + 1)));
}
