/**
 * SPF flattening: replace chosen `include:` (and `redirect=`) terms of a record by the ip4/ip6
 * networks they resolve to now, to bring the record within the 10 DNS-querying terms of
 * RFC 7208 §4.6.4.
 *
 * Faithful to evaluation order (RFC 7208 §4.6.2, §5.2, §6.1): the networks an include passes
 * take the include's place, each with the include's qualifier as written; a redirect, evaluated
 * only after every mechanism, becomes its target's terms (qualifiers and `all` included) at the
 * end of the record. A flattened network already covered by an earlier ip4/ip6 network of the
 * record is left out (the earlier one matches first). Includes in the keep list, targets with
 * macros and targets whose result is not a fixed set of networks stay (see `flatten-plan.ts`).
 *
 * Flattened records go stale: they hold the provider's addresses of today.
 *
 * Size: the value is written back in ≤255-octet strings by the fix path (`mapValueEdit`). A
 * record over 450 octets is flagged (RFC 7208 §3.4: keep the answer within 512 octets of UDP),
 * and over {@link FLATTEN_MAX_OCTETS} octets flattening is refused: such an answer needs EDNS or
 * TCP at every receiver, and a record that size should be split across names instead.
 */
import type { Resolver } from '../../dns/resolver';
import { normalizeName } from '../../dns/resolver';
import type { MechanismTerm, ModifierTerm, SpfRecord } from '../../spf/ast';
import { parseRecord } from '../../spf/parser';
import { applyEdits, type TextEdit, type TextRange } from '../../text/range';
import { coversNetwork, networkMechanism, parseFlatNetwork, type FlatNetwork } from './flatten-networks';
import { keepListNames, problemText, targetNetworks, type FlattenKeepReason, type QualifiedNetwork, type TargetNetworks } from './flatten-plan';
import { buildLookupTree } from './lookup-tree';

/** Above this many octets a record is flagged (RFC 7208 §3.4). */
export const FLATTEN_WARN_OCTETS = 450;
/** Above this many octets flattening is refused: the TXT data alone fills a 512-octet UDP answer. */
export const FLATTEN_MAX_OCTETS = 512;

/** An include or redirect that flattening can replace, with what it stands for now. */
export interface FlattenCandidate {
  kind: 'include' | 'redirect';
  /** The term as written (`~include:_spf.example.net`, `redirect=_spf.example.net`). */
  term: string;
  /** The target name, normalised. */
  domain: string;
  /** Range of the term in the record text. */
  range: TextRange;
  /** The DNS-querying terms the term costs now, its subtree included. */
  lookups: number;
  networks: TargetNetworks;
  /** The term's mechanism or modifier. */
  source: MechanismTerm | ModifierTerm;
}

/** An include or redirect that stays, with why. */
export interface KeptTerm {
  kind: 'include' | 'redirect';
  term: string;
  domain?: string;
  range: TextRange;
  reason: FlattenKeepReason;
  /** Why, in words (`_spf.example.net uses macros…`). */
  detail: string;
}

/** The flattening choices of a record: what can be flattened and what stays. */
export interface FlattenPlan {
  domain: string;
  record: SpfRecord;
  lookupsBefore: number;
  /** False when the record's own lookup count could not be fully known (then a lower bound). */
  lookupsComplete: boolean;
  candidates: FlattenCandidate[];
  kept: KeptTerm[];
  resolver: Resolver;
  clientFamily: 'ipv4' | 'ipv6';
  signal?: AbortSignal;
}

/** One flattened term in a result. */
export interface FlattenedTerm {
  kind: 'include' | 'redirect';
  term: string;
  domain: string;
  /** The terms written in its place (for a redirect: at the end of the record). */
  replacement: string[];
  /** The networks it authorised, as flattened (`192.0.2.0/24`). */
  networks: string[];
  /** Networks its record names with `-`, `~` or `?`: not authorised by the flattened record. */
  notAuthorized: string[];
  lookupsSaved: number;
}

/** The outcome of flattening. */
export interface FlattenResult {
  domain: string;
  /** The record value before and after. */
  before: string;
  value: string;
  /** Edits of the record text (value offsets) that turn `before` into `value`. */
  edits: TextEdit[];
  lookupsBefore: number;
  lookupsAfter: number;
  /** False when a count is a lower bound (a kept include could not be resolved). */
  lookupsComplete: boolean;
  flattened: FlattenedTerm[];
  kept: KeptTerm[];
  /** UTF-8 octets of `value`. */
  octets: number;
  /** `over-warning`: more than 450 octets; `too-long`: more than 512, refused. */
  size: 'ok' | 'over-warning' | 'too-long';
}

/** Options of {@link planFlattening} and {@link flattenRecord}. */
export interface FlattenOptions {
  /** The resolver (for a draft: the document over live DNS). */
  resolver: Resolver;
  /** Include or redirect targets kept as they are (`_spf.example.net` or `include:_spf.example.net`). */
  keep?: readonly string[];
  /** Only these targets are flattened (default: every one that can be). */
  only?: readonly string[];
  clientFamily?: 'ipv4' | 'ipv6';
  signal?: AbortSignal;
}

/**
 * Decides, for every include and redirect the record evaluates (those after `all` never are),
 * whether it can be flattened and into which networks. Never throws.
 */
export async function planFlattening(domain: string, record: SpfRecord, options: FlattenOptions): Promise<FlattenPlan> {
  const clientFamily = options.clientFamily ?? 'ipv4';
  const tree = await buildLookupTree(domain, record, { resolver: options.resolver, clientFamily, signal: options.signal });
  const keep = keepListNames(options.keep);
  const plan: FlattenPlan = {
    domain: normalizeName(domain), record, lookupsBefore: tree.dnsLookups, lookupsComplete: tree.complete, candidates: [], kept: [],
    resolver: options.resolver, clientFamily, ...(options.signal ? { signal: options.signal } : {}),
  };
  for (const term of tree.root.terms) {
    if (term.name !== 'include' && term.name !== 'redirect') continue;
    const source = term.name === 'redirect' ? record.redirect : record.mechanisms.find((mechanism) => mechanism.index === term.termIndex);
    if (!source) continue;
    const base = { kind: term.name, term: term.term, range: term.range };
    const target = term.target;
    if (target === undefined) {
      plan.kept.push({ ...base, reason: 'macro', detail: `"${term.term}" uses macros: its target depends on the client` });
      continue;
    }
    if (keep.has(target)) {
      plan.kept.push({ ...base, domain: target, reason: 'keep-list', detail: `${target} is in the keep list` });
      continue;
    }
    if (term.problem) {
      plan.kept.push({ ...base, domain: target, reason: 'error', detail: `"${term.term}" is an error for receivers (${problemText(term)})` });
      continue;
    }
    const outcome = await targetNetworks(target, term.name, { resolver: options.resolver, keep, clientFamily, signal: options.signal });
    if (outcome.ok) plan.candidates.push({ ...base, domain: target, lookups: term.totalLookups, networks: outcome.networks, source });
    else plan.kept.push({ ...base, domain: target, reason: outcome.reason, detail: outcome.detail });
  }
  return plan;
}

/**
 * The record with the plan's candidates flattened (all of them, or those named in `only`), its
 * lookups re-counted on the new text. Never throws.
 */
export async function composeFlattening(plan: FlattenPlan, only?: readonly string[]): Promise<FlattenResult> {
  const chosenNames = only ? keepListNames(only) : undefined;
  const chosen = plan.candidates.filter((candidate) => !chosenNames || chosenNames.has(candidate.domain));
  const notChosen: KeptTerm[] = plan.candidates
    .filter((candidate) => !chosen.includes(candidate))
    .map((candidate) => ({ kind: candidate.kind, term: candidate.term, domain: candidate.domain, range: candidate.range, reason: 'not-chosen', detail: `${candidate.domain} was not chosen` }));
  const { edits, flattened } = flattenEdits(plan.record, chosen);
  const applied = applyEdits(plan.record.text, edits);
  const value = applied.ok ? applied.text : plan.record.text;
  const after = await buildLookupTree(plan.domain, parseRecord(value), { resolver: plan.resolver, clientFamily: plan.clientFamily, signal: plan.signal });
  const octets = new TextEncoder().encode(value).length;
  return {
    domain: plan.domain,
    before: plan.record.text,
    value,
    edits: applied.ok ? edits : [],
    lookupsBefore: plan.lookupsBefore,
    lookupsAfter: after.dnsLookups,
    lookupsComplete: plan.lookupsComplete && after.complete,
    flattened: applied.ok ? flattened : [],
    kept: [...plan.kept, ...notChosen].sort((a, b) => a.range.start - b.range.start),
    octets,
    size: octets > FLATTEN_MAX_OCTETS ? 'too-long' : octets > FLATTEN_WARN_OCTETS ? 'over-warning' : 'ok',
  };
}

/**
 * Flattens the includes (and redirect) of `record`, the SPF record of `domain`: by default every
 * one that is not in `options.keep` and whose networks are fixed now. See the module comment.
 */
export async function flattenRecord(domain: string, record: SpfRecord, options: FlattenOptions): Promise<FlattenResult> {
  return composeFlattening(await planFlattening(domain, record, options), options.only);
}

/** The edits replacing the chosen terms, in record order, dropping networks an earlier ip4/ip6 covers. */
function flattenEdits(record: SpfRecord, chosen: readonly FlattenCandidate[]): { edits: TextEdit[]; flattened: FlattenedTerm[] } {
  const earlier: FlatNetwork[] = [];
  const edits: TextEdit[] = [];
  const flattened: FlattenedTerm[] = [];
  const fresh = (networks: readonly QualifiedNetwork[]): QualifiedNetwork[] => {
    const kept: QualifiedNetwork[] = [];
    for (const entry of networks) {
      if (earlier.some((other) => coversNetwork(other, entry.network))) continue;
      kept.push(entry);
      earlier.push(entry.network);
    }
    return kept;
  };
  for (const mechanism of record.mechanisms) {
    if (mechanism.name === 'all') break;
    if ((mechanism.name === 'ip4' || mechanism.name === 'ip6') && mechanism.network) {
      const network = parseFlatNetwork(`${mechanism.network.address.toString()}/${mechanism.network.prefixLength}`);
      if (network) earlier.push(network);
      continue;
    }
    const candidate = chosen.find((item) => item.kind === 'include' && item.source === mechanism);
    if (!candidate) continue;
    const written = mechanism.qualifierRange ? mechanism.qualifier : '';
    const networks = fresh(candidate.networks.passes.map((network) => ({ qualifier: mechanism.qualifier, network })));
    const replacement = networks.map((entry) => networkMechanism(entry.network, written));
    edits.push(replacement.length > 0 ? { range: mechanism.range, newText: replacement.join(' ') } : removal(record, mechanism.range));
    flattened.push(describe(candidate, replacement, networks));
  }
  const redirect = chosen.find((item) => item.kind === 'redirect');
  if (redirect) {
    const plus = record.mechanisms.some((mechanism) => mechanism.qualifierRange !== undefined && mechanism.qualifier === '+') ? '+' : '';
    const networks = fresh(redirect.networks.entries);
    const replacement = networks.map((entry) => networkMechanism(entry.network, entry.qualifier === '+' ? plus : entry.qualifier));
    if (redirect.networks.all !== undefined) replacement.push(`${redirect.networks.all === '+' ? plus : redirect.networks.all}all`);
    edits.push(...redirectEdits(record, redirect.range, replacement));
    flattened.push(describe(redirect, replacement, networks));
  }
  return { edits, flattened };
}

function describe(candidate: FlattenCandidate, replacement: string[], networks: readonly QualifiedNetwork[]): FlattenedTerm {
  const passing = candidate.kind === 'include' ? networks : networks.filter((entry) => entry.qualifier === '+');
  const notAuthorized = candidate.networks.entries.filter((entry) => entry.qualifier !== '+').map((entry) => entry.network.text);
  return {
    kind: candidate.kind,
    term: candidate.term,
    domain: candidate.domain,
    replacement,
    networks: passing.map((entry) => entry.network.text),
    notAuthorized: [...new Set(notAuthorized)],
    lookupsSaved: candidate.lookups,
  };
}

/** Removes the term at `range` with the space before it (every term follows one, RFC 7208 §12). */
function removal(record: SpfRecord, range: TextRange): TextEdit {
  const start = range.start > 0 && record.text.charCodeAt(range.start - 1) === 0x20 ? range.start - 1 : range.start;
  return { range: { start, end: range.end }, newText: '' };
}

/** A redirect is evaluated last (RFC 7208 §6.1): its replacement goes to the end of the record. */
function redirectEdits(record: SpfRecord, range: TextRange, replacement: readonly string[]): TextEdit[] {
  const last = record.terms[record.terms.length - 1];
  const gone = removal(record, range);
  const text = replacement.map((term) => ` ${term}`).join('');
  if (!last || last.range.end === range.end) return [{ range: gone.range, newText: text }];
  return text.length > 0 ? [gone, { range: { start: last.range.end, end: last.range.end }, newText: text }] : [gone];
}
