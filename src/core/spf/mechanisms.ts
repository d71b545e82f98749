/**
 * Evaluation of the mechanisms that look at the client address or DNS (RFC 7208 §5.3–§5.7),
 * and the validated domain names of the client (RFC 7208 §5.5, used by `ptr` and `%{p}`).
 */
import type { IPv4, IPv6 } from 'ipaddr.js';
import type { MechanismTerm } from './ast';
import { domainNameProblem } from './domain-name';
import { EvaluationState, EvaluationStop, dnsFailure } from './evaluation-state';
import type { DnsQueryTrace, TermTrace } from './trace';

/** The reverse-lookup name of an address (RFC 7208 §5.5: `in-addr.arpa` or `ip6.arpa`). */
export function reverseName(ip: IPv4 | IPv6): string {
  if (ip.kind() === 'ipv4') return `${(ip as IPv4).octets.slice().reverse().join('.')}.in-addr.arpa`;
  const nibbles: string[] = [];
  for (const part of (ip as IPv6).parts) {
    const hex = part.toString(16).padStart(4, '0');
    nibbles.push(hex[0], hex[1], hex[2], hex[3]);
  }
  return `${nibbles.reverse().join('.')}.ip6.arpa`;
}

/** Lower-cases a name from DNS and drops a trailing dot. */
function bareName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * RFC 7208 §5.5: the client's PTR names (at most `limits.ptrNames`) whose own addresses include
 * the client. `accept` narrows which names are worth validating. DNS errors skip the name.
 * Returns undefined when the PTR lookup itself was void; the PTR query error yields `[]`.
 */
export async function validatedNames(
  state: EvaluationState,
  sink: DnsQueryTrace[],
  accept: (name: string) => boolean,
): Promise<string[] | undefined> {
  const ptrName = reverseName(state.client);
  const response = await state.query(ptrName, 'PTR', sink);
  if (response.status === 'nxdomain' || response.status === 'nodata') return undefined;
  if (response.status === 'error') return [];
  const validated: string[] = [];
  for (const record of response.records.slice(0, state.limits.ptrNames)) {
    const name = bareName(record);
    if (!accept(name) || domainNameProblem(name) !== undefined) continue;
    const addresses = await state.query(name, state.addressType, sink);
    if (addresses.status !== 'ok') continue;
    if (addresses.records.some((address) => state.addressMatches(address, state.addressType === 'A' ? 32 : 128))) {
      validated.push(name);
    }
  }
  return validated;
}

/** True when `name` is `target` or a subdomain of it. */
export function isSameOrSubdomain(name: string, target: string): boolean {
  return name === target || (name.length > target.length && name.endsWith(target) && name[name.length - target.length - 1] === '.');
}

/**
 * RFC 7208 §7.3 `%{p}`: the target domain if validated, else a validated subdomain of it, else
 * any validated name, else `unknown`.
 */
export async function validatedDomainFor(state: EvaluationState, domain: string, sink: DnsQueryTrace[]): Promise<string> {
  const target = bareName(domain);
  const names = (await validatedNames(state, sink, () => true)) ?? [];
  return names.find((name) => name === target) ?? names.find((name) => isSameOrSubdomain(name, target)) ?? names[0] ?? 'unknown';
}

function prefixFor(state: EvaluationState, mechanism: MechanismTerm): number {
  if (state.addressType === 'A') return mechanism.cidr?.ip4?.value ?? 32;
  return mechanism.cidr?.ip6?.value ?? 128;
}

/** `a` (RFC 7208 §5.3): an address of the target in the CIDR of the client. */
export async function evaluateA(state: EvaluationState, mechanism: MechanismTerm, target: string, domain: string, step: TermTrace): Promise<boolean> {
  const response = await state.query(target, state.addressType, step.queries);
  if (response.status === 'error') throw dnsFailure(target, state.addressType, response);
  if (response.status !== 'ok') {
    step.reason = `${target} has no ${state.addressType} records`;
    state.countVoidLookup(domain, step);
    return false;
  }
  const prefix = prefixFor(state, mechanism);
  return response.records.some((address) => state.addressMatches(address, prefix));
}

/** `mx` (RFC 7208 §5.4): an address of one of the target's MX hosts in the CIDR of the client. */
export async function evaluateMx(state: EvaluationState, mechanism: MechanismTerm, target: string, domain: string, step: TermTrace): Promise<boolean> {
  const response = await state.query(target, 'MX', step.queries);
  if (response.status === 'error') throw dnsFailure(target, 'MX', response);
  if (response.status !== 'ok') {
    step.reason = `${target} has no MX records`;
    state.countVoidLookup(domain, step);
    return false;
  }
  if (response.records.length > state.limits.mxNames) {
    throw new EvaluationStop(
      'permerror',
      `${target} has ${response.records.length} MX records: more than ${state.limits.mxNames} (RFC 7208 §4.6.4)`,
    );
  }
  const prefix = prefixFor(state, mechanism);
  for (const mx of response.records) {
    const exchange = bareName(mx.exchange);
    if (exchange.length === 0) continue;
    const addresses = await state.query(exchange, state.addressType, step.queries);
    if (addresses.status === 'error') throw dnsFailure(exchange, state.addressType, addresses);
    if (addresses.status === 'ok' && addresses.records.some((address) => state.addressMatches(address, prefix))) {
      step.reason = `MX host ${exchange} has the address`;
      return true;
    }
  }
  return false;
}

/** `ptr` (RFC 7208 §5.5): a validated name of the client is the target or below it. */
export async function evaluatePtr(state: EvaluationState, target: string, domain: string, step: TermTrace): Promise<boolean> {
  const bareTarget = bareName(target);
  const names = await validatedNames(state, step.queries, (name) => isSameOrSubdomain(name, bareTarget));
  if (names === undefined) {
    step.reason = 'the client IP has no PTR records';
    state.countVoidLookup(domain, step);
    return false;
  }
  if (names.length > 0) step.reason = `validated name ${names[0]}`;
  return names.length > 0;
}

/** `exists` (RFC 7208 §5.7): the target has an A record (whatever the client's address type). */
export async function evaluateExists(state: EvaluationState, target: string, domain: string, step: TermTrace): Promise<boolean> {
  const response = await state.query(target, 'A', step.queries);
  if (response.status === 'error') throw dnsFailure(target, 'A', response);
  if (response.status !== 'ok') {
    state.countVoidLookup(domain, step);
    return false;
  }
  return true;
}

/** `ip4` / `ip6` (RFC 7208 §5.6): the client is in the network (IPv4 never matches ip6, nor the reverse). */
export function evaluateNetwork(state: EvaluationState, mechanism: MechanismTerm): boolean {
  const network = mechanism.network;
  if (!network || network.address.kind() !== state.client.kind()) return false;
  return state.client.match(network.address, network.prefixLength);
}
