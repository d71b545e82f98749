/**
 * The record half of "Analyze Selection": a report with the findings and include tree of each
 * SPF record in the selection — from the analysis service for the zone and DNS-as-code files it
 * analyses (the same findings as the diagnostics), or by the core reader the selection calls for
 * (zone, TXT line, raw value, code) for any other text.
 */
import * as vscode from 'vscode';
import type { SelectionReader } from '../../core/analyze-selection';
import { analyzeDocumentWithDns } from '../../core/analyzer/analyze';
import type { SpfRecordSite } from '../../core/analyzer/document';
import { draftResolver, siteDomain } from '../../core/analyzer/dns/draft-resolver';
import { buildLookupTree } from '../../core/analyzer/dns/lookup-tree';
import type { Finding } from '../../core/analyzer/types';
import { renderRecordReport, type ReportedRecord } from '../../core/report/record-report';
import { reportLanguageFor } from '../../core/report/report-text';
import { checkHost } from '../../core/spf/check-host';
import type { TextRange } from '../../core/text/range';
import { readDocumentSettings } from '../settings';
import type { CommandContext } from './command-context';

/** What the record report showed (returned to `executeCommand` callers). */
export interface RecordsOutcome {
  kind: 'records';
  reportUri: string;
  markdown: string;
  records: number;
}

/** Reports the SPF records of an analysed document that intersect `range` (offsets). */
export async function reportDocumentRecords(document: vscode.TextDocument, range: TextRange, context: CommandContext): Promise<RecordsOutcome | undefined> {
  const { service } = context;
  const state = (await service.analyzeWithDns(document, new AbortController().signal)) ?? service.analyzeNow(document);
  if (!state) return undefined;
  const { sites, lines } = state.sync.document;
  const chosen = sites.filter((site) => site.version === 'spf' && site.range.start <= range.end && range.start <= site.range.end);
  if (chosen.length === 0) return undefined;
  const findings = state.dns?.findings ?? state.sync.findings;
  const records = chosen.map((site): ReportedRecord => ({
    ...(siteDomain(site) === undefined ? {} : { domain: siteDomain(site) }),
    value: site.value.value,
    findings: findingsOf(site, findings),
    ...(state.trees?.get(site.index) ? { tree: state.trees.get(site.index) } : {}),
    line: lines.positionAt(site.range.start).line,
  }));
  return show(records, state.dnsMode ?? service.resolver().mode, context);
}

/** Reports the SPF records of a piece of text, read the way `reader` says. */
export async function reportTextRecords(input: string, reader: SelectionReader, context: CommandContext): Promise<RecordsOutcome> {
  const { resolver, mode } = context.service.resolver();
  const settings = readDocumentSettings(vscode.window.activeTextEditor?.document.uri);
  const analysis = await analyzeDocumentWithDns(input, {
    kind: reader.kind,
    ...(reader.language ? { language: reader.language } : {}),
    rules: settings.rules,
    mailServices: settings.mailServices,
    flattenKeep: settings.flattenKeep,
    dns: { resolver, checkHost },
  });
  const draft = draftResolver(analysis.document, resolver);
  const records: ReportedRecord[] = [];
  for (const site of analysis.document.sites.filter((candidate) => candidate.version === 'spf')) {
    const domain = siteDomain(site);
    records.push({
      ...(domain === undefined ? {} : { domain, tree: await buildLookupTree(domain, site.record, { resolver: draft }) }),
      value: site.value.value,
      findings: findingsOf(site, analysis.findings),
      ...(reader.kind === 'zone' || reader.kind === 'code' ? { line: analysis.document.lines.positionAt(site.range.start).line } : {}),
    });
  }
  return show(records, mode, context);
}

function findingsOf(site: SpfRecordSite, findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => (finding.recordRange ? finding.recordRange.start === site.range.start : site.range.start <= finding.range.start && finding.range.end <= site.range.end));
}

async function show(records: ReportedRecord[], mode: Parameters<typeof renderRecordReport>[1], context: CommandContext): Promise<RecordsOutcome> {
  const markdown = renderRecordReport(records, mode, reportLanguageFor(vscode.env.language));
  const uri = await context.reports.show('record-report', markdown);
  return { kind: 'records', reportUri: uri.toString(), markdown, records: records.length };
}
