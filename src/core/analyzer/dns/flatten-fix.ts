/**
 * Flattening as an explicit fix (SPF020, SPF026): never preferred, marked as a policy change
 * (`refactor.rewrite`), with a preview of the flattened record and its staleness risk, and
 * PROVEN on the draft before it is offered, like the bounce fixes:
 * (a) the edited record needs at most 10 DNS-querying terms, counted completely (RFC 7208 §4.6.4);
 * (b) for every probe address — the first address of each flattened network, of each network the
 *     flattened records deny, and the bounced IP — `check_host()` on the edited draft gives the
 *     same result as the record means today. "Means" is evaluated with the lookup and void
 *     limits lifted, because the record being fixed is often over them: its permerror is what
 *     flattening removes, not a result to keep.
 */
import type { SpfResult } from '../../spf/trace';
import type { AsyncRecordRuleContext } from '../rule-api';
import type { Fix, MessageData } from '../types';
import { draftOf, fallbackOwner, treeOf } from './dns-context';
import { siteDomain } from './draft-resolver';
import { composeFlattening, planFlattening, type FlattenPlan, type FlattenResult } from './flatten';

/** Message templates a rule offering flattening adds to its own (ids `<code>.<key>`). */
export const FLATTEN_MESSAGES: Readonly<Record<string, string>> = {
  replaceFlattened: 'Flatten {terms} (−{saved} lookups, {after}/{limit} after) — preview first',
  flattenPreview:
    'Flattened record ({octets} octets; DNS lookups {before} → {after} of {limit}, RFC 7208 §4.6.4):\n{record}\n\n' +
    'Replaced by the addresses they publish today (only what their records pass, RFC 7208 §5.2):\n{flattened}\n\n' +
    'Kept as they are:\n{kept}\n\n{size}' +
    "Flattened records go stale: when a provider changes its addresses, mail from its new ones fails SPF until the record is flattened again. Re-run the flattening regularly, and keep a provider's include wherever the lookup budget allows (list it in the flattenKeep setting).",
  flattenSize: 'At {octets} octets the record is over 450: an answer that large may not fit in a 512-octet UDP response and then needs EDNS or TCP (RFC 7208 §3.4).\n\n',
};

const LOOKUP_LIMIT = 10;
/** The record's meaning: every term evaluated, however many lookups it takes. */
const LIFTED_LIMITS = { dnsTerms: 1000, voidLookups: 1000 };

/** A probe whose result flattening would change. */
export interface ChangedProbe {
  ip: string;
  before: SpfResult;
  after: SpfResult;
}

/** A flattening after its proof on the draft. */
export interface FlattenProof {
  result: FlattenResult;
  /** DNS-querying terms of the edited record on the draft. */
  lookups?: number;
  changed: ChangedProbe[];
  /** The fix, when the proof holds. */
  fix?: Fix;
  rejected?: 'too-long' | 'not-applicable' | 'over-limit' | 'incomplete' | 'changes-results';
}

/**
 * The proven flattening fixes of the context's record: each single flattenable include (when
 * there are several: the smallest changes first), then all of them together. Empty when
 * nothing can be flattened.
 */
export async function flattenFixes(context: AsyncRecordRuleContext): Promise<FlattenProof[]> {
  const domain = siteDomain(context.site, fallbackOwner(context));
  if (domain === undefined) return [];
  const plan = await planFlattening(domain, context.site.record, { resolver: draftOf(context), keep: context.settings.flattenKeep, signal: context.dns.signal });
  if (plan.candidates.length === 0) return [];
  const domains = [...new Set(plan.candidates.map((candidate) => candidate.domain))];
  const choices: (readonly string[] | undefined)[] = domains.length > 1 ? [...domains.map((domain) => [domain]), undefined] : [undefined];
  const proofs: FlattenProof[] = [];
  for (const only of choices) proofs.push(await proveFlattening(context, plan, await composeFlattening(plan, only)));
  return proofs;
}

/** Applies a flattening to the draft and proves it (see the module comment). */
export async function proveFlattening(context: AsyncRecordRuleContext, plan: FlattenPlan, result: FlattenResult): Promise<FlattenProof> {
  const proof: FlattenProof = { result, changed: [] };
  if (result.size === 'too-long') return { ...proof, rejected: 'too-long' };
  const draftFix = result.flattened.length > 0 ? context.valueFix(fixTitle(context, result, result.lookupsAfter), result.edits, { kind: 'refactor.rewrite', changesPolicy: true }) : undefined;
  const preview = draftFix ? context.previewFix(draftFix) : undefined;
  if (!draftFix || !preview?.site) return { ...proof, rejected: 'not-applicable' };
  const tree = await treeOf(context, preview.site, preview.document);
  if (!tree || !tree.complete) return { ...proof, rejected: 'incomplete' };
  proof.lookups = tree.dnsLookups;
  if (tree.dnsLookups > tree.limits.dnsTerms) return { ...proof, rejected: 'over-limit' };
  const before = draftOf(context);
  const after = draftOf(context, preview.document);
  for (const ip of probeAddresses(result, context.settings.bounce?.clientIp)) {
    const request = { ip, domain: plan.domain, sender: `postmaster@${plan.domain}`, helo: plan.domain };
    const meant = await context.dns.checkHost(request, { resolver: before, limits: LIFTED_LIMITS, prefetch: false, ...signalOf(context) });
    const got = await context.dns.checkHost(request, { resolver: after, ...signalOf(context) });
    if (meant.result === 'temperror' || got.result === 'temperror') return { ...proof, rejected: 'incomplete' };
    if (meant.result !== got.result) proof.changed.push({ ip, before: meant.result, after: got.result });
  }
  if (proof.changed.length > 0) return { ...proof, rejected: 'changes-results' };
  proof.fix = { ...draftFix, title: fixTitle(context, result, tree.dnsLookups), preview: previewText(context, result, tree.dnsLookups) };
  return proof;
}

/** The first address of every flattened and every denied network, and the bounced IP. */
function probeAddresses(result: FlattenResult, bounceIp: string | undefined): string[] {
  const networks = result.flattened.flatMap((term) => [...term.networks, ...term.notAuthorized]);
  const addresses = networks.map((network) => network.split('/')[0]);
  return [...new Set(bounceIp === undefined ? addresses : [...addresses, bounceIp])];
}

function signalOf(context: AsyncRecordRuleContext): { signal?: AbortSignal } {
  return context.dns.signal ? { signal: context.dns.signal } : {};
}

function fixTitle(context: AsyncRecordRuleContext, result: FlattenResult, after: number): MessageData {
  return context.message('replaceFlattened', {
    terms: [...new Set(result.flattened.map((term) => term.term))].join(', '),
    saved: Math.max(0, result.lookupsBefore - after),
    after,
    limit: LOOKUP_LIMIT,
  });
}

function previewText(context: AsyncRecordRuleContext, result: FlattenResult, after: number): MessageData {
  const flattened = result.flattened.map((term) => `  ${term.term} → ${term.replacement.length > 0 ? term.replacement.join(' ') : '∅'}`).join('\n');
  const kept = result.kept.length > 0 ? result.kept.map((term) => `  ${term.term}: ${term.detail}`).join('\n') : '  ∅';
  const size = result.size === 'ok' ? '' : context.message('flattenSize', { octets: result.octets }).text;
  return context.message('flattenPreview', { octets: result.octets, before: result.lookupsBefore, after, limit: LOOKUP_LIMIT, record: result.value, flattened, kept, size });
}
