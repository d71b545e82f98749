/**
 * `analyze --format json` (version 1 of its shape): per file its kind and findings (with
 * 1-based positions and fixes), per bounce its facts and diagnosis, the `--fix` outcomes and
 * the counts per severity.
 */
import type { Finding, ReportedSeverity } from '../../core/analyzer/types';
import type { BounceDiagnosis } from '../../core/report/bounce-diagnosis';
import type { RunEntry } from '../analyze-run';
import type { FileFixOutcome } from '../fix-file';
import { RegionMapper, countBySeverity, type Region } from './finding-position';

export interface JsonFinding extends Region {
  code: string;
  alias: string;
  severity: ReportedSeverity;
  message: string;
  messageId: string;
  range: { start: number; end: number };
  fixes: Array<{ title: string; isPreferred: boolean; changesPolicy: boolean; edits: Array<{ range: { start: number; end: number }; newText: string }> }>;
}

export interface AnalyzeJsonReport {
  version: 1;
  files: Array<{ file: string; kind: string; findings: JsonFinding[] }>;
  bounces: Array<{ file: string; classification: string; provider: string | null; clientIp: string | null; spfDomain: string | null; fromDomain: string | null; checks: Record<string, string>; diagnosis: JsonDiagnosis }>;
  fixes: Array<{ file: string; status: FileFixOutcome['status']; appliedFixes: number; diff: string; reason?: string }>;
  unreadable: Array<{ file: string; reason: string }>;
  summary: Record<ReportedSeverity, number>;
}

export interface JsonDiagnosis {
  kind: BounceDiagnosis['kind'];
  /** The explanation in words (trap, not an SPF problem, no record…). */
  explanation?: string;
  verdict?: { ip: string; domain: string; result: string; decidingTerm: string | null; decidingDomain: string | null; reason: string; dnsTerms: number; voidLookups: number; complete: boolean; unresolved: string[] };
  record?: { from: 'file' | 'dns'; file: string | null; value: string };
  fixes?: Array<{ title: string; isPreferred: boolean; changesPolicy: boolean; fixedValue: string }>;
}

function jsonFinding(finding: Finding, mapper: RegionMapper): JsonFinding {
  return {
    code: finding.code,
    alias: finding.alias,
    severity: finding.severity,
    message: finding.message.text,
    messageId: finding.message.id,
    ...mapper.region(finding.range),
    range: finding.range,
    fixes: (finding.fixes ?? []).map((fix) => ({ title: fix.title.text, isPreferred: fix.isPreferred === true, changesPolicy: fix.changesPolicy === true, edits: fix.edits })),
  };
}

/** The diagnosis as plain data. */
export function jsonDiagnosis(diagnosis: BounceDiagnosis): JsonDiagnosis {
  switch (diagnosis.kind) {
    case 'not-a-bounce':
      return { kind: diagnosis.kind, explanation: diagnosis.reason };
    case 'trap':
      return { kind: diagnosis.kind, explanation: diagnosis.explanation };
    case 'not-spf':
      return { kind: diagnosis.kind, explanation: diagnosis.message.text };
    case 'missing-facts':
      return { kind: diagnosis.kind, explanation: `the bounce does not name ${diagnosis.missing.join(' or ')}` };
    case 'no-record':
      return { kind: diagnosis.kind, explanation: diagnosis.detail };
    case 'verdict': {
      const { verdict, record } = diagnosis;
      return {
        kind: diagnosis.kind,
        ...(diagnosis.finding ? { explanation: diagnosis.finding.message.text } : {}),
        verdict: {
          ip: verdict.ip,
          domain: verdict.domain,
          result: verdict.result,
          decidingTerm: verdict.decidingTerm ?? null,
          decidingDomain: verdict.decidingDomain ?? null,
          reason: verdict.reason,
          dnsTerms: verdict.dnsTerms,
          voidLookups: verdict.voidLookups,
          complete: verdict.complete,
          unresolved: verdict.unresolved.map((item) => `${item.type} ${item.name}`),
        },
        record: { from: record.from, file: record.file ?? null, value: record.value },
        fixes: diagnosis.fixes.map(({ fix, fixedValue }) => ({ title: fix.title.text, isPreferred: fix.isPreferred === true, changesPolicy: fix.changesPolicy === true, fixedValue })),
      };
    }
  }
}

/** The whole report. `findingsOf` gives each entry's reported findings and the text they point into. */
export function toAnalyzeJson(
  entries: readonly RunEntry[],
  findingsOf: (entry: RunEntry) => { text: string; findings: readonly Finding[] },
  fixes: readonly FileFixOutcome[],
  unreadable: ReadonlyArray<{ file: string; error: string }>,
): AnalyzeJsonReport {
  const all: Finding[] = [];
  const files = entries.map((entry) => {
    const { text, findings } = findingsOf(entry);
    all.push(...findings);
    const mapper = new RegionMapper(text);
    return { file: entry.file, kind: entry.type === 'bounce' ? 'bounce' : entry.kind, findings: findings.map((finding) => jsonFinding(finding, mapper)) };
  });
  const bounces = entries.flatMap((entry) =>
    entry.type === 'bounce'
      ? [{ file: entry.file, classification: entry.report.classification, provider: entry.report.provider, clientIp: entry.report.clientIp, spfDomain: entry.report.spfDomain, fromDomain: entry.report.fromDomain, checks: { ...entry.report.checks }, diagnosis: jsonDiagnosis(entry.diagnosis) }]
      : [],
  );
  return {
    version: 1,
    files,
    bounces,
    fixes: fixes.map((outcome) => ({ file: outcome.file, status: outcome.status, appliedFixes: outcome.appliedFixes, diff: outcome.diff, ...(outcome.reason ? { reason: outcome.reason } : {}) })),
    unreadable: unreadable.map(({ file, error }) => ({ file, reason: error })),
    summary: countBySeverity(all),
  };
}
