import * as path from 'node:path';
import * as vscode from 'vscode';

/** The folder the runners open as the workspace. */
export const fixtureWorkspace = path.resolve(__dirname, '../../../test/fixtures/workspace');

function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.file(path.join(fixtureWorkspace, relativePath));
}

/**
 * Resolves once `condition()` holds, checking now and whenever one of `events` fires;
 * rejects after `timeoutMs`. Used where VS Code offers an event for the change awaited.
 */
export function waitForEvent(
  events: vscode.Event<unknown>[],
  condition: () => boolean,
  what: string,
  timeoutMs = 10000,
): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (error?: Error) => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    for (const event of events) subscriptions.push(event(() => condition() && finish()));
  });
}

/**
 * Resolves once `condition()` holds, re-checking every 25 ms, and rejects after `timeoutMs`.
 * Only for state VS Code announces with no event (such as `Extension.isActive`).
 */
export async function waitForCondition(condition: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Opens a fixture in an editor and waits until that editor is the active one. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  const editor = await vscode.window.showTextDocument(document);
  await waitForEvent(
    [vscode.window.onDidChangeActiveTextEditor],
    () => vscode.window.activeTextEditor?.document === document,
    `${relativePath} to become the active editor`,
  );
  return editor;
}

/** Closes every editor, so each test leaves the window as it found it. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
