import * as vscode from 'vscode';
import { ruleDocsUri } from '../diagnostics/to-diagnostic';

/**
 * "Show documentation for SPF0NN": the rule page bundled with the extension, in the Markdown
 * preview (works offline); the page online when the bundle lacks it.
 */
export async function showRuleDocs(extensionUri: vscode.Uri, code: unknown): Promise<void> {
  if (typeof code !== 'string' || !/^SPF\d{3}$/.test(code)) return;
  const bundled = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${code}.md`);
  try {
    await vscode.workspace.fs.stat(bundled);
    await vscode.commands.executeCommand('markdown.showPreview', bundled);
  } catch {
    await vscode.env.openExternal(ruleDocsUri(code));
  }
}
