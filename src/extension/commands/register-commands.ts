import * as vscode from 'vscode';
import { Commands } from '../constants';
import { runAnalyzeSelection } from './analyze-selection';
import { runCheckDomain } from './check-domain';
import type { CommandContext } from './command-context';
import { runCopyFixedRecord } from './copy-fixed-record';
import { runForgetBouncedSenders } from './forget-bounced-senders';
import { runShowIncludeTree } from './show-include-tree';

/** Registers the palette commands; each returns its outcome to `executeCommand` callers. */
export function registerCommands(context: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.analyzeSelection, () => runAnalyzeSelection(context)),
    vscode.commands.registerCommand(Commands.checkDomain, (domain?: unknown, ip?: unknown) => runCheckDomain(context, domain, ip)),
    vscode.commands.registerCommand(Commands.showIncludeTree, () => runShowIncludeTree(context)),
    vscode.commands.registerCommand(Commands.copyFixedRecord, () => runCopyFixedRecord(context)),
    vscode.commands.registerCommand(Commands.forgetBouncedSenders, (options?: unknown) => runForgetBouncedSenders(context, options)),
  );
}
