/**
 * Findings with their positions for people and tools: one-based lines and columns (UTF-16 code
 * units, as SARIF's default `columnKind` and editors count them), and the exit-code threshold.
 */
import type { Finding, ReportedSeverity } from '../../core/analyzer/types';
import { LineIndex } from '../../core/text/line-index';
import type { TextRange } from '../../core/text/range';

/** A one-based region: where a range starts and ends (end column exclusive, as SARIF's `endColumn`). */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** `--fail-on` levels, lowest first; `none` never fails. */
export const FAIL_ON_LEVELS = ['none', 'hint', 'info', 'warning', 'error'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

const SEVERITY_RANK: Record<ReportedSeverity, number> = { hint: 1, info: 2, warning: 3, error: 4 };

/** True when a finding of `severity` is at or above `failOn`. */
export function failsOn(severity: ReportedSeverity, failOn: FailOn): boolean {
  return failOn !== 'none' && SEVERITY_RANK[severity] >= FAIL_ON_LEVELS.indexOf(failOn);
}

/** Converts ranges of one text to regions. */
export class RegionMapper {
  private readonly lines: LineIndex;

  constructor(text: string) {
    this.lines = new LineIndex(text);
  }

  region(range: TextRange): Region {
    const start = this.lines.positionAt(range.start);
    const end = this.lines.positionAt(range.end);
    return { startLine: start.line + 1, startColumn: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1 };
  }
}

/** Counts of findings per severity. */
export function countBySeverity(findings: readonly Finding[]): Record<ReportedSeverity, number> {
  const counts: Record<ReportedSeverity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
