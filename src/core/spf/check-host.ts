/**
 * `check_host()` of RFC 7208 §4: the SPF result for a client IP, a domain and a sender.
 */
import ipaddr from 'ipaddr.js';
import type { IPv4, IPv6 } from 'ipaddr.js';
import type { Resolver } from '../dns/resolver';
import { normalizeName } from '../dns/resolver';
import type { MacroString, MechanismTerm, ModifierTerm, Qualifier, SpfRecord, SpfSyntaxError } from './ast';
import { domainNameProblem } from './domain-name';
import { DEFAULT_LIMITS, EvaluationState, EvaluationStop, dnsFailure, type SpfLimits } from './evaluation-state';
import { createMacroContext, expandMacroString, parseMacroString, type MacroContext } from './macro';
import { evaluateA, evaluateExists, evaluateMx, evaluateNetwork, evaluatePtr, validatedDomainFor } from './mechanisms';
import { isSpfRecordText, parseRecord } from './parser';
import { RecordPrefetcher } from './prefetch';
import { findDecidingTerm, type DnsQueryTrace, type EvaluationTrace, type ExplanationTrace, type SpfResult, type SpfTrace, type TermTrace } from './trace';

export type { SpfLimits } from './evaluation-state';
export { DEFAULT_LIMITS as DEFAULT_SPF_LIMITS } from './evaluation-state';

/** The inputs of `check_host()` (RFC 7208 §4.1). */
export interface SpfRequest {
  /** The SMTP client's IP address (IPv4-mapped IPv6 addresses are treated as IPv4). */
  ip: string;
  /** The domain to check; defaults to the domain of `sender`. */
  domain?: string;
  /** MAIL FROM; empty for a null sender, which checks `postmaster@<helo>` (RFC 7208 §2.4). */
  sender: string;
  /** The HELO/EHLO name. */
  helo: string;
}

export interface CheckHostOptions {
  resolver: Resolver;
  /** Explanation for `fail` when the record gives none (macros are expanded). */
  defaultExplanation?: string;
  /** The receiving host, for `%{r}`. */
  receivingHost?: string;
  /** The time for `%{t}` (default: now). */
  now?: Date | number;
  /** Cancels the evaluation (the result becomes temperror). */
  signal?: AbortSignal;
  limits?: Partial<SpfLimits>;
  /**
   * Send the TXT queries of macro-free include/redirect targets ahead, in parallel (default
   * true). Results and counted limits are those of sequential evaluation; at most
   * `limits.dnsTerms` queries are sent ahead.
   */
  prefetch?: boolean;
}

export interface CheckHostResult {
  result: SpfResult;
  /** The explanation of a `fail` (RFC 7208 §6.2), when one was found. */
  explanation?: string;
  trace: SpfTrace;
}

const QUALIFIER_RESULTS: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };
/** Nesting guard: include/redirect loops are found first; this only bounds odd limit settings. */
const MAX_NESTING = 64;

/**
 * Evaluates SPF for a client as RFC 7208 §4–§6 define it. Never throws: DNS failures,
 * bad records and bad input are results (temperror, permerror, none) explained by the trace.
 */
export async function checkHost(request: SpfRequest, options: CheckHostOptions): Promise<CheckHostResult> {
  const started = performance.now();
  const limits = options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
  let sender = request.sender;
  if (sender.length === 0) sender = `postmaster@${request.helo}`;
  const at = sender.lastIndexOf('@');
  const localPart = at > 0 ? sender.slice(0, at) : 'postmaster';
  const senderDomain = at >= 0 ? sender.slice(at + 1) : sender;
  if (at < 0) sender = `postmaster@${sender}`;
  else if (at === 0) sender = `postmaster${sender}`;
  const domain = request.domain ?? senderDomain;
  const trace: SpfTrace = {
    request: { ip: request.ip, domain, sender, helo: request.helo },
    root: { domain, via: 'check_host', recordQueries: [], terms: [], result: 'none', reason: '' },
    dnsTerms: [],
    voidLookups: [],
    limits: { dnsTerms: limits.dnsTerms, voidLookups: limits.voidLookups },
    queryCount: 0,
    elapsedMs: 0,
  };
  const client = parseClientIp(request.ip);
  if (client === undefined) {
    trace.root.result = 'permerror';
    trace.root.reason = `the client IP "${request.ip}" is not an IP address`;
    trace.elapsedMs = performance.now() - started;
    return { result: 'permerror', trace };
  }
  const makeMacroBase = (): MacroContext => {
    const now = options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
    return createMacroContext({
      sender,
      localPart,
      senderDomain,
      domain,
      ip: client,
      helo: request.helo,
      receivingHost: options.receivingHost,
      timestamp: Math.floor(now / 1000),
    });
  };
  const prefetcher = options.prefetch === false ? undefined : new RecordPrefetcher(options.resolver, options.signal, limits.dnsTerms);
  const state = new EvaluationState(options.resolver, limits, client, options.signal, prefetcher);
  const evaluator = new Evaluator(state, options.defaultExplanation, makeMacroBase);
  trace.root = await evaluator.evaluate(domain, 'check_host', true, []);
  trace.dnsTerms = state.dnsTerms;
  trace.voidLookups = state.voidLookups;
  trace.queryCount = state.queryCount;
  const decidedBy = findDecidingTerm(trace.root);
  if (decidedBy) trace.decidedBy = decidedBy;
  trace.elapsedMs = performance.now() - started;
  const explanation = trace.root.result === 'fail' ? trace.root.explanation?.text : undefined;
  return explanation === undefined ? { result: trace.root.result, trace } : { result: trace.root.result, explanation, trace };
}

/** The client address; IPv4-mapped IPv6 becomes IPv4 (RFC 7208 §5). */
function parseClientIp(text: string): IPv4 | IPv6 | undefined {
  try {
    return ipaddr.process(text);
  } catch {
    return undefined;
  }
}

/** The domain whose record is evaluated, with its macro context made on first use. */
interface Scope {
  domain: string;
  macros?: MacroContext;
}

type RecordSelection = { record: string } | { result: SpfResult; reason: string };

class Evaluator {
  private macroBase?: MacroContext;

  constructor(
    private readonly state: EvaluationState,
    private readonly defaultExplanation: string | undefined,
    private readonly makeMacroBase: () => MacroContext,
  ) {}

  /** The macro context of a scope (RFC 7208 §7.3: `d` is the scope's domain). */
  private macros(scope: Scope): MacroContext {
    if (scope.macros) return scope.macros;
    const base = (this.macroBase ??= this.makeMacroBase());
    scope.macros = base.domain === scope.domain ? base : { ...base, domain: scope.domain };
    return scope.macros;
  }

  /** RFC 7208 §4.4–§4.5: the one `v=spf1` TXT record of `domain`. */
  private async selectRecord(domain: string, sink: DnsQueryTrace[]): Promise<RecordSelection> {
    const response = await this.state.query(domain, 'TXT', sink);
    if (response.status === 'error') {
      const failure = dnsFailure(domain, 'TXT', response);
      return { result: 'temperror', reason: failure.reason };
    }
    if (response.status !== 'ok') {
      return { result: 'none', reason: response.status === 'nxdomain' ? `${domain} does not exist` : `${domain} has no TXT records` };
    }
    let found: string | undefined;
    for (const strings of response.records) {
      const text = strings.length === 1 ? strings[0] : strings.join('');
      if (!isSpfRecordText(text)) continue;
      if (found !== undefined) return { result: 'permerror', reason: `${domain} has more than one SPF record (RFC 7208 §4.5)` };
      found = text;
    }
    return found === undefined ? { result: 'none', reason: `${domain} has no SPF record` } : { record: found };
  }

  /** check_host() for one domain; `chain` holds the domains of the include/redirect path above it. */
  async evaluate(domain: string, via: EvaluationTrace['via'], withExplanation: boolean, chain: string[]): Promise<EvaluationTrace> {
    const trace: EvaluationTrace = { domain, via, recordQueries: [], terms: [], result: 'none', reason: '' };
    const problem = domainNameProblem(domain);
    if (problem !== undefined) {
      trace.reason = `"${domain}" cannot be checked: ${problem} (RFC 7208 §4.3)`;
      return trace;
    }
    const selection = await this.selectRecord(domain, trace.recordQueries);
    if ('result' in selection) {
      trace.result = selection.result;
      trace.reason = selection.reason;
      return trace;
    }
    trace.record = selection.record;
    const record = parseRecord(selection.record);
    if (record.errors.length > 0) {
      trace.errors = record.errors;
      trace.result = 'permerror';
      trace.reason = `syntax error in the record: ${record.errors[0].reason} (RFC 7208 §4.6)`;
      return trace;
    }
    this.state.prefetcher?.prefetchTargets(record);
    const scope: Scope = { domain };
    try {
      for (const mechanism of record.mechanisms) {
        const step = startStep(mechanism);
        trace.terms.push(step);
        if (await this.evaluateMechanism(mechanism, scope, step, chain)) {
          step.outcome = 'match';
          trace.result = QUALIFIER_RESULTS[mechanism.qualifier];
          trace.reason = `"${mechanism.text}" matched`;
          trace.decidingTerm = trace.terms.length - 1;
          if (trace.result === 'fail' && withExplanation) trace.explanation = await this.explain(record, scope);
          return trace;
        }
      }
      if (record.redirect) return await this.redirect(record.redirect, scope, trace, withExplanation, chain);
    } catch (error) {
      if (!(error instanceof EvaluationStop)) throw error;
      const step = trace.terms[trace.terms.length - 1];
      if (step) {
        step.outcome = 'error';
        step.errorResult = error.result;
        step.reason = error.reason;
        trace.decidingTerm = trace.terms.length - 1;
      }
      trace.result = error.result;
      trace.reason = error.reason;
      return trace;
    }
    trace.result = 'neutral';
    trace.reason = 'no mechanism matched and there is no redirect= (RFC 7208 §4.7)';
    return trace;
  }

  private async expandTarget(spec: MacroString | undefined, scope: Scope, step: TermTrace): Promise<string> {
    if (!spec) {
      step.target = scope.domain;
      return scope.domain;
    }
    const context = this.macros(scope);
    const expanded = spec.usesPtr
      ? expandMacroString(spec, { ...context, validatedDomain: await validatedDomainFor(this.state, scope.domain, step.queries) }, 'domain-spec')
      : expandMacroString(spec, context, 'domain-spec');
    step.target = expanded;
    return expanded;
  }

  private async evaluateMechanism(mechanism: MechanismTerm, scope: Scope, step: TermTrace, chain: string[]): Promise<boolean> {
    const state = this.state;
    switch (mechanism.name) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6':
        return evaluateNetwork(state, mechanism);
      default:
        break;
    }
    state.countDnsTerm(scope.domain, step);
    const target = await this.expandTarget(mechanism.domainSpec, scope, step);
    const problem = domainNameProblem(target);
    if (problem !== undefined) {
      if (mechanism.name === 'include') throw new EvaluationStop('permerror', `include target "${target}" is malformed: ${problem}`);
      step.reason = `"${target}" is not a valid domain name (${problem}); no lookup, no match`;
      return false;
    }
    switch (mechanism.name) {
      case 'a':
        return evaluateA(state, mechanism, target, scope.domain, step);
      case 'mx':
        return evaluateMx(state, mechanism, target, scope.domain, step);
      case 'ptr':
        return evaluatePtr(state, target, scope.domain, step);
      case 'exists':
        return evaluateExists(state, target, scope.domain, step);
      default:
        return this.include(target, step, [...chain, normalizeName(scope.domain)]);
    }
  }

  /** RFC 7208 §5.2: pass matches; fail, softfail, neutral do not; errors and none stop. */
  private async include(target: string, step: TermTrace, path: string[]): Promise<boolean> {
    if (path.includes(normalizeName(target))) {
      throw new EvaluationStop('permerror', `include loop: ${[...path, normalizeName(target)].join(' → ')}`);
    }
    if (path.length >= MAX_NESTING) throw new EvaluationStop('permerror', 'include/redirect nesting is too deep');
    const child = await this.evaluate(target, 'include', false, path);
    step.child = child;
    switch (child.result) {
      case 'pass':
        step.reason = `${target} returned pass`;
        return true;
      case 'fail':
      case 'softfail':
      case 'neutral':
        step.reason = `${target} returned ${child.result}: no match`;
        return false;
      case 'temperror':
        throw new EvaluationStop('temperror', `include:${target} returned temperror: ${child.reason}`);
      case 'permerror':
        throw new EvaluationStop('permerror', `include:${target} returned permerror: ${child.reason}`);
      case 'none':
        throw new EvaluationStop('permerror', `include:${target} has no SPF record (${child.reason}; RFC 7208 §5.2)`);
    }
  }

  /** RFC 7208 §6.1: the result of the target's record; no record there is permerror. */
  private async redirect(
    modifier: ModifierTerm,
    scope: Scope,
    trace: EvaluationTrace,
    withExplanation: boolean,
    chain: string[],
  ): Promise<EvaluationTrace> {
    const path = [...chain, normalizeName(scope.domain)];
    const step = startStep(modifier);
    trace.terms.push(step);
    this.state.countDnsTerm(scope.domain, step);
    const target = await this.expandTarget(modifier.value, scope, step);
    if (path.includes(normalizeName(target))) {
      throw new EvaluationStop('permerror', `redirect loop: ${[...path, normalizeName(target)].join(' → ')}`);
    }
    if (path.length >= MAX_NESTING) throw new EvaluationStop('permerror', 'include/redirect nesting is too deep');
    const child = await this.evaluate(target, 'redirect', withExplanation, path);
    step.child = child;
    step.outcome = 'match';
    trace.decidingTerm = trace.terms.length - 1;
    if (child.result === 'none') {
      step.outcome = 'error';
      step.errorResult = 'permerror';
      step.reason = `redirect target ${target} has no SPF record (RFC 7208 §6.1)`;
      trace.result = 'permerror';
      trace.reason = step.reason;
      return trace;
    }
    trace.result = child.result;
    trace.reason = `redirect=${target} returned ${child.result}`;
    if (child.explanation) trace.explanation = child.explanation;
    return trace;
  }

  /** RFC 7208 §6.2: the explanation of a fail, from `exp=` or the default. */
  private async explain(record: SpfRecord, scope: Scope): Promise<ExplanationTrace> {
    const explanation: ExplanationTrace = { source: 'none', queries: [] };
    if (record.exp) {
      const problem = await this.explainFromExp(record.exp, scope, explanation);
      if (problem === undefined) return explanation;
      explanation.problem = problem;
    }
    if (this.defaultExplanation !== undefined) {
      explanation.source = 'default';
      explanation.text =
        (await this.expandExplanation(this.defaultExplanation, scope, explanation.queries)) ?? this.defaultExplanation;
    }
    return explanation;
  }

  /** Fills the explanation from `exp=`, or returns why it cannot be used. */
  private async explainFromExp(exp: ModifierTerm, scope: Scope, explanation: ExplanationTrace): Promise<string | undefined> {
    const spec = exp.value;
    const context = this.macros(scope);
    const target = spec.usesPtr
      ? expandMacroString(spec, { ...context, validatedDomain: await validatedDomainFor(this.state, scope.domain, explanation.queries) }, 'domain-spec')
      : expandMacroString(spec, context, 'domain-spec');
    const problem = domainNameProblem(target);
    if (problem !== undefined) return `exp target "${target}": ${problem}`;
    const response = await this.state.query(target, 'TXT', explanation.queries);
    if (response.status !== 'ok') return `no explanation TXT record at ${target}`;
    if (response.records.length !== 1) return `${target} has ${response.records.length} TXT records, not exactly one`;
    const text = await this.expandExplanation(response.records[0].join(''), scope, explanation.queries);
    if (text === undefined) return `the explanation at ${target} has a syntax error`;
    explanation.source = 'exp';
    explanation.text = text;
    return undefined;
  }

  /** Expands an explain-string (RFC 7208 §6.2); undefined when it has a syntax error. */
  private async expandExplanation(text: string, scope: Scope, sink: DnsQueryTrace[]): Promise<string | undefined> {
    const context = this.macros(scope);
    const errors: SpfSyntaxError[] = [];
    const parsed = parseMacroString(text, 0, text.length, 'explain-string', errors);
    if (errors.length > 0) return undefined;
    if (!parsed.usesPtr) return expandMacroString(parsed, context, 'explain-string');
    const validatedDomain = await validatedDomainFor(this.state, scope.domain, sink);
    return expandMacroString(parsed, { ...context, validatedDomain }, 'explain-string');
  }
}

function startStep(term: MechanismTerm | ModifierTerm): TermTrace {
  return { termIndex: term.index, term: term.text, range: term.range, outcome: 'no-match', queries: [] };
}
