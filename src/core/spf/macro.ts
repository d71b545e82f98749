/**
 * SPF macros (RFC 7208 §7): expanding macro-strings against a request context. Parsing them
 * lives in `macro-parser.ts` and is re-exported here.
 */
import type { IPv4, IPv6 } from 'ipaddr.js';
import type { Macro, MacroLetter, MacroString, SpfSyntaxError } from './ast';
import { truncateDomainName } from './domain-name';
import { parseMacroString, type MacroStringKind } from './macro-parser';

export { parseMacroString, type MacroStringKind } from './macro-parser';

/** The values macros expand to (RFC 7208 §7.3). Build one with `createMacroContext`. */
export interface MacroContext {
  /** `s`: the sender (`postmaster@helo` for a null MAIL FROM). */
  sender: string;
  /** `l`: the local-part of the sender. */
  localPart: string;
  /** `o`: the domain of the sender. */
  senderDomain: string;
  /** `d`: the domain being checked (changes inside include/redirect). */
  domain: string;
  /** `i`: the client IP, dotted (IPv6 as 32 dot-separated nibbles). */
  ipDotted: string;
  /** `c`: the client IP in its usual text form. */
  ipText: string;
  /** `v`: `in-addr` or `ip6`. */
  ipVersionName: 'in-addr' | 'ip6';
  /** `h`: the HELO/EHLO name. */
  helo: string;
  /** `p`: the validated domain name of the client IP; `unknown` when absent. */
  validatedDomain?: string;
  /** `r`: the receiving host; `unknown` when absent. */
  receivingHost?: string;
  /** `t`: seconds since the epoch. */
  timestamp: number;
}

/** Fills the IP-derived values of a macro context. */
export function createMacroContext(fields: {
  sender: string;
  localPart: string;
  senderDomain: string;
  domain: string;
  ip: IPv4 | IPv6;
  helo: string;
  receivingHost?: string;
  timestamp: number;
}): MacroContext {
  const ip = fields.ip;
  const isV4 = ip.kind() === 'ipv4';
  const context: MacroContext = {
    sender: fields.sender,
    localPart: fields.localPart,
    senderDomain: fields.senderDomain,
    domain: fields.domain,
    ipDotted: isV4 ? ip.toString() : ipv6Nibbles(ip as IPv6),
    ipText: ip.toString(),
    ipVersionName: isV4 ? 'in-addr' : 'ip6',
    helo: fields.helo,
    timestamp: fields.timestamp,
  };
  if (fields.receivingHost !== undefined) context.receivingHost = fields.receivingHost;
  return context;
}

/**
 * `%{i}` of an IPv6 client: 32 dot-separated nibbles. Upper-case hex, as the OpenSPF suite
 * expects in explanations (test v-macro-ip6); in domain names (RFC 7208 §7.4) case does not matter.
 */
function ipv6Nibbles(ip: IPv6): string {
  const nibbles: string[] = [];
  for (const part of ip.parts) {
    const hex = part.toString(16).toUpperCase().padStart(4, '0');
    nibbles.push(hex[0], hex[1], hex[2], hex[3]);
  }
  return nibbles.join('.');
}

function letterValue(letter: MacroLetter, context: MacroContext): string {
  switch (letter) {
    case 's': return context.sender;
    case 'l': return context.localPart;
    case 'o': return context.senderDomain;
    case 'd': return context.domain;
    case 'i': return context.ipDotted;
    case 'p': return context.validatedDomain ?? 'unknown';
    case 'v': return context.ipVersionName;
    case 'h': return context.helo;
    case 'c': return context.ipText;
    case 'r': return context.receivingHost ?? 'unknown';
    case 't': return String(context.timestamp);
  }
}

function splitOnDelimiters(value: string, delimiters: string): string[] {
  if (delimiters.length === 1) return value.split(delimiters);
  const parts: string[] = [];
  let partStart = 0;
  for (let index = 0; index < value.length; index++) {
    if (delimiters.includes(value[index])) {
      parts.push(value.slice(partStart, index));
      partStart = index + 1;
    }
  }
  parts.push(value.slice(partStart));
  return parts;
}

const NOT_UNRESERVED = /[!'()*]/g;

/** URL encoding of RFC 7208 §7.3: everything but RFC 3986 unreserved characters is escaped. */
function urlEncode(value: string): string {
  return encodeURIComponent(value).replace(NOT_UNRESERVED, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Expands one macro (RFC 7208 §7.3: split on delimiters, reverse, keep right-hand parts, join with dots). */
export function expandMacro(macro: Macro, context: MacroContext): string {
  const value = letterValue(macro.letter, context);
  let result: string;
  if (macro.digits === undefined && !macro.reverse && macro.delimiters === '.') {
    result = value;
  } else {
    let parts = splitOnDelimiters(value, macro.delimiters);
    if (macro.reverse) parts.reverse();
    if (macro.digits !== undefined && macro.digits < parts.length) parts = parts.slice(parts.length - macro.digits);
    result = parts.join('.');
  }
  return macro.urlEncode ? urlEncode(result) : result;
}

/** Past this many characters a domain-spec expansion keeps only its right end (see below). */
const DOMAIN_GROWTH_GUARD = 4096;
/** Explanations longer than this are cut (a guard; RFC 7208 sets no bound). */
export const MAX_EXPLANATION_LENGTH = 1024;

/**
 * Expands a macro-string. Domain-specs are truncated to 253 characters by dropping labels on
 * the left (RFC 7208 §7.3); while expanding, only the right end is kept once the text grows past
 * a guard, which cannot change that result. Explanations are cut at `MAX_EXPLANATION_LENGTH`.
 */
export function expandMacroString(macroString: MacroString, context: MacroContext, kind: MacroStringKind): string {
  if (!macroString.hasMacros) {
    return kind === 'explain-string' ? macroString.text.slice(0, MAX_EXPLANATION_LENGTH) : truncateDomainName(macroString.text);
  }
  let output = '';
  for (const part of macroString.parts) {
    if (part.kind === 'literal') output += part.text;
    else if (part.kind === 'escape') output += part.value;
    else output += expandMacro(part, context);
    if (kind === 'explain-string') {
      if (output.length >= MAX_EXPLANATION_LENGTH) return output.slice(0, MAX_EXPLANATION_LENGTH);
    } else if (output.length > DOMAIN_GROWTH_GUARD) {
      output = output.slice(output.length - 512);
    }
  }
  return kind === 'explain-string' ? output : truncateDomainName(output);
}

/**
 * Parses and expands a macro text in one step (for hovers and examples). `%{p}` expands to
 * `context.validatedDomain` (resolve it with DNS first) or `unknown`.
 */
export function expandMacroText(
  text: string,
  context: MacroContext,
  kind: MacroStringKind = 'domain-spec',
): { value?: string; errors: SpfSyntaxError[] } {
  const errors: SpfSyntaxError[] = [];
  const parsed = parseMacroString(text, 0, text.length, kind, errors);
  return errors.length > 0 ? { errors } : { value: expandMacroString(parsed, context, kind), errors };
}
