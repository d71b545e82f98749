/**
 * The seed case's world for the command suites: the names outside shop.example.co.jp's zone
 * (the hosting service's sv1234.xserver.jp and spf.sender.xserver.jp, RFC 5737 addresses), a
 * domain only DNS knows (news.example.org), and helpers to run the commands and read reports.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalyzeSelectionOutcome } from '../../src/extension/commands/analyze-selection';
import type { BounceOutcome } from '../../src/extension/commands/explain-bounce';
import { Commands } from '../../src/extension/constants';
import type { TestRecord } from '../support/dns-server';
import { fixtureWorkspace } from './helpers';

export const SEED_BOUNCE = 'seed/gmail-5.7.26-via-postfix.txt';
export const SEED_ZONE = 'seed/shop.example.co.jp.zone';

/** What a recursive resolver would answer for the seed case's outside names. */
export const OUTSIDE_RECORDS: TestRecord[] = [
  { name: 'sv1234.xserver.jp', type: 'A', value: '192.0.2.34' },
  { name: 'spf.sender.xserver.jp', type: 'TXT', value: ['v=spf1 ip4:192.0.2.128/25 ip4:198.51.100.192/27 ~all'] },
  { name: 'news.example.org', type: 'TXT', value: ['v=spf1 include:spf.sender.xserver.jp ~all'] },
];

export function fixtureText(relativePath: string): string {
  return readFileSync(path.join(fixtureWorkspace, relativePath), 'utf8');
}

/** The seed bounce rewritten for news.example.org, whose record only DNS has. */
export function newsBounce(): string {
  return fixtureText(SEED_BOUNCE).replaceAll('shop.example.co.jp', 'news.example.org').replaceAll('203.0.113.45', '198.51.100.77');
}

/** Selects the whole document of `editor` and runs Analyze Selection on it; returns the bounce outcome. */
export async function analyzeWholeBounce(editor: vscode.TextEditor): Promise<BounceOutcome> {
  const { document } = editor;
  editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.positionAt(document.getText().length));
  const outcome = await vscode.commands.executeCommand<AnalyzeSelectionOutcome>(Commands.analyzeSelection);
  assert.equal(outcome?.analysis.kind, 'bounce');
  assert.equal(outcome.report?.kind, 'bounce');
  return outcome.report as BounceOutcome;
}

/** The text of a report document, as the Markdown preview reads it. */
export async function reportText(reportUri: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(vscode.Uri.parse(reportUri))).getText();
}

/** True when a Markdown preview tab is open. */
export function markdownPreviewOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType)));
}
