/**
 * Editor path: the document-only analysis of a 5,000-record zone after a one-character edit,
 * as the extension's diagnostics run it on every change (`AnalysisService.analyzeNow` calls
 * `analyzeDocument` on the whole new text; it caches per document version, not per record),
 * followed by the line/column of every finding as the diagnostics need them. Target ≤ 30 ms.
 *
 * The zone is the realistic one of `zone-read` (SPF records, split strings, DKIM in parentheses,
 * comments). The first analysis is timed cold (fresh process, nothing compiled yet); then each
 * timed edit inserts or deletes one character at a different place (inside an SPF record, in a
 * comment, in an A record), analysing the text the editor would hold after it.
 *
 * Run: node scripts/bench.mjs editor-path   (argument after the file: record count, default 5000)
 */
import { analyzeDocument } from '../src/core/analyzer/analyze';
import { generateRealisticZone } from './support/realistic-zone';

const recordCount = Number(process.argv[2] ?? 5000);
const target = 30;
const { text, records } = generateRealisticZone(recordCount);

/** One analysis as the diagnostics need it: findings, then each finding's line and column. */
function diagnose(version: string): { ms: number; findings: number } {
  const started = process.hrtime.bigint();
  const analysis = analyzeDocument(version);
  for (const finding of analysis.findings) {
    analysis.document.lines.positionAt(finding.range.start);
    analysis.document.lines.positionAt(finding.range.end);
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, findings: analysis.findings.length };
}

/** The edits: one character typed or deleted at places spread over the file. */
function edits(count: number): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const places = [
    { name: 'type a space inside an SPF record', pattern: 'include:mailgun.org', apply: (at: number) => `${text.slice(0, at)} ${text.slice(at)}` },
    { name: 'change ~all to -all (delete + type)', pattern: '~all', apply: (at: number) => `${text.slice(0, at)}-${text.slice(at + 1)}` },
    { name: 'type a letter in a comment', pattern: 'web and mail', apply: (at: number) => `${text.slice(0, at)}x${text.slice(at)}` },
    { name: 'delete a digit of an A record', pattern: ' IN A 198.51.', apply: (at: number) => `${text.slice(0, at + 13)}${text.slice(at + 14)}` },
  ];
  for (let i = 0; found.length < count; i++) {
    const place = places[i % places.length];
    // Spread the edits over the file: the n-th occurrence after a position that moves on.
    const from = Math.floor(((i * 7919) % count) * (text.length / count));
    const at = text.indexOf(place.pattern, from);
    if (at < 0) continue;
    found.push({ name: place.name, text: place.apply(at) });
  }
  return found;
}

const cold = diagnose(text);
for (let i = 0; i < 5; i++) diagnose(text); // the editor has analysed the file before the edit
const timed = edits(40).map((edit) => ({ name: edit.name, ...diagnose(edit.text) }));
const times = timed.map((run) => run.ms).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p90 = times[Math.floor(times.length * 0.9)];
const kilobytes = Buffer.byteLength(text, 'utf8') / 1024;

console.log(`editor-path: ${records} records, ${kilobytes.toFixed(0)} KB, ${cold.findings} findings, Node ${process.version}`);
console.log(`first analysis (cold process): ${cold.ms.toFixed(1)} ms`);
console.log(`after a one-character edit (${timed.length} edits): median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
for (const name of new Set(timed.map((run) => run.name))) {
  const runs = timed.filter((run) => run.name === name).map((run) => run.ms).sort((a, b) => a - b);
  console.log(`  ${name}: median ${runs[Math.floor(runs.length / 2)].toFixed(1)} ms over ${runs.length}`);
}
console.log(`target: ≤ ${target} ms after an edit (median): ${median <= target ? 'met' : 'missed'}`);
