/**
 * Regex checks of `ip4:`/`ip6:` address texts, so the parser can accept the usual forms without
 * building an address; ipaddr.js parses the address when it is first read, and decides alone
 * for any IPv6 text these checks do not accept. For the texts the checks accept, the octets
 * can also be read off directly ({@link acceptedAddressOctets}), for checks that look at bits.
 */

/** RFC 7208 §12 ip4-network: a dotted quad of decimal octets (0 to 255) without leading zeros. */
const DOTTED_QUAD = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** {@link DOTTED_QUAD} matched from `lastIndex`, ending where no digit or dot follows. */
const DOTTED_QUAD_AT = /(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d.])/y;

/**
 * Eight colon-separated groups of 1 to 4 hex digits, or at most seven groups around one `::`,
 * with at most seven colons in all: a subset of what ipaddr.js accepts as IPv6 (no embedded
 * IPv4, no zone id).
 */
const HEX_GROUPS_IPV6 = /^(?!(?:[^:]*:){8})(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)$/i;
/** {@link HEX_GROUPS_IPV6} matched from `lastIndex`, ending where no hex digit or colon follows. */
const HEX_GROUPS_IPV6_AT = /(?!(?:[0-9a-f]*:){8})(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![0-9a-f:])/iy;

/** True when `text` is a valid `ip4:` address (exactly what ipaddr.js `IPv4.isValidFourPartDecimal` accepts). */
export function isDottedQuad(text: string): boolean {
  return DOTTED_QUAD.test(text);
}

/** True when `text` is an IPv6 address in plain hex groups; false says nothing (ask ipaddr.js). */
export function isHexGroupsIPv6(text: string): boolean {
  return HEX_GROUPS_IPV6.test(text);
}

/**
 * {@link isDottedQuad} of `text` from `start` to `end`, without copying it when no digit or dot
 * follows `end` (then a match of the sticky expression cannot run past `end`, and ends there
 * exactly when the range is a dotted quad).
 */
export function isDottedQuadAt(text: string, start: number, end: number): boolean {
  if (end < text.length && isDigitOrDot(text.charCodeAt(end))) return isDottedQuad(text.slice(start, end));
  return matchesTo(DOTTED_QUAD_AT, text, start, end);
}

/** {@link isHexGroupsIPv6} of `text` from `start` to `end`, without copying it when no hex digit or colon follows `end`. */
export function isHexGroupsIPv6At(text: string, start: number, end: number): boolean {
  if (end < text.length && isHexDigitOrColon(text.charCodeAt(end))) return isHexGroupsIPv6(text.slice(start, end));
  return matchesTo(HEX_GROUPS_IPV6_AT, text, start, end);
}

/**
 * The octets (4 or 16, network order) of an address text that {@link isDottedQuad} or
 * {@link isHexGroupsIPv6} accepts, equal to ipaddr.js's `toByteArray()` of it; undefined for
 * any other text (ask ipaddr.js). These forms have no octal, hex or embedded-IPv4 parts, so the
 * octets are their decimal or hexadecimal groups, with `::` standing for the missing zero groups.
 * Read in one pass over the characters, accepting exactly what the two expressions accept.
 */
export function acceptedAddressOctets(text: string): number[] | undefined {
  return dottedQuadOctets(text) ?? hexGroupsOctets(text);
}

const DOT = 46;
const COLON = 58;
const DIGIT_0 = 48;

/** Four decimal octets of 0 to 255 without leading zeros, as {@link DOTTED_QUAD}. */
function dottedQuadOctets(text: string): number[] | undefined {
  const octets: number[] = [0, 0, 0, 0];
  let at = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0 && text.charCodeAt(at++) !== DOT) return undefined;
    const first = at;
    let value = 0;
    while (at - first < 3 && at < text.length && isDecimalDigit(text.charCodeAt(at))) value = value * 10 + text.charCodeAt(at++) - DIGIT_0;
    const digits = at - first;
    if (digits === 0 || value > 255 || (digits > 1 && text.charCodeAt(first) === DIGIT_0)) return undefined;
    octets[part] = value;
  }
  return at === text.length ? octets : undefined;
}

/** The groups of the text {@link hexGroupsOctets} is reading (it never re-enters itself). */
const HEX_GROUPS = new Uint16Array(8);

/**
 * Groups of 1 to 4 hex digits, eight of them or fewer around one `::`, at most seven colons in
 * all, as {@link HEX_GROUPS_IPV6}.
 */
function hexGroupsOctets(text: string): number[] | undefined {
  const length = text.length;
  const groups = HEX_GROUPS;
  let count = 0;
  let gap = -1;
  let colons = 0;
  let at = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return undefined;
    gap = 0;
    colons = 2;
    at = 2;
  }
  while (at < length) {
    const first = at;
    let value = 0;
    for (let digit = hexDigitValue(text.charCodeAt(at)); digit >= 0 && at - first < 4; digit = hexDigitValue(text.charCodeAt(++at))) value = value * 16 + digit;
    if (at === first || count === 8) return undefined;
    groups[count++] = value;
    if (at === length) break;
    if (text.charCodeAt(at++) !== COLON || at === length) return undefined;
    colons++;
    if (text.charCodeAt(at) === COLON) {
      if (gap >= 0) return undefined;
      gap = count;
      colons++;
      at++;
    }
  }
  if (colons > 7 || (gap < 0 && count !== 8)) return undefined;
  const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let index = 0; index < count; index++) {
    // Groups after the `::` are counted from the end.
    const position = gap >= 0 && index >= gap ? 8 - count + index : index;
    octets[position * 2] = groups[index] >> 8;
    octets[position * 2 + 1] = groups[index] & 0xff;
  }
  return octets;
}

function isDecimalDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= 57;
}

/** The value of a hex digit character, or -1 (also past the end of the text, where the code is NaN). */
function hexDigitValue(code: number): number {
  if (code >= DIGIT_0 && code <= 57) return code - DIGIT_0;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Whether the sticky `expression` matches `text` from `start` to exactly `end`. */
function matchesTo(expression: RegExp, text: string, start: number, end: number): boolean {
  expression.lastIndex = start;
  return expression.test(text) && expression.lastIndex === end;
}

function isDigitOrDot(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46;
}

function isHexDigitOrColon(code: number): boolean {
  return (code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}
