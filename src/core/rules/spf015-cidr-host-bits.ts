/**
 * SPF015 cidr-host-bits: `ip4:192.0.2.10/24` — an address with bits set below its prefix
 * length. SPF compares only the prefix (RFC 7208 §5.6), so it means `192.0.2.0/24`: all 256
 * addresses, which is often not what was meant (a single host, `/32`).
 */
import ipaddr from 'ipaddr.js';
import type { RuleDefinition } from '../analyzer/rule-api';
import { acceptedAddressOctets } from '../spf/network-text';
import { ruleMeta } from './support';

export const cidrHostBitsRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF015',
    alias: 'cidr-host-bits',
    title: 'Network written with host bits set',
    description: 'An ip4/ip6 network whose address has bits set past the prefix length authorises the whole network; write its network address, or drop the prefix for one host.',
    defaultSeverity: 'warning',
    rfc: '7208 §5.6',
    fixable: true,
  }),
  messages: {
    hostBits: '"{term}" has host bits set past /{prefix}: SPF compares only the first {prefix} bits (RFC 7208 §5.6), so it authorises all of {network}/{prefix}. Write "{network}/{prefix}" if you mean the network, or "{address}" alone for one host.',
    useNetwork: 'Write the network as {network}/{prefix} (same meaning)',
    useHost: 'Authorise only the host {address}',
  },
  checkRecord(context) {
    for (const mechanism of context.site.record.mechanisms) {
      const network = mechanism.network;
      const prefix = network?.prefixLength;
      // A single address (no prefix written, or /32, /128) has no host bits.
      if (!network || prefix === undefined || prefix === (mechanism.name === 'ip4' ? 32 : 128)) continue;
      // Read from the text rather than from `network.address`, which would keep an address
      // object per network of the document once the analysis is over; ipaddr.js reads the
      // forms the parser's text checks do not accept.
      const octets = acceptedAddressOctets(network.text) ?? (mechanism.name === 'ip4' ? ipaddr.IPv4.parse(network.text) : ipaddr.IPv6.parse(network.text)).toByteArray();
      const base = networkAddress(octets, prefix);
      if (!base) continue;
      const cidr = network.cidr;
      const args = { term: mechanism.text, prefix, network: base.toString(), address: network.text };
      const fixes = [
        context.valueFix(context.message('useNetwork', args), [{ range: network.range, newText: base.toString() }], { isPreferred: true }),
        cidr && context.valueFix(context.message('useHost', args), [{ range: cidr.range, newText: '' }], { changesPolicy: true }),
      ];
      context.report(mechanism.range, context.message('hostBits', args), { fixes });
    }
  },
};

/** The address with the bits past `prefix` cleared, or undefined when none of them is set. */
function networkAddress(bytes: number[], prefix: number): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  let hostBits = false;
  for (let index = 0; index < bytes.length; index++) {
    const kept = Math.min(8, Math.max(0, prefix - index * 8));
    const masked = bytes[index] & ((0xff << (8 - kept)) & 0xff);
    if (masked !== bytes[index]) {
      hostBits = true;
      bytes[index] = masked;
    }
  }
  return hostBits ? ipaddr.fromByteArray(bytes) : undefined;
}
