/**
 * The SPF record parser (RFC 7208 §4.5, §4.6.1, §5, §6, §12): `v=spf1` text into terms with
 * exact ranges. Never throws; syntax errors are data.
 */
import ipaddr from 'ipaddr.js';
import type {
  CidrLength,
  DualCidr,
  MacroString,
  MechanismTerm,
  ModifierTerm,
  SpfRecord,
  SpfSyntaxError,
  SyntaxErrorCode,
  Term,
} from './ast';
import type { TextRange } from '../text/range';
import { keptDomainSpec, parseDomainSpec } from './domain-spec';
import { macroString, parseMacroParts } from './macro-parser';
import { isDottedQuad, isHexGroupsIPv6 } from './network-text';
import {
  ArgumentMechanismNode,
  InvalidNode,
  isSpfRecordText,
  MECHANISM_NAMES,
  MechanismNode,
  ModifierNode,
  NetworkMechanismNode,
  qualifierAt,
  RecordNode,
} from './parsed-nodes';

/** Mechanism name codes: indexes in `MECHANISM_NAMES`. */
const ALL = 0;
const INCLUDE = 1;
const A = 2;
const MX = 3;
const PTR = 4;
const IP4 = 5;
const IP6 = 6;
const EXISTS = 7;

/** True when `[start, start + word.length)` of `text` is `word` (lower-case ASCII) in any case. */
function matchesAt(text: string, start: number, word: string): boolean {
  for (let offset = 0; offset < word.length; offset++) {
    if ((text.charCodeAt(start + offset) | 0x20) !== word.charCodeAt(offset)) return false;
  }
  return true;
}

/** The code of the mechanism named by `[start, end)` of `text` (ASCII name characters, any case), or -1. */
function mechanismCodeAt(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start) | 0x20;
  switch (end - start) {
    case 1:
      return first === 0x61 ? A : -1;
    case 2:
      return first === 0x6d && (text.charCodeAt(start + 1) | 0x20) === 0x78 ? MX : -1;
    case 3:
      if (first === 0x61) return matchesAt(text, start, 'all') ? ALL : -1;
      if (first === 0x70) return matchesAt(text, start, 'ptr') ? PTR : -1;
      if (first !== 0x69 || (text.charCodeAt(start + 1) | 0x20) !== 0x70) return -1;
      return text.charCodeAt(start + 2) === 0x34 ? IP4 : text.charCodeAt(start + 2) === 0x36 ? IP6 : -1;
    case 6:
      return matchesAt(text, start, 'exists') ? EXISTS : -1;
    case 7:
      return matchesAt(text, start, 'include') ? INCLUDE : -1;
    default:
      return -1;
  }
}

export { isSpfRecordText } from './parsed-nodes';

/** Parsed records by text; they are immutable data, so evaluations share them. */
const parseCache = new Map<string, SpfRecord>();
/** How many parsed records the shared cache holds; it is emptied when full. */
export const PARSE_CACHE_LIMIT = 2000;

/**
 * Parses an SPF record. Unknown modifiers are kept; unknown mechanisms, bad syntax, a duplicate
 * `redirect=`/`exp=` (RFC 7208 §6) and text without the `v=spf1` tag are reported in `errors`.
 * The result is cached and shared: do not mutate it.
 */
export function parseRecord(text: string): SpfRecord {
  const cached = parseCache.get(text);
  if (cached) return cached;
  const record = parseUncached(text);
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
  parseCache.set(text, record);
  return record;
}

/**
 * Parses an SPF record without the shared cache, neither reading nor filling it: for one-off
 * texts (a fix's result, a single term checked on its own) that would otherwise push the
 * records of the document out of it, and for documents with more records than it holds.
 */
export function parseRecordOnce(text: string): SpfRecord {
  return parseUncached(text);
}

/**
 * The terms of the record being parsed, reused from record to record (parsing never re-enters
 * itself); each record keeps a copy that holds exactly its terms.
 */
let termBuffer: Term[] = [];
/** A buffer grown beyond this many terms by a long record is dropped rather than kept. */
const KEPT_BUFFER_LENGTH = 64;

function parseUncached(text: string): SpfRecord {
  const errors: SpfSyntaxError[] = [];
  const buffer = termBuffer;
  let count = 0;
  let allMechanisms = true;
  let redirect: ModifierTerm | undefined;
  let exp: ModifierTerm | undefined;
  const hasVersion = isSpfRecordText(text);
  let index = 6;
  if (!hasVersion) {
    index = text.indexOf(' ');
    if (index < 0) index = text.length;
    errors.push({ range: { start: 0, end: index }, reason: 'an SPF record must begin with "v=spf1" followed by a space or the end', code: 'not-spf' });
  }
  const length = text.length;
  while (index < length) {
    if (text.charCodeAt(index) === 0x20) {
      index++;
      continue;
    }
    let termEnd = text.indexOf(' ', index);
    if (termEnd < 0) termEnd = length;
    const term = parseTerm(text, index, termEnd, count, errors);
    buffer[count++] = term;
    if (term.kind !== 'mechanism') {
      allMechanisms = false;
      if (term.kind === 'modifier' && term.known) {
        const isRedirect = term.name === 'redirect';
        if (isRedirect ? redirect : exp) {
          errors.push({ range: term.range, reason: `"${term.name}=" appears more than once (RFC 7208 §6)`, code: 'duplicate-modifier', termIndex: term.index });
        } else if (isRedirect) {
          redirect = term;
        } else {
          exp = term;
        }
      }
    }
    index = termEnd;
  }
  const terms = buffer.slice(0, count);
  if (count > KEPT_BUFFER_LENGTH) termBuffer = [];
  const mechanisms = allMechanisms ? undefined : terms.filter((term): term is MechanismTerm => term.kind === 'mechanism');
  return new RecordNode(text, terms, errors, mechanisms, redirect, exp);
}

function isNameChar(code: number): boolean {
  return (
    ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d || code === 0x5f || code === 0x2e
  );
}

function addError(errors: SpfSyntaxError[], range: TextRange, reason: string, code: SyntaxErrorCode, termIndex: number): void {
  errors.push({ range, reason, code, termIndex });
}

function parseTerm(text: string, start: number, end: number, index: number, errors: SpfSyntaxError[]): Term {
  const hasQualifier = qualifierAt(text, start) !== undefined;
  const nameStart = hasQualifier ? start + 1 : start;
  let cursor = nameStart;
  while (cursor < end && isNameChar(text.charCodeAt(cursor))) cursor++;
  if (cursor < end && text.charCodeAt(cursor) === 0x3d) {
    const name = text.slice(nameStart, cursor).toLowerCase();
    if (hasQualifier) {
      addError(errors, { start, end }, 'a modifier cannot have a qualifier', 'qualified-modifier', index);
      return new InvalidNode(text, start, end, index, name);
    }
    if (name.length === 0 || !((name.charCodeAt(0) | 0x20) >= 0x61 && (name.charCodeAt(0) | 0x20) <= 0x7a)) {
      addError(errors, cursor > nameStart ? { start: nameStart, end: cursor } : { start, end }, 'a modifier name must start with a letter', 'invalid-modifier-name', index);
      return new InvalidNode(text, start, end, index, undefined);
    }
    const parts = name === 'redirect' || name === 'exp'
      ? parseDomainSpec(text, cursor + 1, end, errors, index)
      : parseMacroParts(text, cursor + 1, end, 'modifier-value', errors, index);
    return new ModifierNode(text, start, end, index, name, macroString(text, cursor + 1, end, parts));
  }
  if (cursor === nameStart) {
    addError(errors, { start, end }, `"${text.slice(start, end)}" is not a mechanism or modifier`, 'invalid-term', index);
    return new InvalidNode(text, start, end, index, undefined);
  }
  const code = mechanismCodeAt(text, nameStart, cursor);
  if (code < 0) {
    let shownEnd = nameStart;
    while (shownEnd < end && text.charCodeAt(shownEnd) !== 0x3a && text.charCodeAt(shownEnd) !== 0x2f) shownEnd++;
    addError(errors, { start, end }, `unknown mechanism "${text.slice(nameStart, shownEnd)}"`, 'unknown-mechanism', index);
    return new InvalidNode(text, start, end, index, text.slice(nameStart, cursor).toLowerCase());
  }
  return parseMechanism(text, start, end, index, code, cursor, errors);
}

/**
 * Parses the argument of the known mechanism of `code` whose name ends at `cursor`. A mechanism
 * missing a required part (the domain of `include`/`exists`, the network of `ip4`/`ip6`) becomes
 * an invalid term; its error is already reported.
 */
function parseMechanism(text: string, start: number, end: number, index: number, code: number, cursor: number, errors: SpfSyntaxError[]): Term {
  const hasColon = cursor < end && text.charCodeAt(cursor) === 0x3a;
  const name = MECHANISM_NAMES[code];
  switch (code) {
    case ALL:
      if (cursor < end) addError(errors, { start: cursor, end }, '"all" takes no argument', 'unexpected-argument', index);
      return new MechanismNode(text, start, end, index, code);
    case INCLUDE:
    case EXISTS: {
      if (!hasColon) {
        addError(errors, cursor < end ? { start: cursor, end } : { start, end }, `"${name}" needs ":domain"`, 'missing-domain', index);
        return new InvalidNode(text, start, end, index, name);
      }
      return mechanismWith(text, start, end, index, code, keptDomainSpec(text, cursor + 1, end, parseDomainSpec(text, cursor + 1, end, errors, index)), undefined);
    }
    case PTR: {
      if (!hasColon && cursor < end) addError(errors, { start: cursor, end }, '"ptr" takes only ":domain"', 'unexpected-argument', index);
      const domainSpec = hasColon ? keptDomainSpec(text, cursor + 1, end, parseDomainSpec(text, cursor + 1, end, errors, index)) : undefined;
      return mechanismWith(text, start, end, index, code, domainSpec, undefined);
    }
    case A:
    case MX: {
      const cidr = cursor < end ? parseDualCidr(text, hasColon ? cursor + 1 : cursor, end, errors, index) : undefined;
      const specEnd = cidr ? cidr.range.start : end;
      let domainSpec: MacroString | undefined;
      if (hasColon) domainSpec = keptDomainSpec(text, cursor + 1, specEnd, parseDomainSpec(text, cursor + 1, specEnd, errors, index));
      else if (specEnd > cursor) addError(errors, { start: cursor, end: specEnd }, `unexpected "${text.slice(cursor, specEnd)}" after "${name}"`, 'unexpected-argument', index);
      return mechanismWith(text, start, end, index, code, domainSpec, cidr);
    }
    default: {
      if (!hasColon) {
        addError(errors, cursor < end ? { start: cursor, end } : { start, end }, `"${name}" needs ":address"`, 'invalid-ip', index);
        return new InvalidNode(text, start, end, index, name);
      }
      const network = checkNetwork(text, code === IP4, cursor + 1, end, errors, index);
      if (network === undefined) return new InvalidNode(text, start, end, index, name);
      return new NetworkMechanismNode(text, start, end, index, code, network === 'valid' ? undefined : network);
    }
  }
}

/** A mechanism node that keeps its domain-spec or dual CIDR only when it has one to keep. */
function mechanismWith(text: string, start: number, end: number, index: number, code: number, domainSpec: MacroString | undefined, cidr: DualCidr | undefined): MechanismTerm {
  return domainSpec === undefined && cidr === undefined
    ? new MechanismNode(text, start, end, index, code)
    : new ArgumentMechanismNode(text, start, end, index, code, domainSpec, cidr);
}

/** RFC 7208 §12 ip4-cidr-length / ip6-cidr-length: "0" or digits without a leading zero. */
function parseCidrDigits(text: string, start: number, end: number, max: number): number | undefined {
  const length = end - start;
  if (length === 0 || length > 3 || (length > 1 && text.charCodeAt(start) === 0x30)) return undefined;
  let value = 0;
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (code < 0x30 || code > 0x39) return undefined;
    value = value * 10 + (code - 0x30);
  }
  return value <= max ? value : undefined;
}

function isDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * Finds a dual CIDR (`/n`, `//n`, `/n//m`) at the end of `[start, end)` of an `a`/`mx` term.
 * Slashes that do not form one stay with the domain-spec (whose own check then reports them).
 */
function parseDualCidr(text: string, start: number, end: number, errors: SpfSyntaxError[], termIndex: number): DualCidr | undefined {
  const firstSlash = text.indexOf('/', start);
  if (firstSlash < 0 || firstSlash >= end) return undefined;
  let ip4: CidrLength | undefined;
  let ip6: CidrLength | undefined;
  let cidrStart = end;
  const doubleSlash = end - start >= 2 ? text.lastIndexOf('//', end - 2) : -1;
  if (doubleSlash >= start && isDigits(text, doubleSlash + 2, end)) {
    const digitsStart = doubleSlash + 2;
    const value = parseCidrDigits(text, digitsStart, end, 128);
    const range = { start: doubleSlash, end };
    if (value === undefined) addError(errors, range, `invalid IPv6 prefix length "${text.slice(digitsStart, end)}" (0 to 128, no leading zeros)`, 'invalid-cidr', termIndex);
    else ip6 = { value, range, valueRange: { start: digitsStart, end } };
    cidrStart = doubleSlash;
  }
  const ip4Slash = text.lastIndexOf('/', cidrStart - 1);
  if (ip4Slash >= start && ip4Slash + 1 < cidrStart && isDigits(text, ip4Slash + 1, cidrStart) && text[ip4Slash - 1] !== '/') {
    const value = parseCidrDigits(text, ip4Slash + 1, cidrStart, 32);
    const range = { start: ip4Slash, end: cidrStart };
    if (value === undefined) addError(errors, range, `invalid IPv4 prefix length "${text.slice(ip4Slash + 1, cidrStart)}" (0 to 32, no leading zeros)`, 'invalid-cidr', termIndex);
    else ip4 = { value, range, valueRange: { start: ip4Slash + 1, end: cidrStart } };
    cidrStart = ip4Slash;
  }
  if (cidrStart === end) return undefined;
  if (ip4 && ip6) return { range: { start: cidrStart, end }, ip4, ip6 };
  if (ip4) return { range: { start: cidrStart, end }, ip4 };
  if (ip6) return { range: { start: cidrStart, end }, ip6 };
  return { range: { start: cidrStart, end } };
}

/**
 * An IPv6 address text is valid when it has no zone id and ipaddr.js parses it; the usual
 * plain-hex form is recognised without parsing. Returns the address when it had to be parsed.
 */
function checkIPv6(addressText: string): ipaddr.IPv6 | 'valid' | undefined {
  if (addressText.includes('%')) return undefined;
  if (isHexGroupsIPv6(addressText)) return 'valid';
  if (!addressText.includes(':')) return undefined;
  try {
    return ipaddr.IPv6.parse(addressText);
  } catch {
    return undefined;
  }
}

/**
 * Checks the network of an `ip4`/`ip6` term in `[start, end)`: `valid`, or the IPv6 address
 * when checking it meant parsing it, or undefined when the address or prefix is invalid
 * (reported). Addresses not parsed here are parsed on first read.
 */
function checkNetwork(text: string, isV4: boolean, start: number, end: number, errors: SpfSyntaxError[], termIndex: number): ipaddr.IPv6 | 'valid' | undefined {
  let slash = text.indexOf('/', start);
  if (slash < 0 || slash > end) slash = end;
  const addressText = text.slice(start, slash);
  const address = isV4 ? (isDottedQuad(addressText) ? 'valid' : undefined) : checkIPv6(addressText);
  if (address === undefined) {
    const range = slash > start ? { start, end: slash } : { start: start - 1, end };
    addError(errors, range, `"${addressText}" is not a valid ${isV4 ? 'IPv4' : 'IPv6'} address`, 'invalid-ip', termIndex);
    return undefined;
  }
  const max = isV4 ? 32 : 128;
  if (slash < end && parseCidrDigits(text, slash + 1, end, max) === undefined) {
    addError(errors, { start: slash, end }, `invalid prefix length "${text.slice(slash + 1, end)}" (0 to ${max}, no leading zeros)`, 'invalid-cidr', termIndex);
    return undefined;
  }
  return address;
}
