/**
 * Checks of `ip4:`/`ip6:` and A/AAAA address texts, so the readers can accept the usual forms
 * without building an address; ipaddr.js parses the address when it is first read, and decides
 * alone for any IPv6 text these checks do not accept. For the texts the checks accept, the
 * octets can also be read off directly ({@link acceptedAddressOctets}), for checks that look at
 * bits. Each check is one pass over the characters, without copying them.
 */

/** True when `text` is a valid `ip4:` address (exactly what ipaddr.js `IPv4.isValidFourPartDecimal` accepts). */
export function isDottedQuad(text: string): boolean {
  return scanDottedQuad(text, 0, text.length, undefined);
}

/** True when `text` is an IPv6 address in plain hex groups; false says nothing (ask ipaddr.js). */
export function isHexGroupsIPv6(text: string): boolean {
  return scanHexGroups(text, 0, text.length, undefined);
}

/** {@link isDottedQuad} of `text` from `start` to `end`. */
export function isDottedQuadAt(text: string, start: number, end: number): boolean {
  return scanDottedQuad(text, start, end, undefined);
}

/** {@link isHexGroupsIPv6} of `text` from `start` to `end`. */
export function isHexGroupsIPv6At(text: string, start: number, end: number): boolean {
  return scanHexGroups(text, start, end, undefined);
}

/**
 * The octets (4 or 16, network order) of an address text that {@link isDottedQuad} or
 * {@link isHexGroupsIPv6} accepts, equal to ipaddr.js's `toByteArray()` of it; undefined for
 * any other text (ask ipaddr.js). These forms have no octal, hex or embedded-IPv4 parts, so the
 * octets are their decimal or hexadecimal groups, with `::` standing for the missing zero groups.
 */
export function acceptedAddressOctets(text: string): number[] | undefined {
  // A dotted quad has no colon; hex groups always have one.
  if (!text.includes(':')) {
    const octets = [0, 0, 0, 0];
    return scanDottedQuad(text, 0, text.length, octets) ? octets : undefined;
  }
  const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return scanHexGroups(text, 0, text.length, octets) ? octets : undefined;
}

const DOT = 46;
const COLON = 58;
const DIGIT_0 = 48;

/**
 * RFC 7208 §12 ip4-network in `[start, end)`: four decimal octets of 0 to 255 without leading
 * zeros, separated by dots. Writes them to `octets` when given.
 */
function scanDottedQuad(text: string, start: number, end: number, octets: number[] | undefined): boolean {
  let at = start;
  for (let part = 0; part < 4; part++) {
    if (part > 0 && (at >= end || text.charCodeAt(at++) !== DOT)) return false;
    const first = at;
    let value = 0;
    while (at < end && at - first < 3 && isDecimalDigit(text.charCodeAt(at))) value = value * 10 + text.charCodeAt(at++) - DIGIT_0;
    const digits = at - first;
    if (digits === 0 || value > 255 || (digits > 1 && text.charCodeAt(first) === DIGIT_0)) return false;
    if (octets) octets[part] = value;
  }
  return at === end;
}

/** The groups of the text {@link scanHexGroups} is reading (it never re-enters itself). */
const HEX_GROUPS = new Uint16Array(8);

/**
 * IPv6 in plain hex groups in `[start, end)`: eight colon-separated groups of 1 to 4 hex digits,
 * or at most seven groups around one `::`, with at most seven colons in all — a subset of what
 * ipaddr.js accepts (no embedded IPv4, no zone id). Writes the 16 octets to `octets` (which
 * must hold zeros) when given.
 */
function scanHexGroups(text: string, start: number, end: number, octets: number[] | undefined): boolean {
  const groups = HEX_GROUPS;
  let count = 0;
  let gap = -1;
  let colons = 0;
  let at = start;
  if (at < end && text.charCodeAt(at) === COLON) {
    if (at + 1 >= end || text.charCodeAt(at + 1) !== COLON) return false;
    gap = 0;
    colons = 2;
    at += 2;
  }
  while (at < end) {
    const first = at;
    let value = 0;
    for (let digit = hexDigitValue(text.charCodeAt(at)); digit >= 0 && at < end && at - first < 4; digit = hexDigitValue(text.charCodeAt(++at))) value = value * 16 + digit;
    if (at === first || count === 8) return false;
    groups[count++] = value;
    if (at === end) break;
    if (text.charCodeAt(at++) !== COLON || at === end) return false;
    colons++;
    if (text.charCodeAt(at) === COLON) {
      if (gap >= 0) return false;
      gap = count;
      colons++;
      at++;
    }
  }
  if (colons > 7 || (gap < 0 && count !== 8)) return false;
  if (octets) {
    for (let index = 0; index < count; index++) {
      // Groups after the `::` are counted from the end.
      const position = gap >= 0 && index >= gap ? 8 - count + index : index;
      octets[position * 2] = groups[index] >> 8;
      octets[position * 2 + 1] = groups[index] & 0xff;
    }
  }
  return true;
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
