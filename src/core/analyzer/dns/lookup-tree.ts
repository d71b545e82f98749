/**
 * Lookup accounting: the include tree of an SPF record with, per term, the DNS-querying terms it
 * costs, its void lookups and the addresses it authorises, and the totals against the limits of
 * RFC 7208 §4.6.4.
 *
 * Counted the RFC way, exactly as `checkHost()` counts for a client that no term matches:
 * `include`, `a`, `mx`, `ptr`, `exists` and `redirect` cost one each, wherever they are in the
 * tree; `ip4`, `ip6`, `all` and `exp` cost nothing. A void lookup is an NXDOMAIN or empty answer
 * to the query of an `a`, `mx` or `exists` term (for `a`/`mx`, the address type of
 * `clientFamily`). Unlike `checkHost()`, which stops at the first match, the tree walks every
 * term up to the first `all` (terms after it are never evaluated; `redirect=` is then ignored,
 * RFC 7208 §6.1), so a branch that a matching client would not reach still shows its cost.
 *
 * Nothing is guessed: a name the resolver cannot answer (DNS off, SERVFAIL, timeout), a target
 * with macros and a `ptr` term (its cost depends on the client) are listed, and the tree is
 * marked incomplete; its totals are then lower bounds.
 */
import ipaddr from 'ipaddr.js';
import type { DnsResponse, QueryType, Resolver } from '../../dns/resolver';
import { normalizeName } from '../../dns/resolver';
import type { MechanismName, MechanismTerm, ModifierTerm, SpfRecord } from '../../spf/ast';
import { domainNameProblem } from '../../spf/domain-name';
import { DEFAULT_SPF_LIMITS } from '../../spf/check-host';
import { isSpfRecordText, parseRecord } from '../../spf/parser';
import type { TextRange } from '../../text/range';

/** A name the walk could not resolve. */
export interface UnresolvedName {
  name: string;
  type: QueryType;
  /** The resolver's message (e.g. `TXT x: not resolved, live DNS is off`). */
  reason: string;
}

/** Why part of the tree could not be known. */
export type IncompleteReason = 'unresolved' | 'macro' | 'ptr' | 'too-deep';

/** What went wrong at a term (each maps to a rule: SPF022, SPF023, SPF024). */
export type TermProblem =
  | { kind: 'mx-over-limit'; names: number }
  | { kind: 'loop'; path: string[] }
  | { kind: 'no-spf'; target: string; reason: string }
  | { kind: 'invalid-target'; target: string; reason: string };

/** One term of one record in the tree. */
export interface TermLookups {
  termIndex: number;
  term: string;
  /** Range of the term in its record's text. */
  range: TextRange;
  name: MechanismName | 'redirect';
  /** 1 when the term is a DNS-querying term (RFC 7208 §4.6.4), else 0. */
  lookups: number;
  /** 1 when the term's own query was void. */
  voidLookups: number;
  /** This term plus everything below it. */
  totalLookups: number;
  totalVoidLookups: number;
  /** The domain the term looks at (absent when it has macros, which depend on the client). */
  target?: string;
  /** Networks the term itself authorises: `ip4`/`ip6` literals, resolved `a`/`mx` addresses. */
  networks: string[];
  /** For `mx`: how many MX names the target has. */
  mxNames?: number;
  /** Why the term's cost or effect is not fully known. */
  incomplete?: IncompleteReason;
  problem?: TermProblem;
  /** The included or redirected-to record. */
  child?: RecordLookups;
}

/** How the record of a domain was found. */
export type RecordStatus = 'ok' | 'no-spf' | 'multiple' | 'syntax-error' | 'unresolved' | 'not-expanded';

/** One record of the tree. */
export interface RecordLookups {
  domain: string;
  status: RecordStatus;
  /** The record text, when one was found. */
  record?: string;
  /** Why the status is what it is, for anything but `ok`. */
  reason?: string;
  terms: TermLookups[];
  totalLookups: number;
  totalVoidLookups: number;
}

/** The include tree with its totals. */
export interface LookupTree {
  root: RecordLookups;
  dnsLookups: number;
  voidLookups: number;
  limits: { dnsTerms: number; voidLookups: number; mxNames: number };
  /** False when a part could not be known; totals are then lower bounds. */
  complete: boolean;
  incompleteReasons: IncompleteReason[];
  unresolved: UnresolvedName[];
  /** The address family whose answers decide void `a`/`mx` lookups. */
  clientFamily: 'ipv4' | 'ipv6';
}

/** Options of {@link buildLookupTree}. */
export interface LookupTreeOptions {
  /** The resolver (for a draft: an overlay of the document over live DNS). */
  resolver: Resolver;
  /** Default `ipv4`. */
  clientFamily?: 'ipv4' | 'ipv6';
  signal?: AbortSignal;
}

/** Include/redirect depth beyond which records are not expanded (far past any 10-lookup budget). */
const MAX_DEPTH = 12;
/** Records expanded per tree, bounding the work on hostile data. */
const MAX_RECORDS = 200;

/**
 * The lookup tree of `record` (the SPF record of `domain`, e.g. as written in the document).
 * Never throws; resolver failures become {@link UnresolvedName}s.
 */
export async function buildLookupTree(domain: string, record: SpfRecord, options: LookupTreeOptions): Promise<LookupTree> {
  const walk = new TreeWalk(options);
  const root = await walk.walkRecord(normalizeName(domain), record, [], 0);
  return walk.finish(root);
}

/** The lookup tree of the SPF record published at `domain` (fetched through the resolver). */
export async function lookupTreeForDomain(domain: string, options: LookupTreeOptions): Promise<LookupTree> {
  const walk = new TreeWalk(options);
  const root = await walk.walkDomain(normalizeName(domain), [], 0);
  return walk.finish(root);
}

/** Visits every term of the tree, depth first, with the records above it. */
export function forEachTerm(record: RecordLookups, visit: (term: TermLookups, path: readonly RecordLookups[]) => void, path: RecordLookups[] = []): void {
  const here = [...path, record];
  for (const term of record.terms) {
    visit(term, here);
    if (term.child) forEachTerm(term.child, visit, here);
  }
}

class TreeWalk {
  private readonly unresolved: UnresolvedName[] = [];
  private readonly reasons = new Set<IncompleteReason>();
  private records = 0;
  private readonly family: 'ipv4' | 'ipv6';

  constructor(private readonly options: LookupTreeOptions) {
    this.family = options.clientFamily ?? 'ipv4';
  }

  finish(root: RecordLookups): LookupTree {
    return {
      root,
      dnsLookups: root.totalLookups,
      voidLookups: root.totalVoidLookups,
      limits: { dnsTerms: DEFAULT_SPF_LIMITS.dnsTerms, voidLookups: DEFAULT_SPF_LIMITS.voidLookups, mxNames: DEFAULT_SPF_LIMITS.mxNames },
      complete: this.reasons.size === 0,
      incompleteReasons: [...this.reasons],
      unresolved: this.unresolved,
      clientFamily: this.family,
    };
  }

  private async query<T extends QueryType>(name: string, type: T): Promise<DnsResponse<T>> {
    let response: DnsResponse<T>;
    try {
      response = await this.options.resolver.query(name, type, this.options.signal ? { signal: this.options.signal } : undefined);
    } catch (error) {
      response = { status: 'error', code: 'OTHER', message: String(error) };
    }
    if (response.status === 'error') {
      this.reasons.add('unresolved');
      if (!this.unresolved.some((item) => item.name === name && item.type === type)) this.unresolved.push({ name, type, reason: response.message });
    }
    return response;
  }

  /** RFC 7208 §4.4–§4.5: selects the one SPF record of `domain` and walks it. */
  async walkDomain(domain: string, chain: string[], depth: number): Promise<RecordLookups> {
    const empty = (status: RecordStatus, reason: string): RecordLookups => ({ domain, status, reason, terms: [], totalLookups: 0, totalVoidLookups: 0 });
    if (depth > MAX_DEPTH || this.records >= MAX_RECORDS) {
      this.reasons.add('too-deep');
      return empty('not-expanded', 'not expanded: the tree is too deep or too large');
    }
    const response = await this.query(domain, 'TXT');
    if (response.status === 'error') return empty('unresolved', response.message);
    if (response.status !== 'ok') return empty('no-spf', response.status === 'nxdomain' ? `${domain} does not exist` : `${domain} has no TXT records`);
    const found = response.records.map((strings) => strings.join('')).filter(isSpfRecordText);
    if (found.length === 0) return empty('no-spf', `${domain} has no SPF record`);
    if (found.length > 1) return { ...empty('multiple', `${domain} has ${found.length} SPF records (RFC 7208 §4.5)`), record: found[0] };
    return this.walkRecord(domain, parseRecord(found[0]), chain, depth);
  }

  async walkRecord(domain: string, record: SpfRecord, chain: string[], depth: number): Promise<RecordLookups> {
    this.records++;
    const result: RecordLookups = { domain, status: 'ok', record: record.text, terms: [], totalLookups: 0, totalVoidLookups: 0 };
    if (record.errors.length > 0) {
      result.status = 'syntax-error';
      result.reason = record.errors[0].reason;
    }
    const path = [...chain, domain];
    let sawAll = false;
    for (const mechanism of record.mechanisms) {
      if (sawAll) break;
      const term = await this.walkMechanism(mechanism, domain, path, depth);
      result.terms.push(term);
      if (mechanism.name === 'all') sawAll = true;
    }
    // RFC 7208 §6.1: redirect= is used only when no mechanism matched, so never after `all`.
    if (record.redirect && !sawAll) result.terms.push(await this.walkRedirect(record.redirect, domain, path, depth));
    for (const term of result.terms) {
      result.totalLookups += term.totalLookups;
      result.totalVoidLookups += term.totalVoidLookups;
    }
    return result;
  }

  private async walkMechanism(mechanism: MechanismTerm, domain: string, path: string[], depth: number): Promise<TermLookups> {
    const term = startTerm(mechanism, mechanism.name);
    switch (mechanism.name) {
      case 'all':
        return term;
      case 'ip4':
      case 'ip6':
        if (mechanism.network) term.networks.push(networkText(mechanism.network.address, mechanism.network.prefixLength, mechanism.network.cidr !== undefined));
        return term;
      default:
        break;
    }
    term.lookups = 1;
    const target = this.targetOf(mechanism.domainSpec, domain, term);
    if (target !== undefined) {
      const problem = domainNameProblem(target);
      if (problem !== undefined) term.problem = { kind: 'invalid-target', target, reason: problem };
      else if (mechanism.name === 'ptr') this.markIncomplete(term, 'ptr');
      else if (mechanism.name === 'include') await this.walkChild(term, target, path, depth);
      else if (mechanism.name === 'a') await this.resolveAddresses(term, mechanism, target, true);
      else if (mechanism.name === 'mx') await this.resolveMx(term, mechanism, target);
      else await this.resolveExists(term, target);
    }
    return total(term);
  }

  private async walkRedirect(modifier: ModifierTerm, domain: string, path: string[], depth: number): Promise<TermLookups> {
    const term = startTerm(modifier, 'redirect');
    term.lookups = 1;
    const target = this.targetOf(modifier.value, domain, term);
    if (target !== undefined) await this.walkChild(term, target, path, depth);
    return total(term);
  }

  /** The literal target; undefined (and the term incomplete) when macros make it client-dependent. */
  private targetOf(spec: MechanismTerm['domainSpec'], domain: string, term: TermLookups): string | undefined {
    if (!spec) {
      term.target = domain;
      return domain;
    }
    if (spec.hasMacros) {
      this.markIncomplete(term, 'macro');
      return undefined;
    }
    term.target = normalizeName(spec.text);
    return term.target;
  }

  private async walkChild(term: TermLookups, target: string, path: string[], depth: number): Promise<void> {
    if (path.includes(target)) {
      term.problem = { kind: 'loop', path: [...path, target] };
      return;
    }
    const child = await this.walkDomain(target, path, depth + 1);
    term.child = child;
    if (child.status === 'no-spf') term.problem = { kind: 'no-spf', target, reason: child.reason ?? '' };
  }

  /** `a` (RFC 7208 §5.3); `counted` is false for the exchanges of an `mx`, whose voids do not count. */
  private async resolveAddresses(term: TermLookups, mechanism: MechanismTerm, target: string, counted: boolean): Promise<void> {
    const ip4 = await this.query(target, 'A');
    const ip6 = await this.query(target, 'AAAA');
    const own = this.family === 'ipv4' ? ip4 : ip6;
    if (counted && (own.status === 'nxdomain' || own.status === 'nodata')) term.voidLookups = 1;
    const cidr4 = mechanism.cidr?.ip4?.value;
    const cidr6 = mechanism.cidr?.ip6?.value;
    if (ip4.status === 'ok') for (const address of ip4.records) pushNetwork(term, address, cidr4);
    if (ip6.status === 'ok') for (const address of ip6.records) pushNetwork(term, address, cidr6);
  }

  /** `mx` (RFC 7208 §5.4): the MX query may be void; more than 10 names is permerror (§4.6.4). */
  private async resolveMx(term: TermLookups, mechanism: MechanismTerm, target: string): Promise<void> {
    const response = await this.query(target, 'MX');
    if (response.status === 'nxdomain' || response.status === 'nodata') term.voidLookups = 1;
    if (response.status !== 'ok') return;
    term.mxNames = response.records.length;
    if (response.records.length > DEFAULT_SPF_LIMITS.mxNames) term.problem = { kind: 'mx-over-limit', names: response.records.length };
    for (const mx of response.records.slice(0, DEFAULT_SPF_LIMITS.mxNames)) {
      const exchange = normalizeName(mx.exchange);
      if (exchange.length > 0 && exchange !== '.') await this.resolveAddresses(term, mechanism, exchange, false);
    }
  }

  /** `exists` (RFC 7208 §5.7): an A query, void when empty. */
  private async resolveExists(term: TermLookups, target: string): Promise<void> {
    const response = await this.query(target, 'A');
    if (response.status === 'nxdomain' || response.status === 'nodata') term.voidLookups = 1;
  }

  private markIncomplete(term: TermLookups, reason: IncompleteReason): void {
    term.incomplete = reason;
    this.reasons.add(reason);
  }
}

function startTerm(source: MechanismTerm | ModifierTerm, name: TermLookups['name']): TermLookups {
  return { termIndex: source.index, term: source.text, range: source.range, name, lookups: 0, voidLookups: 0, totalLookups: 0, totalVoidLookups: 0, networks: [] };
}

function total(term: TermLookups): TermLookups {
  term.totalLookups = term.lookups + (term.child?.totalLookups ?? 0);
  term.totalVoidLookups = term.voidLookups + (term.child?.totalVoidLookups ?? 0);
  return term;
}

function pushNetwork(term: TermLookups, address: string, prefix: number | undefined): void {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return;
  }
  const full = parsed.kind() === 'ipv4' ? 32 : 128;
  const text = networkText(parsed, prefix ?? full, prefix !== undefined && prefix !== full);
  if (!term.networks.includes(text)) term.networks.push(text);
}

/** `192.0.2.1`, `192.0.2.0/24`, `2001:db8::/32`: the network address with host bits cleared. */
function networkText(address: ipaddr.IPv4 | ipaddr.IPv6, prefixLength: number, withPrefix: boolean): string {
  const full = address.kind() === 'ipv4' ? 32 : 128;
  if (!withPrefix || prefixLength === full) return address.toString();
  const network = address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefixLength}`)
    : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefixLength}`);
  return `${network.toString()}/${prefixLength}`;
}
