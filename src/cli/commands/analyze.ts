/**
 * `spf-doctor analyze <files...>`: zone files, bounce messages and DNS-as-code files (told
 * apart by content), findings printed like a compiler's, the explanation and fix of every
 * bounce, and `--fix` / `--dry-run` for zone files.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocumentWithDns } from '../../core/analyzer/analyze';
import { selectFixAll } from '../../core/analyzer/fixes';
import type { Finding } from '../../core/analyzer/types';
import { parseCommandLine } from '../args';
import { runAnalysis, readInputFile, type DocumentResult, type InputFile, type RunEntry } from '../analyze-run';
import type { ZoneDocument } from '../../core/report/bounce-diagnosis';
import { describeBounce } from '../bounce-text';
import { DNS_OPTIONS, DNS_OPTIONS_HELP, planDns } from '../dns-options';
import { fixFile, type FileFixOutcome } from '../fix-file';
import { EXIT_OK, EXIT_USAGE, colourEnabled, createStyle, type CliIo, type Style } from '../output';
import { toAnalyzeJson } from '../report/analyze-json';
import { FAIL_ON_LEVELS, countBySeverity, failsOn, type FailOn } from '../report/finding-position';
import { findingLines } from '../report/findings-text';
import { toSarif } from '../report/sarif';
import { originFromFileName } from '../../core/readers/zone/zone-names';

export const ANALYZE_USAGE = `Usage: spf-doctor analyze [options] <files...>

Analyses zone files, bounce messages (.eml or pasted text) and DNS-as-code files (YAML,
JSON, HCL, JavaScript), told apart by their content. Prints every finding as
file:line:col  severity  SPF0NN  message, then for each bounce what failed, for which IP
and domain, the verdict for that IP on the domain's current record, and the fix.

Options:
  --fix                 apply the preferred fixes to the zone files in place (atomically)
                        and print the diff
  --dry-run             print the diff of --fix without writing any file
  --format FORMAT       text (default), json, or sarif (SARIF 2.1.0)
  --fail-on LEVEL       exit 1 when a finding is at or above LEVEL: error (default),
                        warning, info, hint, or none
${DNS_OPTIONS_HELP}
  -h, --help            show this help

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on,
2 bad usage or an unreadable input file.`;

const OPTIONS = {
  fix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...DNS_OPTIONS,
} as const;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Files above this count get a progress line on a terminal's stderr. */
const PROGRESS_THRESHOLD = 5;

/** Runs `analyze` with its arguments (after the command name); returns the exit code. */
export async function runAnalyze(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { values, positionals } = parsed.value;
  if (values.help) {
    io.stdout(`${ANALYZE_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length === 0) return usageError(io, 'give at least one file to analyse');
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return usageError(io, `--format: "${values.format}" is not one of ${FORMATS.join(', ')}`);
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON_LEVELS.includes(failOn)) return usageError(io, `--fail-on: "${values['fail-on']}" is not one of error, warning, info, hint, none`);

  const inputs: InputFile[] = [];
  const unreadable: Array<{ file: string; error: string }> = [];
  for (const file of positionals) {
    const read = readInputFile(file);
    if ('error' in read) unreadable.push(read);
    else inputs.push(read);
  }
  for (const { file, error } of unreadable) io.stderr(`spf-doctor analyze: ${file}: ${error}\n`);
  const dns = planDns(values, inputs.filter((input) => input.kind === 'zone').map((input) => input.file));
  if (!dns.ok) return usageError(io, dns.message);
  for (const warning of dns.value.warnings) io.stderr(`warning: ${warning}\n`);

  const showProgress = inputs.length > PROGRESS_THRESHOLD && io.stderrIsTty === true;
  const entries = await runAnalysis(inputs, {
    resolver: dns.value.resolver,
    zoneData: readZoneData(values.zone ?? []),
    onFile: showProgress ? (index, file) => io.stderr(`\r\x1b[K[${index + 1}/${inputs.length}] ${file}`) : undefined,
  });
  if (showProgress) io.stderr('\r\x1b[K');

  const fixes = values.fix || values['dry-run'] ? await fixZoneFiles(entries, values['dry-run'] === true) : [];
  const remaining = new Map<string, Finding[]>();
  for (const outcome of fixes) {
    const entry = entries.find((candidate): candidate is DocumentResult => candidate.type === 'document' && candidate.file === outcome.file);
    if (outcome.status === 'fixed' && entry) remaining.set(outcome.file, (await analyzeDocumentWithDns(outcome.text, entry.options)).findings);
  }
  const findingsOf = (entry: RunEntry): { text: string; findings: readonly Finding[] } => {
    if (entry.type === 'bounce') return { text: entry.text, findings: entry.findings };
    const fixed = remaining.get(entry.file);
    const outcome = fixes.find((candidate) => candidate.file === entry.file);
    return fixed && outcome ? { text: outcome.text, findings: fixed } : { text: entry.text, findings: entry.analysis.findings };
  };

  if (format === 'json') io.stdout(`${JSON.stringify(toAnalyzeJson(entries, findingsOf, fixes, unreadable), null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(entries.map((entry) => ({ file: entry.file, ...findingsOf(entry) }))), null, 2)}\n`);
  else io.stdout(textReport(entries, findingsOf, fixes, createStyle(colourEnabled(io))));

  for (const outcome of fixes) if (outcome.status === 'failed') io.stderr(`spf-doctor analyze: ${outcome.file} left unchanged: ${outcome.reason}\n`);
  if (unreadable.length > 0) return EXIT_USAGE;
  const reported = entries.flatMap((entry) => findingsOf(entry).findings);
  return reported.some((finding) => failsOn(finding.severity, failOn)) ? 1 : EXIT_OK;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`spf-doctor analyze: ${message}\nRun 'spf-doctor analyze --help' for usage.\n`);
  return EXIT_USAGE;
}

/** The `--zone` files as documents that may hold a bounced domain's record (unreadable ones were refused by `planDns`). */
function readZoneData(files: readonly string[]): ZoneDocument[] {
  return files.map((file) => {
    const origin = originFromFileName(file);
    return { file, text: readFileSync(file, 'utf8'), ...(origin === undefined ? {} : { origin }) };
  });
}

/** `--fix` / `--dry-run` on every analysed zone file, with the same analysis (and bounce) as the report. */
async function fixZoneFiles(entries: readonly RunEntry[], dryRun: boolean): Promise<FileFixOutcome[]> {
  const outcomes: FileFixOutcome[] = [];
  for (const entry of entries) {
    if (entry.type !== 'document' || entry.kind !== 'zone') continue;
    const fixesFor = async (text: string) => (text === entry.text ? selectFixAll(entry.analysis.findings) : selectFixAll((await analyzeDocumentWithDns(text, entry.options)).findings));
    outcomes.push(await fixFile(entry.file, entry.text, fixesFor, { dryRun }));
  }
  return outcomes;
}

function textReport(entries: readonly RunEntry[], findingsOf: (entry: RunEntry) => { text: string; findings: readonly Finding[] }, fixes: readonly FileFixOutcome[], style: Style): string {
  const sections: string[] = [];
  const all: Finding[] = [];
  for (const entry of entries) {
    const { text, findings } = findingsOf(entry);
    all.push(...findings);
    const lines = findingLines(entry.file, text, findings, style);
    if (entry.type === 'bounce') lines.push(describeBounce(entry.file, entry.report, entry.text, entry.diagnosis, style));
    if (lines.length > 0) sections.push(lines.join('\n'));
  }
  for (const outcome of fixes) {
    if (outcome.status === 'fixed') sections.push(`Fixed ${outcome.file} (${outcome.appliedFixes} fix${outcome.appliedFixes === 1 ? '' : 'es'}):\n${outcome.diff.trimEnd()}`);
    if (outcome.status === 'would-fix') sections.push(`Would fix ${outcome.file} (${outcome.appliedFixes} fix${outcome.appliedFixes === 1 ? '' : 'es'}; --dry-run, nothing written):\n${outcome.diff.trimEnd()}`);
  }
  const counts = countBySeverity(all);
  const summary = (['error', 'warning', 'info', 'hint'] as const).filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 ? '' : 's'}`);
  sections.push(summary.length > 0 ? `${summary.join(', ')} in ${entries.length} file${entries.length === 1 ? '' : 's'}` : `No problems found in ${entries.length} file${entries.length === 1 ? '' : 's'}.`);
  return `${sections.join('\n\n')}\n`;
}
