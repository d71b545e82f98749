/**
 * What each `include:` and `redirect=` of a record stands for, as networks, for flattening.
 *
 * RFC 7208 §5.2: an `include` matches only when the included record's `check_host()` is pass;
 * the include's own qualifier then decides. So the addresses an include stands for are the ones
 * its record passes: the networks of its `+` mechanisms (ip4, ip6, the addresses of `a` and
 * `mx`, recursively through nested includes and redirects), minus those an earlier `-`, `~` or
 * `?` term of that record takes first. Networks under `-`/`~`/`?` are never authorised by the
 * flattened terms. A `redirect=` (RFC 7208 §6.1) stands for its target's whole record: every
 * term with its qualifier, and its `all`.
 *
 * A target whose result is not a fixed set of networks today is not flattened, with the reason:
 * macros, `exists`, `ptr` (decided per client), a name that could not be resolved, an error the
 * evaluation would return (a loop, a missing record, a syntax error), an include of a name in
 * the keep list further down; and for an include (not a redirect, which keeps qualifiers and
 * `all`): `+all`, or a `+` network that contains part of a network the record denies earlier
 * (the flattened list cannot say "this block but not that part" without splitting it).
 */
import type { Resolver } from '../../dns/resolver';
import { normalizeName } from '../../dns/resolver';
import type { Qualifier } from '../../spf/ast';
import { coversNetwork, overlapsNetwork, parseFlatNetwork, withoutCoveredNetworks, type FlatNetwork } from './flatten-networks';
import { lookupTreeForDomain, type RecordLookups, type TermLookups } from './lookup-tree';

/** Why an include or redirect stays as it is. */
export type FlattenKeepReason =
  | 'keep-list'
  | 'not-chosen'
  | 'macro'
  | 'client-dependent'
  | 'unresolved'
  | 'error'
  | 'passes-all'
  | 'denies-inside'
  | 'keeps-kept-include';

/** A network a flattened target stands for, with the qualifier its record gives it. */
export interface QualifiedNetwork {
  qualifier: Qualifier;
  network: FlatNetwork;
}

/** The flattened form of a target: what its record says, as networks. */
export interface TargetNetworks {
  /** In evaluation order: the first entry that holds an address decides (RFC 7208 §4.6.2). */
  entries: QualifiedNetwork[];
  /** The qualifier of the record's `all` (following redirects), when it has one. */
  all?: Qualifier;
  /**
   * The networks it passes. For an include target: exactly those its evaluation passes (what the
   * include stands for, RFC 7208 §5.2); for a redirect target: its `+` networks, as written.
   */
  passes: FlatNetwork[];
}

/** Outcome for one target. */
export type TargetOutcome = { ok: true; networks: TargetNetworks } | { ok: false; reason: FlattenKeepReason; detail: string };

/** Options of {@link targetNetworks}. */
export interface TargetNetworkOptions {
  resolver: Resolver;
  /** Names that are never flattened, also when they are included further down. */
  keep: ReadonlySet<string>;
  clientFamily?: 'ipv4' | 'ipv6';
  signal?: AbortSignal;
}

/** The normalised keep list: `include:x.example`, `redirect=x.example` and `x.example.` all name `x.example`. */
export function keepListNames(keep: readonly string[] | undefined): Set<string> {
  return new Set((keep ?? []).map((entry) => normalizeName(entry.trim().replace(/^(include:|redirect=)/i, ''))).filter((name) => name.length > 0));
}

/**
 * What the SPF record of `domain` stands for as networks, walked through the resolver now: for
 * an `include` its passed networks must be one list of blocks; a `redirect` takes the record
 * whole (its `-`/`~`/`?` terms and its `all` come along), so it needs no more.
 */
export async function targetNetworks(domain: string, use: 'include' | 'redirect', options: TargetNetworkOptions): Promise<TargetOutcome> {
  const tree = await lookupTreeForDomain(domain, { resolver: options.resolver, clientFamily: options.clientFamily, signal: options.signal });
  if (tree.unresolved.length > 0) {
    return { ok: false, reason: 'unresolved', detail: `could not be resolved now: ${tree.unresolved.map((item) => `${item.type} ${item.name}`).join(', ')}` };
  }
  if (tree.incompleteReasons.includes('too-deep')) return { ok: false, reason: 'error', detail: 'its include tree is too deep or too large to expand' };
  const outcome = recordNetworks(tree.root, options.keep);
  if (!outcome.ok || use === 'redirect') return outcome;
  return includePasses(outcome.networks, tree.root.domain);
}

function recordNetworks(record: RecordLookups, keep: ReadonlySet<string>): TargetOutcome {
  if (record.status !== 'ok') return { ok: false, reason: 'error', detail: record.reason ?? `${record.domain}: ${record.status}` };
  const entries: QualifiedNetwork[] = [];
  let all: Qualifier | undefined;
  for (const term of record.terms) {
    const refused = termRefusal(term, record.domain, keep);
    if (refused) return refused;
    const qualifier = qualifierOf(term.term);
    if (term.name === 'all') all = qualifier;
    else if (term.name === 'include' || term.name === 'redirect') {
      const child = recordNetworks(term.child as RecordLookups, keep);
      if (!child.ok) return child;
      if (term.name === 'include') {
        const included = includePasses(child.networks, (term.child as RecordLookups).domain);
        if (!included.ok) return included;
        entries.push(...included.networks.passes.map((network) => ({ qualifier, network })));
      } else {
        entries.push(...child.networks.entries);
        all = child.networks.all;
      }
    } else {
      for (const text of term.networks) {
        const network = parseFlatNetwork(text);
        if (network) entries.push({ qualifier, network });
      }
    }
  }
  const passes = entries.filter((entry) => entry.qualifier === '+').map((entry) => entry.network);
  return { ok: true, networks: { entries, ...(all === undefined ? {} : { all }), passes } };
}

/** Why a term of a target's record cannot be flattened, or undefined when it can. */
function termRefusal(term: TermLookups, domain: string, keep: ReadonlySet<string>): TargetOutcome | undefined {
  const refuse = (reason: FlattenKeepReason, detail: string): TargetOutcome => ({ ok: false, reason, detail });
  if (term.incomplete === 'macro') return refuse('client-dependent', `"${term.term}" in ${domain} uses macros, which depend on the client`);
  if (term.name === 'exists' || term.name === 'ptr') return refuse('client-dependent', `"${term.term}" in ${domain} is decided per client or per query, not by a list of networks`);
  if (term.incomplete !== undefined) return refuse('error', `"${term.term}" in ${domain} could not be expanded (${term.incomplete})`);
  if (term.problem) return refuse('error', `"${term.term}" in ${domain} is an error for receivers (${problemText(term)})`);
  if ((term.name === 'include' || term.name === 'redirect') && term.target !== undefined && keep.has(term.target)) {
    return refuse('keeps-kept-include', `${domain} includes ${term.target}, which the keep list keeps`);
  }
  if ((term.name === 'include' || term.name === 'redirect') && !term.child) return refuse('error', `"${term.term}" in ${domain} was not expanded`);
  return undefined;
}

/** The problem of a term in words (`_x.example does not exist`). */
export function problemText(term: TermLookups): string {
  const problem = term.problem;
  if (!problem) return '';
  switch (problem.kind) {
    case 'loop':
      return `loop ${problem.path.join(' → ')}`;
    case 'mx-over-limit':
      return `${problem.names} MX names, more than 10`;
    case 'no-spf':
    case 'invalid-target':
      return problem.reason;
  }
}

/**
 * What an `include` of a record stands for (RFC 7208 §5.2): the networks its evaluation ends in
 * pass for. Each `+` network, unless an earlier non-`+` network covers it (then it never
 * passes); refused when an earlier non-`+` network lies inside it (the passing part is not one
 * CIDR block) and when the record ends in `+all`.
 */
export function includePasses(networks: TargetNetworks, domain: string): TargetOutcome {
  if (networks.all === '+') return { ok: false, reason: 'passes-all', detail: `${domain} ends in +all: it passes every address` };
  const passes: FlatNetwork[] = [];
  const denied: FlatNetwork[] = [];
  for (const { qualifier, network } of networks.entries) {
    if (qualifier !== '+') {
      denied.push(network);
      continue;
    }
    if (denied.some((earlier) => coversNetwork(earlier, network))) continue;
    const inside = denied.find((earlier) => overlapsNetwork(earlier, network));
    if (inside) {
      return { ok: false, reason: 'denies-inside', detail: `${domain} gives ${inside.text} another result before it passes ${network.text}` };
    }
    passes.push(network);
  }
  return { ok: true, networks: { ...networks, passes: withoutCoveredNetworks(passes) } };
}

/** The qualifier a term is written with (`+` when none, RFC 7208 §4.6.2). */
export function qualifierOf(termText: string): Qualifier {
  const first = termText.charAt(0);
  return first === '-' || first === '~' || first === '?' || first === '+' ? first : '+';
}
