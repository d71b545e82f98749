/**
 * Fallbacks from the returned message's headers when the reply names no client IP or domain.
 *
 * Which hop is the client the receiver saw? Each `Received:` header is added by the host in its
 * `by` clause and records in its `from` clause the client that connected to THAT host
 * (RFC 5321 §4.4). The refused delivery added no header, so:
 * - when the topmost header was added by the receiver's side (its `by` host is in the remote
 *   MTA's or the recipient's domain: the receiver accepted, then bounced), its `from` clause is
 *   exactly the client the receiver saw;
 * - otherwise the topmost header was added by the sender's last relay, which then connected to
 *   the receiver itself: the relay (the report's writer, else that `by` host) is the client.
 *   Its own address is not in that header; it is taken only where another header shows the
 *   relay as a `from` host with an address. The `from` address of the topmost header is the
 *   host that handed mail TO the relay and is never reported as the client.
 * Addresses no public receiver can have seen (private, loopback, ...) are skipped.
 */
import type { HeaderBlock, HeaderField } from './header-fields';
import { canonicalIp, couldBePublicClient } from './ip-address';
import type { Found } from './read-reply';

/** One `Received:` header, parsed. */
interface Hop {
  heloOrName?: Found;
  reverseName?: Found;
  ip?: Found;
  by?: Found;
}

/** What the headers give when the reply did not. */
export interface HeaderFallbacks {
  clientIp?: Found;
  relayHost?: Found;
  spfDomain?: Found;
  fromDomain?: Found;
}

const NAME = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,126}[A-Za-z]{2,63}';
const FROM_NAME = new RegExp(`^from (?<name>${NAME}|\\[[0-9A-Fa-f:.v]{2,50}\\])`, 'id');
const REVERSE_NAME = new RegExp(`\\((?:[^()\\s]{1,255} )?(?<name>${NAME})\\.? ?\\[`, 'd');
const BRACKET_IP = /\[(?:IPv6:)?(?<ip>[0-9A-Fa-f:.]{2,45})\]/d;
const PAREN_IP = /\((?<ip>\d{1,3}(?:\.\d{1,3}){3})\)/d;
const BY_NAME = new RegExp(`\\sby (?<name>${NAME})`, 'id');
/** Second-level labels under which registrations sit one level deeper (co.jp, com.au ...). */
const SHARED_SECOND_LEVEL = new Set(['co', 'ne', 'or', 'ac', 'go', 'ad', 'ed', 'gr', 'lg', 'com', 'net', 'org', 'gov', 'edu']);

/**
 * Reads client, relay, MAIL FROM and From fallbacks. `receiverDomains` are host or domain names
 * on the receiver's side (remote MTA, recipient domain); `relayName` is the report writer.
 */
export function readHeaderFallbacks(
  returned: HeaderBlock | undefined,
  otherHeaders: readonly HeaderBlock[],
  receiverDomains: readonly string[],
  relayName: Found | undefined,
  receiverIps: ReadonlySet<string>,
): HeaderFallbacks {
  const fallbacks: HeaderFallbacks = {};
  if (!returned) return { relayHost: relayName };
  const hops = returned.fields.filter((field) => field.name === 'received').map(parseHop);
  const top = hops[0];
  const receiverSites = new Set(receiverDomains.map(siteOf));
  const isPublicClient = (ip: Found | undefined): ip is Found => !!ip && couldBePublicClient(ip.value) && !receiverIps.has(ip.value);
  if (top?.by && receiverSites.has(siteOf(top.by.value))) {
    if (isPublicClient(top.ip)) fallbacks.clientIp = top.ip;
    fallbacks.relayHost = top.reverseName ?? top.heloOrName;
  } else {
    fallbacks.relayHost = relayName ?? top?.by;
    const relay = fallbacks.relayHost?.value;
    const allHops = [...hops, ...otherHeaders.flatMap((block) => block.fields.filter((field) => field.name === 'received').map(parseHop))];
    const shown = relay ? allHops.find((hop) => (hop.reverseName?.value === relay || hop.heloOrName?.value === relay) && isPublicClient(hop.ip)) : undefined;
    if (shown) fallbacks.clientIp = shown.ip;
  }
  const returnPath = returned.fields.find((field) => field.name === 'return-path');
  fallbacks.spfDomain = returnPath && domainOf(returnPath);
  const from = returned.fields.find((field) => field.name === 'from');
  fallbacks.fromDomain = from && domainOf(from);
  return fallbacks;
}

function parseHop(field: HeaderField): Hop {
  const text = field.value.text;
  const by = BY_NAME.exec(text);
  const fromClause = text.slice(0, by ? by.index : Math.min(text.length, 400));
  const found = (match: RegExpExecArray | null, group: string, lower = true): Found | undefined => {
    const span = match?.indices?.groups?.[group];
    if (!match?.groups || !span) return undefined;
    const raw = match.groups[group];
    return { value: lower ? raw.toLowerCase() : raw, range: field.value.toSource(span[0], span[1]) };
  };
  const ipFound = found(BRACKET_IP.exec(fromClause), 'ip', false) ?? found(PAREN_IP.exec(fromClause), 'ip', false);
  const ip = ipFound && canonicalIp(ipFound.value);
  const heloOrName = found(FROM_NAME.exec(fromClause), 'name');
  return {
    heloOrName: heloOrName && !heloOrName.value.startsWith('[') ? heloOrName : undefined,
    reverseName: found(REVERSE_NAME.exec(fromClause), 'name'),
    ip: ip && ipFound ? { value: ip, range: ipFound.range } : undefined,
    by: found(by, 'name'),
  };
}

/** The domain of the (last) address in a header value: `Name <a@b.example>` or `a@b.example`. */
function domainOf(field: HeaderField): Found | undefined {
  const text = field.value.text;
  const match = /@(?<domain>[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,126}[A-Za-z0-9-]{2,63})>?\s*$/d.exec(text) ?? /@(?<domain>[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,126}[A-Za-z0-9-]{2,63})/d.exec(text);
  const span = match?.indices?.groups?.domain;
  return match?.groups && span ? { value: match.groups.domain.toLowerCase(), range: field.value.toSource(span[0], span[1]) } : undefined;
}

/** A name's registrable part, approximately: last two labels, three under co.jp-style names. */
export function siteOf(name: string): string {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.');
  const keep = labels.length >= 3 && SHARED_SECOND_LEVEL.has(labels[labels.length - 2]) && labels[labels.length - 1].length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}
