/**
 * Shows the reports the commands generate: each report is a read-only Markdown document of the
 * `spf-doctor-report:` scheme, opened in VS Code's Markdown preview beside the editor (the
 * preview's own strict content security policy applies; no webview of ours, no scripts).
 * When the Markdown preview is not available the document itself opens beside the editor.
 */
import * as vscode from 'vscode';
import { REPORT_SCHEME } from './constants';

/** Reports kept for the session, newest last; older ones are dropped beyond this many. */
const MAX_REPORTS = 20;

export class ReportView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);
  private counter = 0;

  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? '';
  }

  /** Stores a report under a new URI (`name` is its file name) and shows it beside the editor. */
  async show(name: string, markdown: string): Promise<vscode.Uri> {
    this.counter += 1;
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${this.counter}/${name}.md` });
    this.reports.set(uri.toString(), markdown);
    while (this.reports.size > MAX_REPORTS) this.reports.delete(this.reports.keys().next().value as string);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch (error) {
      this.log.warn(`Markdown preview unavailable (${String(error)}); showing the report as text`);
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.reports.clear();
  }
}
