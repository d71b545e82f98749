/**
 * Regex checks of `ip4:`/`ip6:` address texts, so the parser can accept the usual forms without
 * building an address; ipaddr.js parses the address when it is first read, and decides alone
 * for any IPv6 text these checks do not accept.
 */

/** RFC 7208 §12 ip4-network: a dotted quad of decimal octets (0 to 255) without leading zeros. */
const DOTTED_QUAD = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * Eight colon-separated groups of 1 to 4 hex digits, or at most seven groups around one `::`,
 * with at most seven colons in all: a subset of what ipaddr.js accepts as IPv6 (no embedded
 * IPv4, no zone id).
 */
const HEX_GROUPS_IPV6 = /^(?!(?:[^:]*:){8})(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)$/i;

/** True when `text` is a valid `ip4:` address (exactly what ipaddr.js `IPv4.isValidFourPartDecimal` accepts). */
export function isDottedQuad(text: string): boolean {
  return DOTTED_QUAD.test(text);
}

/** True when `text` is an IPv6 address in plain hex groups; false says nothing (ask ipaddr.js). */
export function isHexGroupsIPv6(text: string): boolean {
  return HEX_GROUPS_IPV6.test(text);
}
