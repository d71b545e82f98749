/**
 * The trace of a `check_host()` evaluation: what a person needs to understand its result.
 * Plain, JSON-serialisable data.
 */
import type { DnsResponse, QueryType } from '../dns/resolver';
import type { SpfSyntaxError } from './ast';
import type { TextRange } from '../text/range';

/** The results of RFC 7208 §2.6. */
export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';

/** One DNS query made during the evaluation. */
export interface DnsQueryTrace {
  name: string;
  type: QueryType;
  /** The resolver's answer, unchanged. */
  response: DnsResponse;
  /** Time the evaluation waited for the answer. */
  elapsedMs: number;
  /** True when the query was sent ahead (see `CheckHostOptions.prefetch`); `elapsedMs` is then the wait left. */
  prefetched?: boolean;
}

/** One step of a counter (RFC 7208 §4.6.4): which term, in which record, brought it to `count`. */
export interface CounterEvent {
  count: number;
  limit: number;
  /** The domain whose record holds the term. */
  domain: string;
  /** The term's text. */
  term: string;
}

export type TermOutcome = 'match' | 'no-match' | 'error';

/** One evaluated term (a mechanism, or the `redirect=` modifier). */
export interface TermTrace {
  /** Index in the record's terms (see `parseRecord`). */
  termIndex: number;
  term: string;
  /** Range of the term in the record text. */
  range: TextRange;
  outcome: TermOutcome;
  /** For errors: the result the term caused. */
  errorResult?: 'temperror' | 'permerror';
  /** A sentence on why the outcome is what it is. */
  reason?: string;
  /** The domain the term looked at, after macro expansion. */
  target?: string;
  queries: DnsQueryTrace[];
  /** The DNS-term counter after this term, when the term counts (include a mx ptr exists redirect). */
  dnsTermCount?: number;
  /** The void-lookup counter after this term, when this term had a void lookup. */
  voidLookupCount?: number;
  /** The nested evaluation of an `include:` or `redirect=`. */
  child?: EvaluationTrace;
}

/** How the explanation of a `fail` was found (RFC 7208 §6.2). */
export interface ExplanationTrace {
  source: 'exp' | 'default' | 'none';
  text?: string;
  /** Why `exp=` was not used, when it was present but ignored. */
  problem?: string;
  queries: DnsQueryTrace[];
}

/** The evaluation of one domain's record. */
export interface EvaluationTrace {
  domain: string;
  /** Why this domain was evaluated. */
  via: 'check_host' | 'include' | 'redirect';
  /** The selected SPF record, when one was found. */
  record?: string;
  /** The TXT query (or queries) that selected the record. */
  recordQueries: DnsQueryTrace[];
  /** Syntax errors of the record (they make the result permerror). */
  errors?: SpfSyntaxError[];
  terms: TermTrace[];
  result: SpfResult;
  /** Why the result is what it is, in words. */
  reason: string;
  /** Index in `terms` of the term that decided the result, if a term did. */
  decidingTerm?: number;
  explanation?: ExplanationTrace;
}

/** The whole trace of one `check_host()` call. */
export interface SpfTrace {
  request: { ip: string; domain: string; sender: string; helo: string };
  root: EvaluationTrace;
  /** Every DNS-querying term, in evaluation order (RFC 7208 §4.6.4: at most `limit`). */
  dnsTerms: CounterEvent[];
  /** Every void lookup, in evaluation order (RFC 7208 §4.6.4: at most `limit`). */
  voidLookups: CounterEvent[];
  limits: { dnsTerms: number; voidLookups: number };
  /** The term that decided the result, following redirects down to the record that decided. */
  decidedBy?: { domain: string; term: string; termIndex: number; range: TextRange };
  queryCount: number;
  elapsedMs: number;
}

/** Finds the deciding term of an evaluation, descending into redirect= evaluations. */
export function findDecidingTerm(evaluation: EvaluationTrace): SpfTrace['decidedBy'] {
  if (evaluation.decidingTerm === undefined) return undefined;
  const step = evaluation.terms[evaluation.decidingTerm];
  if (step.child && step.child.via === 'redirect' && step.outcome === 'match') {
    const inner = findDecidingTerm(step.child);
    if (inner) return inner;
  }
  return { domain: evaluation.domain, term: step.term, termIndex: step.termIndex, range: step.range };
}

/** Short text of a DNS answer: `A 192.0.2.1, 192.0.2.2`, `NXDOMAIN`, `error TIMEOUT: ...`. */
export function describeResponse(query: DnsQueryTrace): string {
  const response = query.response;
  switch (response.status) {
    case 'nxdomain':
      return 'NXDOMAIN (void)';
    case 'nodata':
      return 'no records (void)';
    case 'error':
      return `error ${response.code}: ${response.message}`;
    case 'ok': {
      const records = response.records as unknown[];
      const shown = records.slice(0, 5).map((record) => {
        if (Array.isArray(record)) return JSON.stringify(record.join(''));
        if (typeof record === 'object' && record !== null) {
          const mx = record as { preference: number; exchange: string };
          return `${mx.preference} ${mx.exchange}`;
        }
        return String(record);
      });
      const more = records.length > 5 ? `, … (${records.length} in all)` : '';
      return shown.join(', ') + more;
    }
  }
}

function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`;
}

function renderQueries(queries: DnsQueryTrace[], prefix: string, lines: string[]): void {
  for (const query of queries) {
    const ahead = query.prefetched ? ', sent ahead' : '';
    lines.push(`${prefix}? ${query.type} ${query.name} → ${describeResponse(query)} (${formatMs(query.elapsedMs)}${ahead})`);
  }
}

function renderEvaluation(evaluation: EvaluationTrace, prefix: string, lines: string[]): void {
  const record = evaluation.record === undefined ? '(no SPF record)' : JSON.stringify(evaluation.record);
  lines.push(`${prefix}${evaluation.domain}: ${record} → ${evaluation.result}`);
  const inner = `${prefix}  `;
  renderQueries(evaluation.recordQueries, inner, lines);
  for (const error of evaluation.errors ?? []) {
    lines.push(`${inner}! syntax error at ${error.range.start}-${error.range.end}: ${error.reason}`);
  }
  evaluation.terms.forEach((term, index) => {
    const counters: string[] = [];
    if (term.dnsTermCount !== undefined) counters.push(`DNS terms ${term.dnsTermCount}`);
    if (term.voidLookupCount !== undefined) counters.push(`void lookups ${term.voidLookupCount}`);
    const outcome = term.outcome === 'error' ? `error (${term.errorResult})` : term.outcome;
    const decided = evaluation.decidingTerm === index ? '  ◀ decides' : '';
    const target = term.target !== undefined && !term.term.toLowerCase().includes(term.target.toLowerCase()) ? ` [→ ${term.target}]` : '';
    const counterText = counters.length > 0 ? `  {${counters.join(', ')}}` : '';
    lines.push(`${inner}${index === evaluation.terms.length - 1 ? '└' : '├'}─ ${term.term}${target}: ${outcome}${counterText}${decided}`);
    const detail = `${inner}${index === evaluation.terms.length - 1 ? ' ' : '│'}    `;
    if (term.reason) lines.push(`${detail}${term.reason}`);
    renderQueries(term.queries, detail, lines);
    if (term.child) renderEvaluation(term.child, detail, lines);
  });
  lines.push(`${inner}= ${evaluation.result}: ${evaluation.reason}`);
  const explanation = evaluation.explanation;
  if (explanation) {
    renderQueries(explanation.queries, inner, lines);
    if (explanation.problem) lines.push(`${inner}exp= ignored: ${explanation.problem}`);
    if (explanation.text !== undefined) lines.push(`${inner}explanation (${explanation.source}): ${JSON.stringify(explanation.text)}`);
  }
}

/** Renders a trace as an indented tree with the RFC 7208 §4.6.4 counters, for the CLI. */
export function renderTrace(trace: SpfTrace): string {
  const { request } = trace;
  const lines = [`check_host(ip=${request.ip}, domain=${request.domain}, sender=${request.sender}, helo=${request.helo}) = ${trace.root.result}`];
  renderEvaluation(trace.root, '', lines);
  if (trace.decidedBy) lines.push(`decided by: ${trace.decidedBy.term} in ${trace.decidedBy.domain}`);
  const lastDns = trace.dnsTerms[trace.dnsTerms.length - 1];
  lines.push(
    `DNS-querying terms: ${trace.dnsTerms.length}/${trace.limits.dnsTerms}` +
      (lastDns ? ` (last: ${lastDns.term} in ${lastDns.domain})` : ''),
  );
  lines.push(
    `void lookups: ${trace.voidLookups.length}/${trace.limits.voidLookups}` +
      (trace.voidLookups.length > 0 ? ` (${trace.voidLookups.map((event) => `${event.term} in ${event.domain}`).join('; ')})` : ''),
  );
  lines.push(`${trace.queryCount} DNS queries in ${formatMs(trace.elapsedMs)}`);
  return lines.join('\n');
}
