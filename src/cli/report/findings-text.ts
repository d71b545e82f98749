/** Findings printed like a compiler's: `file:line:col  severity  SPF0NN  message`, with the fixes below. */
import type { Finding } from '../../core/analyzer/types';
import type { Style } from '../output';
import { RegionMapper } from './finding-position';

/** The lines of one file's findings. */
export function findingLines(file: string, text: string, findings: readonly Finding[], style: Style): string[] {
  const mapper = new RegionMapper(text);
  const lines: string[] = [];
  for (const finding of findings) {
    const { startLine, startColumn } = mapper.region(finding.range);
    lines.push(`${file}:${startLine}:${startColumn}  ${style.severity(finding.severity, finding.severity.padEnd(7))}  ${finding.code}  ${finding.message.text}  ${style.dim(`(${finding.alias})`)}`);
    for (const fix of finding.fixes ?? []) {
      const marks = [fix.isPreferred ? 'preferred' : undefined, fix.changesPolicy ? 'changes policy' : undefined].filter((mark) => mark !== undefined);
      lines.push(`    fix${marks.length > 0 ? ` (${marks.join(', ')})` : ''}: ${fix.title.text}`);
    }
  }
  return lines;
}
