/**
 * Regex checks of `ip4:`/`ip6:` address texts, so the parser can accept the usual forms without
 * building an address; ipaddr.js parses the address when it is first read, and decides alone
 * for any IPv6 text these checks do not accept.
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
