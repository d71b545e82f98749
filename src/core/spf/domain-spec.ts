/** Domain-specs of SPF terms (RFC 7208 §12): their checks, and which of them a term keeps. */
import type { MacroPart, MacroString, SpfSyntaxError } from './ast';
import { isValidToplabel } from './domain-name';
import { macroString, parseMacroParts } from './macro-parser';

/**
 * RFC 7208 §12 `domain-spec = macro-string domain-end`, `domain-end = ( "." toplabel [ "." ] ) / macro-expand`.
 * Returns its parts as `parseMacroParts` does (undefined for one plain literal).
 */
export function parseDomainSpec(text: string, start: number, end: number, errors: SpfSyntaxError[], termIndex: number): MacroPart[] | undefined {
  if (isPlainDomainSpec(text, start, end)) return undefined;
  const errorCount = errors.length;
  const parts = parseMacroParts(text, start, end, 'domain-spec', errors, termIndex);
  if (start === end) {
    errors.push({ range: { start: start - 1, end }, reason: 'missing domain after the separator', code: 'missing-domain', termIndex });
    return parts;
  }
  if (errors.length === errorCount && !endsInDomainName(text, start, end, parts)) {
    errors.push({
      range: { start, end },
      reason: `"${text.slice(start, end)}" does not end in a valid domain name (a dot and a top-level label such as ".com", or a macro)`,
      code: 'invalid-domain',
      termIndex,
    });
  }
  return parts;
}

/**
 * True for the usual domain-spec: one plain literal (visible ASCII without `%`) whose last dot
 * starts a valid toplabel, so it has no errors and needs no parts.
 */
function isPlainDomainSpec(text: string, start: number, end: number): boolean {
  let lastDot = -1;
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 0x2e) lastDot = offset;
    else if (code < 0x21 || code > 0x7e || code === 0x25) return false;
  }
  return lastDot >= start && lastDot < end - 1 && isValidToplabel(text, lastDot + 1, end);
}

/**
 * The domain-end check of a domain-spec without errors: its last literal holds a dot and a valid
 * toplabel (one trailing dot allowed), or the spec ends in a macro (optionally followed by a dot).
 */
function endsInDomainName(text: string, start: number, end: number, parts: MacroPart[] | undefined): boolean {
  let literalStart = start;
  if (parts !== undefined) {
    const last = parts[parts.length - 1];
    if (last.kind !== 'literal') return true;
    if (parts.length > 1 && last.text === '.') return true;
    literalStart = last.range.start;
  }
  const literalEnd = text.charCodeAt(end - 1) === 0x2e ? end - 1 : end;
  const dot = text.lastIndexOf('.', literalEnd - 1);
  return dot >= literalStart && isValidToplabel(text, dot + 1, literalEnd);
}

/** The domain-spec a mechanism keeps: only one with macros or errors (a plain one is rebuilt on read). */
export function keptDomainSpec(text: string, start: number, end: number, parts: MacroPart[] | undefined): MacroString | undefined {
  return parts === undefined ? undefined : macroString(text, start, end, parts);
}
