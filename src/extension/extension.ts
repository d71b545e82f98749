import * as vscode from 'vscode';
import { runAnalyzeSelection } from './commands/analyze-selection';
import { Commands, OUTPUT_CHANNEL_NAME } from './constants';

/** Registers SPF Doctor's commands and providers; each feature lives in its own module. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(Commands.analyzeSelection, () => runAnalyzeSelection(log)),
  );
  log.info(`SPF Doctor ${context.extension.packageJSON.version as string} activated`);
}

export function deactivate(): void {}
