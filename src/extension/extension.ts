import * as vscode from 'vscode';
import { AnalysisService } from './analysis-service';
import { BouncedSendersStore } from './bounced-senders';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands/register-commands';
import { showRuleDocs } from './commands/show-rule-docs';
import { InternalCommands, OUTPUT_CHANNEL_NAME } from './constants';
import { ContextKeyTracker } from './context-keys';
import { DiagnosticsController } from './diagnostics/diagnostics-controller';
import { registerHoverProvider } from './hover-provider';
import { ReportView } from './report-view';
import { LookupStatusBar } from './status-bar';

/** Registers SPF Doctor's commands and providers; each feature lives in its own module. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const bouncedSenders = new BouncedSendersStore(context.workspaceState);
  const service = new AnalysisService(log, { bouncedSenders });
  const diagnostics = new DiagnosticsController(service, log);
  const reports = new ReportView(log);
  context.subscriptions.push(
    log,
    bouncedSenders,
    service,
    diagnostics,
    bouncedSenders.onDidChange(() => diagnostics.refreshAll()),
    registerCodeActions(service),
    registerHoverProvider(service),
    new LookupStatusBar(service),
    reports,
    new ContextKeyTracker(service, bouncedSenders),
    registerCommands({ service, senders: bouncedSenders, reports, log }),
    vscode.commands.registerCommand(InternalCommands.showRuleDocs, (code: unknown) => showRuleDocs(context.extensionUri, code)),
    vscode.commands.registerCommand(InternalCommands.runDiagnostics, () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) diagnostics.runNow(document);
    }),
  );
  log.info(`SPF Doctor ${context.extension.packageJSON.version as string} activated`);
}

export function deactivate(): void {}
