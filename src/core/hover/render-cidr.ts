/**
 * Hover content of networks and prefix lengths (RFC 7208 §5.6): the addresses an `ip4:`/`ip6:`
 * network covers, computed with ipaddr.js, and what a dual CIDR length does to `a`/`mx`.
 */
import ipaddr from 'ipaddr.js';
import type { CidrLength, MechanismTerm, NetworkSpec } from '../spf/ast';
import { inlineCode, labelled, rfcLink } from './hover-text';
import type { RenderContext } from './render-context';
import type { RenderedHover } from './render-terms';

const CIDR_SECTION = '5.6';

/** The first and last address of a network and how many addresses it holds. */
export interface NetworkCoverage {
  first: string;
  last: string;
  /** Number of addresses, grouped by thousands, or `2^n` past 2^32. */
  count: string;
  /** The network address differs from the written one (bits set after the prefix). */
  hostBitsSet: boolean;
}

/** What `address/prefixLength` covers. */
export function networkCoverage(address: ipaddr.IPv4 | ipaddr.IPv6, prefixLength: number): NetworkCoverage {
  const cidr = `${address.toString()}/${prefixLength}`;
  const first = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  const last = address.kind() === 'ipv4' ? ipaddr.IPv4.broadcastAddressFromCIDR(cidr) : ipaddr.IPv6.broadcastAddressFromCIDR(cidr);
  const bits = (address.kind() === 'ipv4' ? 32 : 128) - prefixLength;
  return {
    first: first.toString(),
    last: last.toString(),
    count: addressCount(bits),
    hostBitsSet: first.toString() !== address.toString(),
  };
}

/** 2^bits, written out up to 2^32 and as `2^n` beyond. */
export function addressCount(bits: number): string {
  if (bits > 32) return `2^${bits}`;
  return String(2 ** bits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The lines saying what an `ip4:`/`ip6:` network covers. */
export function networkLines(network: NetworkSpec, context: RenderContext): string[] {
  const { t } = context;
  const coverage = networkCoverage(network.address, network.prefixLength);
  const maxLength = network.address.kind() === 'ipv4' ? 32 : 128;
  if (network.prefixLength === maxLength) return [t('cidr.single', { address: inlineCode(coverage.first) })];
  const lines = [t('cidr.range', { first: inlineCode(coverage.first), last: inlineCode(coverage.last), count: coverage.count })];
  if (coverage.hostBitsSet) {
    lines.push(t('cidr.hostBits', { address: inlineCode(network.text), network: inlineCode(`${coverage.first}/${network.prefixLength}`) }));
  }
  if (network.prefixLength === 0) lines.push(t('cidr.everyone'));
  return lines;
}

/** The hover of a prefix length: of an `ip4:`/`ip6:` network, or a dual CIDR of `a`/`mx`. */
export function renderCidr(term: MechanismTerm, cidr: CidrLength, family: 'ip4' | 'ip6', context: RenderContext): RenderedHover {
  const { t } = context;
  const heading = `${t(family === 'ip4' ? 'heading.cidrIp4' : 'heading.cidrIp6', { length: inlineCode(`/${cidr.value}`) })} · ${rfcLink(CIDR_SECTION)}`;
  let lines: string[];
  if (term.network) {
    lines = networkLines(term.network, context);
  } else {
    const target = term.domainSpec?.text ?? context.owner;
    const bits = (family === 'ip4' ? 32 : 128) - cidr.value;
    lines = [
      t(family === 'ip4' ? 'cidr.ip4Dual' : 'cidr.ip6Dual', {
        target: target ? inlineCode(target) : t('target.implicitUnknown'),
        length: String(cidr.value),
        count: addressCount(bits),
      }),
    ];
    if (cidr.value === 0) lines.push(t('cidr.everyone'));
  }
  return {
    rfcSection: CIDR_SECTION,
    blocks: [
      heading,
      [labelled(t('label.covers'), context.sentences(lines)), labelled(t('label.lookups'), t('lookups.part'))].join('  \n'),
      labelled(t('label.example'), t('cidr.example')),
    ],
  };
}
