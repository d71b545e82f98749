/**
 * IP address checks for bounce facts, on ipaddr.js. Only dotted-quad IPv4 (no legacy `1.2.3`
 * forms) and RFC 4291 IPv6 text are accepted; an IPv4-mapped IPv6 address is reported as IPv4.
 */
import ipaddr from 'ipaddr.js';

/**
 * Ranges a receiver on the public Internet can never have seen as the connecting client:
 * private (RFC 1918), shared CGN space (RFC 6598), loopback, link-local, unique-local (RFC 4193),
 * unspecified, broadcast and multicast. Documentation ranges (RFC 5737 / RFC 3849, "reserved"
 * for ipaddr.js) are kept: examples and tests use them.
 */
const NEVER_A_PUBLIC_CLIENT = new Set([
  'private',
  'carrierGradeNat',
  'loopback',
  'linkLocal',
  'uniqueLocal',
  'unspecified',
  'broadcast',
  'multicast',
]);

/** The canonical text of `candidate` when it is a valid IPv4 or IPv6 address, else undefined. */
export function canonicalIp(candidate: string): string | undefined {
  const text = candidate.replace(/^IPv6:/i, '');
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return undefined;
  const v6 = ipaddr.IPv6.parse(text);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toString() : v6.toString();
}

/** True when `ip` (canonical) could be the address a public mail receiver saw connecting. */
export function couldBePublicClient(ip: string): boolean {
  return !NEVER_A_PUBLIC_CLIENT.has(ipaddr.parse(ip).range());
}
