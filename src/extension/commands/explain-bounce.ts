/**
 * The bounce half of "Analyze Selection": read the bounce, remember its sender for the
 * workspace's diagnostics (SPF026), find the domain's record in a workspace zone file (opened at
 * the record) or else in DNS (opened as an untitled zone snippet), and show the report beside.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { draftResolver } from '../../core/analyzer/dns/draft-resolver';
import { bounceContextFrom } from '../../core/analyzer/dns/bounce-context';
import { lookupTreeForDomain, type LookupTree } from '../../core/analyzer/dns/lookup-tree';
import { readDocument } from '../../core/analyzer/document';
import type { Resolver } from '../../core/dns/resolver';
import { readBounce } from '../../core/readers/bounce/read-bounce';
import { diagnoseBounce, type BounceDiagnosis } from '../../core/report/bounce-diagnosis';
import { renderBounceReport } from '../../core/report/bounce-report';
import { reportLanguageFor } from '../../core/report/report-text';
import { LineIndex } from '../../core/text/line-index';
import { ZONE_LANGUAGE_ID } from '../constants';
import { findWorkspaceZones, type WorkspaceZone } from '../zone-search';
import type { CommandContext } from './command-context';

/** What the bounce report found and opened (returned to `executeCommand` callers). */
export interface BounceOutcome {
  kind: 'bounce';
  diagnosis: BounceDiagnosis['kind'];
  reportUri: string;
  markdown: string;
  /** The workspace zone file holding the record, opened at it. */
  zoneUri?: string;
  /** The untitled zone snippet holding the live record. */
  snippetUri?: string;
}

/** Runs the bounce report on `text`. */
export async function explainBounce(text: string, context: CommandContext): Promise<BounceOutcome> {
  const { service, senders, reports, log } = context;
  const report = await readBounce(text);
  const { resolver, mode } = service.resolver();
  const zones = await findWorkspaceZones();
  const diagnosis = await diagnoseBounce(report, { resolver, zoneDocuments: zones.map((zone) => zone.document) });
  log.info(`Bounce: ${report.classification}, client ${report.clientIp ?? '?'}, domain ${report.spfDomain ?? '?'} → ${diagnosis.kind}`);
  const sender = bounceContextFrom(report);
  const remembered = sender !== undefined && diagnosis.kind !== 'trap' && diagnosis.kind !== 'not-a-bounce';
  if (remembered) await senders.add(sender);

  const outcome: Omit<BounceOutcome, 'reportUri' | 'markdown'> = { kind: 'bounce', diagnosis: diagnosis.kind };
  let recordLink: { label: string; target: string } | undefined;
  let snippetOpened = false;
  let tree: LookupTree | undefined;
  if (diagnosis.kind === 'verdict') {
    const zone = zones.find((candidate) => candidate.document.file === diagnosis.record.file);
    if (diagnosis.record.from === 'file' && zone) {
      const line = new LineIndex(zone.document.text).positionAt(diagnosis.record.range.start).line;
      await showRecord(zone, diagnosis.record.range.start);
      recordLink = { label: `${path.posix.basename(zone.uri.path)}, ${vscode.l10n.t('line {0}', line + 1)}`, target: `${zone.uri.toString()}#L${line + 1}` };
      outcome.zoneUri = zone.uri.toString();
      tree = await treeOf(diagnosis.bounce.spfDomain, draftResolver(readDocument(zone.document.text, { kind: 'zone', origin: zone.document.origin }), resolver, diagnosis.bounce.spfDomain));
    } else {
      const snippet = await vscode.workspace.openTextDocument({ language: ZONE_LANGUAGE_ID, content: `${diagnosis.bounce.spfDomain}. 3600 IN TXT ${diagnosis.record.text}\n` });
      await vscode.window.showTextDocument(snippet, { preview: false });
      snippetOpened = true;
      outcome.snippetUri = snippet.uri.toString();
      tree = await treeOf(diagnosis.bounce.spfDomain, resolver);
    }
  }
  const markdown = renderBounceReport({ report, text, diagnosis, dns: mode, recordLink, snippetOpened, remembered, tree }, reportLanguageFor(vscode.env.language));
  const reportUri = await reports.show('bounce-report', markdown);
  return { ...outcome, reportUri: reportUri.toString(), markdown };
}

async function showRecord(zone: WorkspaceZone, offset: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(zone.uri);
  const position = document.positionAt(offset);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
}

function treeOf(domain: string, resolver: Resolver): Promise<LookupTree> {
  return lookupTreeForDomain(domain, { resolver });
}
