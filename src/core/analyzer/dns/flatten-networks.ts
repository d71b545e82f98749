/**
 * Networks as flattening handles them: parsed with ipaddr.js, compared by coverage (one CIDR
 * block lies inside another), and written back as `ip4:`/`ip6:` mechanisms (RFC 7208 §5.6).
 */
import ipaddr from 'ipaddr.js';

/** One CIDR block with host bits cleared, and its text (`192.0.2.0/24`, `198.51.100.7`). */
export interface FlatNetwork {
  address: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
  text: string;
}

/** Parses `192.0.2.0/24`, `2001:db8::/32` or a bare address; undefined when it is not one. */
export function parseFlatNetwork(text: string): FlatNetwork | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  if (!ipaddr.isValid(addressText)) return undefined;
  const parsed = ipaddr.parse(addressText);
  const full = parsed.kind() === 'ipv4' ? 32 : 128;
  const prefix = slash < 0 ? full : Number(text.slice(slash + 1));
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > full) return undefined;
  if (prefix === full) return { address: parsed, prefix, text: parsed.toString() };
  const network = parsed.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(`${addressText}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${addressText}/${prefix}`);
  return { address: network, prefix, text: `${network.toString()}/${prefix}` };
}

/** True when every address of `inner` lies in `outer` (same family only). */
export function coversNetwork(outer: FlatNetwork, inner: FlatNetwork): boolean {
  if (outer.address.kind() !== inner.address.kind() || outer.prefix > inner.prefix) return false;
  return outer.address.kind() === 'ipv4'
    ? (inner.address as ipaddr.IPv4).match(outer.address as ipaddr.IPv4, outer.prefix)
    : (inner.address as ipaddr.IPv6).match(outer.address as ipaddr.IPv6, outer.prefix);
}

/** True when the two blocks share an address (CIDR blocks either nest or are disjoint). */
export function overlapsNetwork(a: FlatNetwork, b: FlatNetwork): boolean {
  return coversNetwork(a, b) || coversNetwork(b, a);
}

/**
 * The blocks without duplicates and without a block that another of the list covers (the
 * wider one stays), in their first order. Exact for blocks that share one qualifier and one
 * position in a record: an address matches the merged list exactly when it matched the list.
 */
export function withoutCoveredNetworks(networks: readonly FlatNetwork[]): FlatNetwork[] {
  const kept: FlatNetwork[] = [];
  networks.forEach((network, index) => {
    const covered = networks.some((other, otherIndex) => otherIndex !== index && coversNetwork(other, network) && (other.prefix < network.prefix || otherIndex < index));
    if (!covered) kept.push(network);
  });
  return kept;
}

/** The mechanism for a block: `ip4:192.0.2.0/24`, `ip6:2001:db8::/32`, after `qualifier` as written. */
export function networkMechanism(network: FlatNetwork, qualifier: string): string {
  return `${qualifier}${network.address.kind() === 'ipv4' ? 'ip4' : 'ip6'}:${network.text}`;
}
