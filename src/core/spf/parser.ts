/**
 * The SPF record parser (RFC 7208 §4.5, §4.6.1, §5, §6, §12): `v=spf1` text into terms with
 * exact ranges. Never throws; syntax errors are data.
 */
import ipaddr from 'ipaddr.js';
import type {
  CidrLength,
  DualCidr,
  InvalidTerm,
  MacroString,
  MechanismName,
  MechanismTerm,
  ModifierTerm,
  NetworkSpec,
  Qualifier,
  SpfRecord,
  SpfSyntaxError,
  Term,
} from './ast';
import type { TextRange } from '../text/range';
import { isValidToplabel } from './domain-name';
import { parseMacroString } from './macro';

const VERSION_TAG = 'v=spf1';
const MECHANISM_NAMES = new Set<string>(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const QUALIFIERS = '+-~?';

/**
 * True when `text` is an SPF record by RFC 7208 §4.5: it begins with `v=spf1` (any case),
 * followed by a space or the end of the text.
 */
export function isSpfRecordText(text: string): boolean {
  return (
    text.length >= 6 &&
    text.slice(0, 6).toLowerCase() === VERSION_TAG &&
    (text.length === 6 || text.charCodeAt(6) === 0x20)
  );
}

/** Parsed records by text; they are immutable data, so evaluations share them. */
const parseCache = new Map<string, SpfRecord>();
const PARSE_CACHE_LIMIT = 2000;

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

function parseUncached(text: string): SpfRecord {
  const errors: SpfSyntaxError[] = [];
  const terms: Term[] = [];
  const mechanisms: MechanismTerm[] = [];
  const record: SpfRecord = { text, terms, errors, mechanisms };
  let index = 0;
  if (isSpfRecordText(text)) {
    record.versionRange = { start: 0, end: 6 };
    index = 6;
  } else {
    let tagEnd = text.indexOf(' ');
    if (tagEnd < 0) tagEnd = text.length;
    errors.push({ range: { start: 0, end: tagEnd }, reason: 'an SPF record must begin with "v=spf1" followed by a space or the end', code: 'not-spf' });
    index = tagEnd;
  }
  const length = text.length;
  while (index < length) {
    if (text.charCodeAt(index) === 0x20) {
      index++;
      continue;
    }
    let termEnd = text.indexOf(' ', index);
    if (termEnd < 0) termEnd = length;
    const term = parseTerm(text, index, termEnd, terms.length, errors);
    terms.push(term);
    if (term.kind === 'mechanism') mechanisms.push(term);
    else if (term.kind === 'modifier' && term.known) {
      const slot = term.name as 'redirect' | 'exp';
      if (record[slot]) {
        errors.push({
          range: term.range,
          reason: `"${term.name}=" appears more than once (RFC 7208 §6)`,
          code: 'duplicate-modifier',
          termIndex: term.index,
        });
      } else {
        record[slot] = term;
      }
    }
    index = termEnd;
  }
  return record;
}

function isNameChar(code: number): boolean {
  return (
    ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d || code === 0x5f || code === 0x2e
  );
}

function parseTerm(text: string, start: number, end: number, index: number, errors: SpfSyntaxError[]): Term {
  const base = { text: text.slice(start, end), range: { start, end }, index };
  let cursor = start;
  const qualifierChar = text[cursor];
  const hasQualifier = QUALIFIERS.includes(qualifierChar);
  if (hasQualifier) cursor++;
  const nameStart = cursor;
  while (cursor < end && isNameChar(text.charCodeAt(cursor))) cursor++;
  const nameRange = { start: nameStart, end: cursor };
  const name = text.slice(nameStart, cursor).toLowerCase();
  const fail = (range: TextRange, reason: string, code: SpfSyntaxError['code'], termName?: string): InvalidTerm => {
    errors.push({ range, reason, code, termIndex: index });
    return termName === undefined ? { kind: 'invalid', ...base } : { kind: 'invalid', ...base, name: termName };
  };

  if (cursor < end && text[cursor] === '=') {
    if (hasQualifier) return fail(base.range, 'a modifier cannot have a qualifier', 'qualified-modifier', name);
    if (name.length === 0 || !((name.charCodeAt(0) | 0x20) >= 0x61 && (name.charCodeAt(0) | 0x20) <= 0x7a)) {
      return fail(nameRange.end > nameRange.start ? nameRange : base.range, 'a modifier name must start with a letter', 'invalid-modifier-name');
    }
    return parseModifier(text, base, name, nameRange, cursor + 1, end, errors);
  }
  if (name.length === 0) {
    return fail(base.range, `"${base.text}" is not a mechanism or modifier`, 'invalid-term');
  }
  if (!MECHANISM_NAMES.has(name)) {
    const nameEnd = text.slice(nameStart, end).search(/[:/]/);
    const shownName = nameEnd < 0 ? text.slice(nameStart, end) : text.slice(nameStart, nameStart + nameEnd);
    return fail(base.range, `unknown mechanism "${shownName}"`, 'unknown-mechanism', name);
  }
  const mechanism: MechanismTerm = {
    kind: 'mechanism',
    ...base,
    name: name as MechanismName,
    nameRange,
    qualifier: hasQualifier ? (qualifierChar as Qualifier) : '+',
  };
  if (hasQualifier) mechanism.qualifierRange = { start, end: start + 1 };
  const errorCount = errors.length;
  parseMechanismArguments(text, mechanism, cursor, end, errors);
  return errors.length > errorCount && !isComplete(mechanism) ? { kind: 'invalid', ...base, name } : mechanism;
}

/** A mechanism whose required parts parsed; otherwise it is reported as an invalid term. */
function isComplete(mechanism: MechanismTerm): boolean {
  switch (mechanism.name) {
    case 'include':
    case 'exists':
      return mechanism.domainSpec !== undefined;
    case 'ip4':
    case 'ip6':
      return mechanism.network !== undefined;
    default:
      return true;
  }
}

function parseModifier(
  text: string,
  base: { text: string; range: TextRange; index: number },
  name: string,
  nameRange: TextRange,
  valueStart: number,
  end: number,
  errors: SpfSyntaxError[],
): ModifierTerm {
  const known = name === 'redirect' || name === 'exp';
  const value = known
    ? parseDomainSpec(text, valueStart, end, errors, base.index)
    : parseMacroString(text, valueStart, end, 'modifier-value', errors, base.index);
  return { kind: 'modifier', ...base, name, nameRange, known, value };
}

function parseMechanismArguments(text: string, mechanism: MechanismTerm, cursor: number, end: number, errors: SpfSyntaxError[]): void {
  const report = (range: TextRange, reason: string, code: SpfSyntaxError['code']): void => {
    errors.push({ range, reason, code, termIndex: mechanism.index });
  };
  const hasColon = cursor < end && text[cursor] === ':';
  switch (mechanism.name) {
    case 'all':
      if (cursor < end) report({ start: cursor, end }, '"all" takes no argument', 'unexpected-argument');
      return;
    case 'include':
    case 'exists':
      if (!hasColon) {
        report(cursor < end ? { start: cursor, end } : mechanism.range, `"${mechanism.name}" needs ":domain"`, 'missing-domain');
        return;
      }
      mechanism.domainSpec = parseDomainSpec(text, cursor + 1, end, errors, mechanism.index);
      return;
    case 'ptr':
      if (hasColon) mechanism.domainSpec = parseDomainSpec(text, cursor + 1, end, errors, mechanism.index);
      else if (cursor < end) report({ start: cursor, end }, '"ptr" takes only ":domain"', 'unexpected-argument');
      return;
    case 'a':
    case 'mx': {
      const cidr = parseDualCidr(text, hasColon ? cursor + 1 : cursor, end, report);
      const specEnd = cidr ? cidr.range.start : end;
      if (cidr) mechanism.cidr = cidr;
      if (hasColon) mechanism.domainSpec = parseDomainSpec(text, cursor + 1, specEnd, errors, mechanism.index);
      else if (specEnd > cursor) report({ start: cursor, end: specEnd }, `unexpected "${text.slice(cursor, specEnd)}" after "${mechanism.name}"`, 'unexpected-argument');
      return;
    }
    case 'ip4':
    case 'ip6': {
      if (!hasColon) {
        report(cursor < end ? { start: cursor, end } : mechanism.range, `"${mechanism.name}" needs ":address"`, 'invalid-ip');
        return;
      }
      const network = parseNetwork(text, mechanism.name, cursor + 1, end, report);
      if (network) mechanism.network = network;
      return;
    }
  }
}

/** RFC 7208 §12 ip4-cidr-length / ip6-cidr-length: "0" or digits without a leading zero. */
function parseCidrDigits(text: string, start: number, end: number, max: number): number | undefined {
  const digits = text.slice(start, end);
  if (digits.length === 0 || digits.length > 3 || (digits.length > 1 && digits[0] === '0')) return undefined;
  for (let index = 0; index < digits.length; index++) {
    const code = digits.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return undefined;
  }
  const value = Number(digits);
  return value <= max ? value : undefined;
}

/**
 * Finds a dual CIDR (`/n`, `//n`, `/n//m`) at the end of `[start, end)` of an `a`/`mx` term.
 * Slashes that do not form one stay with the domain-spec (whose own check then reports them).
 */
function parseDualCidr(
  text: string,
  start: number,
  end: number,
  report: (range: TextRange, reason: string, code: SpfSyntaxError['code']) => void,
): DualCidr | undefined {
  const region = text.slice(start, end);
  const firstSlash = region.indexOf('/');
  if (firstSlash < 0) return undefined;
  const isDigits = (from: number, to: number): boolean => to > from && /^[0-9]+$/.test(text.slice(from, to));
  let ip4: CidrLength | undefined;
  let ip6: CidrLength | undefined;
  let cidrStart = end;
  const doubleSlash = region.lastIndexOf('//');
  if (doubleSlash >= 0 && isDigits(start + doubleSlash + 2, end)) {
    const digitsStart = start + doubleSlash + 2;
    const value = parseCidrDigits(text, digitsStart, end, 128);
    const range = { start: start + doubleSlash, end };
    if (value === undefined) report(range, `invalid IPv6 prefix length "${text.slice(digitsStart, end)}" (0 to 128, no leading zeros)`, 'invalid-cidr');
    else ip6 = { value, range, valueRange: { start: digitsStart, end } };
    cidrStart = start + doubleSlash;
  }
  const ip4Slash = text.lastIndexOf('/', cidrStart - 1);
  if (ip4Slash >= start && ip4Slash + 1 < cidrStart && isDigits(ip4Slash + 1, cidrStart) && text[ip4Slash - 1] !== '/') {
    const value = parseCidrDigits(text, ip4Slash + 1, cidrStart, 32);
    const range = { start: ip4Slash, end: cidrStart };
    if (value === undefined) report(range, `invalid IPv4 prefix length "${text.slice(ip4Slash + 1, cidrStart)}" (0 to 32, no leading zeros)`, 'invalid-cidr');
    else ip4 = { value, range, valueRange: { start: ip4Slash + 1, end: cidrStart } };
    cidrStart = ip4Slash;
  }
  if (cidrStart === end) return undefined;
  const cidr: DualCidr = { range: { start: cidrStart, end } };
  if (ip4) cidr.ip4 = ip4;
  if (ip6) cidr.ip6 = ip6;
  return cidr;
}

function parseNetwork(
  text: string,
  name: 'ip4' | 'ip6',
  start: number,
  end: number,
  report: (range: TextRange, reason: string, code: SpfSyntaxError['code']) => void,
): NetworkSpec | undefined {
  let slash = text.indexOf('/', start);
  if (slash < 0 || slash > end) slash = end;
  const addressText = text.slice(start, slash);
  const range = { start, end: slash };
  const isV4 = name === 'ip4';
  const valid = isV4
    ? ipaddr.IPv4.isValidFourPartDecimal(addressText)
    : addressText.includes(':') && !addressText.includes('%') && ipaddr.IPv6.isValid(addressText);
  if (!valid) {
    report(range.end > range.start ? range : { start: start - 1, end }, `"${addressText}" is not a valid ${isV4 ? 'IPv4' : 'IPv6'} address`, 'invalid-ip');
    return undefined;
  }
  const address = isV4 ? ipaddr.IPv4.parse(addressText) : ipaddr.IPv6.parse(addressText);
  const network: NetworkSpec = { text: addressText, range, address, prefixLength: isV4 ? 32 : 128 };
  if (slash < end) {
    const max = isV4 ? 32 : 128;
    const value = parseCidrDigits(text, slash + 1, end, max);
    const cidrRange = { start: slash, end };
    if (value === undefined) {
      report(cidrRange, `invalid prefix length "${text.slice(slash + 1, end)}" (0 to ${max}, no leading zeros)`, 'invalid-cidr');
      return undefined;
    }
    network.cidr = { value, range: cidrRange, valueRange: { start: slash + 1, end } };
    network.prefixLength = value;
  }
  return network;
}

/**
 * RFC 7208 §12 `domain-spec = macro-string domain-end`, `domain-end = ( "." toplabel [ "." ] ) / macro-expand`.
 */
function parseDomainSpec(text: string, start: number, end: number, errors: SpfSyntaxError[], termIndex: number): MacroString {
  const errorCount = errors.length;
  const spec = parseMacroString(text, start, end, 'domain-spec', errors, termIndex);
  if (start === end) {
    errors.push({ range: { start: start - 1, end }, reason: 'missing domain after the separator', code: 'missing-domain', termIndex });
    return spec;
  }
  if (errors.length > errorCount) return spec;
  const last = spec.parts[spec.parts.length - 1];
  if (last.kind !== 'literal') return spec;
  const literal = last.text.endsWith('.') ? last.text.slice(0, -1) : last.text;
  const dot = literal.lastIndexOf('.');
  const toplabel = dot < 0 ? '' : literal.slice(dot + 1);
  const endsAfterMacro = dot < 0 && spec.parts.length > 1 && literal.length === 0;
  if (!endsAfterMacro && (dot < 0 || !isValidToplabel(toplabel))) {
    errors.push({
      range: spec.range,
      reason: `"${spec.text}" does not end in a valid domain name (a dot and a top-level label such as ".com", or a macro)`,
      code: 'invalid-domain',
      termIndex,
    });
  }
  return spec;
}
