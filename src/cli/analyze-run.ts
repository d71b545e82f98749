/**
 * One run of `spf-doctor analyze`: reads the input files, tells their kinds, analyses each
 * document with every rule (the DNS rules through the run's resolver), attaches a bounce to the
 * document holding its domain's record (so SPF026 and its proven fix land on that record), and
 * diagnoses every bounce.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocumentWithDns, type AnalyzeDocumentWithDnsOptions, type DocumentAnalysis } from '../core/analyzer/analyze';
import { bounceContextFrom } from '../core/analyzer/dns/bounce-context';
import { bounceSource } from '../core/analyzer/dns/bounce-fixes';
import { readDocument, type DocumentKind } from '../core/analyzer/document';
import { message, type Finding } from '../core/analyzer/types';
import { normalizeName, type Resolver } from '../core/dns/resolver';
import type { CodeLanguage } from '../core/readers/code/find-spf-strings';
import { readBounce } from '../core/readers/bounce/read-bounce';
import type { BounceReport } from '../core/readers/bounce/types';
import { ipNotAuthorizedRule } from '../core/rules/spf026-ip-not-authorized';
import { checkHost } from '../core/spf/check-host';
import { diagnoseBounce, type BounceDiagnosis, type ZoneDocument } from '../core/report/bounce-diagnosis';
import { detectInputKind } from './input-kind';
import { originFromFileName } from '../core/readers/zone/zone-names';

/** A file read for analysis, with its kind. */
export type InputFile =
  | { file: string; text: string; kind: DocumentKind; language?: CodeLanguage; origin?: string }
  | { file: string; text: string; kind: 'bounce' };

/** A document and its findings. */
export interface DocumentResult {
  type: 'document';
  file: string;
  text: string;
  kind: DocumentKind;
  options: AnalyzeDocumentWithDnsOptions;
  analysis: DocumentAnalysis;
  /** The bounce attached to its analysis (the bounce's domain has its record here). */
  attachedBounce?: string;
}

/** A bounce, its diagnosis, and the findings placed on the bounce file. */
export interface BounceResult {
  type: 'bounce';
  file: string;
  text: string;
  report: BounceReport;
  diagnosis: BounceDiagnosis;
  /** SPF026 for a record not analysed as a file (from DNS or `--zone` data), placed at the bounce's evidence. */
  findings: Finding[];
}

export type RunEntry = DocumentResult | BounceResult;

/** Reads a file; an unreadable or unrecognised file is a reason (the run exits 2). */
export function readInputFile(file: string): InputFile | { file: string; error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { file, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  const detected = detectInputKind(file, text);
  switch (detected.kind) {
    case 'unknown':
      return { file, error: detected.reason };
    case 'bounce':
      return { file, text, kind: 'bounce' };
    case 'code':
      return { file, text, kind: 'code', language: detected.language };
    case 'zone': {
      const origin = originFromFileName(file);
      return origin === undefined ? { file, text, kind: 'zone' } : { file, text, kind: 'zone', origin };
    }
    default:
      return { file, text, kind: detected.kind };
  }
}

/** What the run needs besides the files. */
export interface RunSettings {
  resolver: Resolver;
  /** `--zone` files (they may hold a bounced domain's record). */
  zoneData: readonly ZoneDocument[];
  /** Called before each file is analysed (progress). */
  onFile?: (index: number, file: string) => void;
}

/** Analyses the inputs in order. Never rejects for bad input. */
export async function runAnalysis(inputs: readonly InputFile[], settings: RunSettings): Promise<RunEntry[]> {
  const dns = { resolver: settings.resolver, checkHost };
  const reports = new Map<string, BounceReport>();
  for (const input of inputs) if (input.kind === 'bounce') reports.set(input.file, await readBounce(input.text));
  const contexts = [...reports].map(([file, report]) => ({ file, context: bounceContextFrom(report) }));
  const entries: RunEntry[] = [];
  for (const [index, input] of inputs.entries()) {
    settings.onFile?.(index, input.file);
    if (input.kind === 'bounce') continue;
    const options: AnalyzeDocumentWithDnsOptions = { kind: input.kind, dns };
    if (input.language) options.language = input.language;
    if (input.origin) options.origin = input.origin;
    const owners = readDocument(input.text, { kind: input.kind, origin: input.origin, language: input.language }).sites.flatMap((site) => (site.owner === undefined ? [] : [normalizeName(site.owner)]));
    const attached = contexts.find(({ context }) => context !== undefined && owners.includes(context.spfDomain));
    if (attached?.context) options.bounce = attached.context;
    const analysis = await analyzeDocumentWithDns(input.text, options);
    entries.push({ type: 'document', file: input.file, text: input.text, kind: input.kind, options, analysis, ...(attached ? { attachedBounce: attached.file } : {}) });
  }
  const zoneDocuments: ZoneDocument[] = [
    ...inputs.flatMap((input) => (input.kind === 'zone' ? [{ file: input.file, text: input.text, ...(input.origin ? { origin: input.origin } : {}) }] : [])),
    ...settings.zoneData,
  ];
  const bounceEntries: BounceResult[] = [];
  for (const input of inputs) {
    const report = reports.get(input.file);
    if (input.kind !== 'bounce' || !report) continue;
    const diagnosis = await diagnoseBounce(report, { resolver: settings.resolver, zoneDocuments });
    const onDocument = entries.some((entry) => entry.type === 'document' && entry.attachedBounce === input.file && diagnosis.kind === 'verdict' && diagnosis.record.file === entry.file);
    bounceEntries.push({ type: 'bounce', file: input.file, text: input.text, report, diagnosis, findings: onDocument ? [] : bounceFindings(report, diagnosis) });
  }
  // Keep the command line's order of files.
  return inputs.flatMap((input) => [...entries, ...bounceEntries].filter((entry) => entry.file === input.file));
}

/**
 * The SPF026 finding for a bounce whose record is not an analysed file, at the bounce's
 * SPF-domain evidence; without fixes, whose edits belong to the looked-up record.
 */
function bounceFindings(report: BounceReport, diagnosis: BounceDiagnosis): Finding[] {
  const evidence = report.evidence.spfDomain ?? report.evidence.clientIp;
  const range = evidence && !evidence.encoded ? { start: evidence.start, end: evidence.end } : { start: 0, end: 0 };
  const { code, alias } = ipNotAuthorizedRule.meta;
  const templates = ipNotAuthorizedRule.messages;
  switch (diagnosis.kind) {
    case 'verdict':
      return diagnosis.finding ? [{ code, alias, message: diagnosis.finding.message, severity: diagnosis.finding.severity, range }] : [];
    case 'not-spf':
      return [{ code, alias, message: diagnosis.message, severity: 'warning', range }];
    case 'no-record': {
      const { bounce } = diagnosis;
      const source = bounceSource(bounce);
      if (diagnosis.why === 'unresolved') {
        return [{ code, alias, message: message(`${code}.incomplete`, templates.incomplete, { ip: bounce.clientIp, source, names: `TXT ${bounce.spfDomain}` }), severity: 'warning', range }];
      }
      const result = diagnosis.why === 'none' ? 'none' : 'permerror';
      const args = { ip: bounce.clientIp, source, result, domain: bounce.spfDomain, why: diagnosis.detail, lookups: 0, limit: 10 };
      return [{ code, alias, message: message(`${code}.notAuthorizedNoTerm`, templates.notAuthorizedNoTerm, args), severity: 'error', range }];
    }
    default:
      return [];
  }
}
