/**
 * What `spf-doctor check` prints: a readable summary with the trace tree, or a JSON report of
 * a stable shape (`CheckReport`, documented in the README).
 */
import type { CheckHostResult } from '../core/spf/check-host';
import { renderTrace, type SpfResult, type SpfTrace } from '../core/spf/trace';
import { indent, type Style } from './output';

/** Where the answers came from. */
export interface DnsSource {
  /** The `--zone` files, in the order given. */
  zoneFiles: string[];
  /** The DNS servers queried (empty when only zone files answer). */
  servers: string[];
  /** With zone files: the zones they answer for. */
  zoneApexes?: string[];
}

/** The JSON printed by `check --json` (version 1 of its shape). */
export interface CheckReport {
  version: 1;
  request: SpfTrace['request'];
  result: SpfResult;
  /** What the result means (RFC 7208 §2.6). */
  meaning: string;
  /** Why the evaluation ended with this result. */
  reason: string;
  /** The explanation of a `fail` (RFC 7208 §6.2), else null. */
  explanation: string | null;
  /** The term that decided, following redirects; null when no term decided (e.g. no record). */
  decidedBy: SpfTrace['decidedBy'] | null;
  /** RFC 7208 §4.6.4 counters. */
  dnsTerms: { count: number; limit: number };
  voidLookups: { count: number; limit: number };
  queryCount: number;
  source: DnsSource;
  /** Zone-file problems as `file:line:col: message`. */
  warnings: string[];
  /** The full trace (see `SpfTrace` in the core library). */
  trace: SpfTrace;
}

/** RFC 7208 §2.6: what each result says about the client. */
const MEANINGS: Record<SpfResult, string> = {
  none: 'no SPF record was found, so nothing can be said about the client (RFC 7208 §2.6.1)',
  neutral: 'the domain makes no assertion about the client (RFC 7208 §2.6.2)',
  pass: 'the client is authorised to send mail for the domain (RFC 7208 §2.6.3)',
  fail: 'the client is not authorised to send mail for the domain (RFC 7208 §2.6.4)',
  softfail: 'the client is probably not authorised; receivers usually accept and mark the mail (RFC 7208 §2.6.5)',
  temperror: 'a transient error (usually DNS) stopped the check; a later retry may succeed (RFC 7208 §2.6.6)',
  permerror: 'the domain\'s records cannot be interpreted correctly; this needs a fix by the domain owner (RFC 7208 §2.6.7)',
};

function describeSource(source: DnsSource): string {
  const zones = source.zoneFiles.length > 0 ? `zone files ${source.zoneFiles.join(', ')}` : '';
  if (source.servers.length === 0) return `${zones} only (no network)`;
  const servers = `DNS ${source.servers.join(', ')}`;
  return zones === '' ? servers : `${zones} for ${(source.zoneApexes ?? []).join(', ')}, ${servers} for other names`;
}

/** The readable output: result, meaning, explanation, then the trace tree with its counters. */
export function describeCheck(outcome: CheckHostResult, source: DnsSource, style: Style): string {
  const { trace } = outcome;
  const lines = [
    `${style.bold('Result:')} ${style.result(outcome.result)} for ${trace.request.ip} and ${trace.request.domain}`,
    `  ${MEANINGS[outcome.result]}`,
    `${style.bold('Reason:')} ${trace.root.reason}`,
  ];
  if (outcome.explanation !== undefined) lines.push(`${style.bold('Explanation:')} ${outcome.explanation}`);
  lines.push(`${style.bold('Answers from:')} ${describeSource(source)}`, '', style.bold('Trace:'), indent(renderTrace(trace), '  '));
  return lines.join('\n');
}

/** The `--json` report. */
export function toCheckReport(outcome: CheckHostResult, source: DnsSource, warnings: string[]): CheckReport {
  const { trace } = outcome;
  return {
    version: 1,
    request: trace.request,
    result: outcome.result,
    meaning: MEANINGS[outcome.result],
    reason: trace.root.reason,
    explanation: outcome.explanation ?? null,
    decidedBy: trace.decidedBy ?? null,
    dnsTerms: { count: trace.dnsTerms.length, limit: trace.limits.dnsTerms },
    voidLookups: { count: trace.voidLookups.length, limit: trace.limits.voidLookups },
    queryCount: trace.queryCount,
    source,
    warnings,
    trace,
  };
}
