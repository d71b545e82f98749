/**
 * Context keys for the `when` clauses of the command palette: whether the cursor is on an SPF
 * record (Show Include Tree, Copy Fixed Record) and whether bounced senders are remembered
 * (Forget Bounced Senders).
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis-service';
import type { BouncedSendersStore } from './bounced-senders';
import { recordAtCursor } from './commands/record-at-cursor';
import { ContextKeys } from './constants';

export class ContextKeyTracker implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private recordAtCursor: boolean | undefined;

  constructor(private readonly service: AnalysisService, private readonly senders: BouncedSendersStore) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.updateRecord()),
      vscode.window.onDidChangeTextEditorSelection((event) => event.textEditor === vscode.window.activeTextEditor && this.updateRecord()),
      service.onDidChangeAnalysis((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.updateRecord()),
      senders.onDidChange(() => this.updateSenders()),
    );
    this.updateRecord();
    this.updateSenders();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private updateRecord(): void {
    const value = recordAtCursor(this.service) !== undefined;
    if (value === this.recordAtCursor) return;
    this.recordAtCursor = value;
    void vscode.commands.executeCommand('setContext', ContextKeys.spfRecordAtCursor, value);
  }

  private updateSenders(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.hasBouncedSenders, this.senders.getBouncedSenders().length > 0);
  }
}
