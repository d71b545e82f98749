import * as vscode from 'vscode';
import { Commands, type CommandId } from '../constants';
import type { CommandContext } from './command-context';

/** The commands' implementations, loaded when a command first runs (dist/commands.js in the extension). */
function commandRunners(): typeof import('./command-runners') {
  return require('./command-runners') as typeof import('./command-runners');
}

/**
 * Registers the palette commands at activation; each returns its outcome to `executeCommand`
 * callers. Their implementations are loaded on the first run of any of them.
 */
export function registerCommands(context: CommandContext): vscode.Disposable {
  const register = (command: CommandId): vscode.Disposable =>
    vscode.commands.registerCommand(command, (...args: unknown[]) => commandRunners().COMMAND_RUNNERS[command](context, args));
  return vscode.Disposable.from(...Object.values(Commands).map(register));
}
