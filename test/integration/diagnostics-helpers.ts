/**
 * Helpers for the diagnostics and code-action suites: waiting for SPF Doctor's diagnostics,
 * finding text in a document, settings changes in the user scope (never written into the
 * fixture workspace) and leaving edited fixtures as they were.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '../../src/extension/constants';
import { fixtureWorkspace, waitForEvent } from './helpers';

export function spfDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Waits until the document's SPF Doctor diagnostics satisfy `condition`, and returns them. */
export async function waitForDiagnostics(
  document: vscode.TextDocument,
  condition: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  await waitForEvent([vscode.languages.onDidChangeDiagnostics], () => condition(spfDiagnostics(document)), what);
  return spfDiagnostics(document);
}

/** Waits for a diagnostic with this code and returns the first one. */
export async function waitForCode(document: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(document, (list) => list.some((item) => codeOf(item) === code), `a ${code} diagnostic`);
  return diagnostics.find((item) => codeOf(item) === code) as vscode.Diagnostic;
}

/** The document range of the `occurrence`-th (0-based) occurrence of `needle`. */
export function rangeOfText(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `"${needle}" (#${occurrence}) is not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
}

/**
 * Sets an SPF Doctor setting in the user scope (`undefined` removes it) and waits until the
 * extension host sees the new value.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
  const current = () => vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect(key)?.globalValue;
  await waitForEvent([vscode.workspace.onDidChangeConfiguration], () => isDeepStrictEqual(current(), value), `${SETTINGS_SECTION}.${key} to be ${JSON.stringify(value)}`);
}

/**
 * Mocha hooks for a suite that talks to `server`: starts it and points the extension's DNS
 * settings at it before the suite, restores the settings and stops it after.
 */
export function useTestDnsServer(server: { start(): Promise<unknown>; stop(): Promise<unknown>; readonly address: string }, timeoutMs: number): void {
  before(async () => {
    await server.start();
    await setSetting('dns.servers', [server.address]);
    await setSetting('dns.timeoutMs', timeoutMs);
  });
  after(async () => {
    await setSetting('dns.servers', undefined);
    await setSetting('dns.timeoutMs', undefined);
    await server.stop();
  });
}

/**
 * Opens the text of a fixture as an untitled zone document: tests that edit work on the copy, so
 * nothing they do can reach the fixture file on disk.
 */
export async function openFixtureCopy(relativePath: string): Promise<vscode.TextEditor> {
  const content = readFileSync(path.join(fixtureWorkspace, relativePath), 'utf8');
  const document = await vscode.workspace.openTextDocument({ language: 'zone', content });
  return vscode.window.showTextDocument(document);
}

/** Reverts unsaved changes (discards edited copies) and closes every editor. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The code actions of the real provider registry for a range (zone files get only SPF Doctor's). */
export async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind)) ?? [];
}
