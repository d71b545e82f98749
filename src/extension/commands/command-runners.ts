/**
 * The palette commands' implementations, by command id. The extension ships this module as its
 * own bundle (dist/commands.js, scripts/bundles.mjs), loaded when a command first runs, so that
 * the bounce reader and the reports stay out of the bundle loaded at activation. It carries its
 * own copy of the core code it uses; everything with state (the analysis service and its
 * resolver, the bounced senders, the report view) comes from the activated extension through
 * the {@link CommandContext}, never created here.
 */
import { Commands, type CommandId } from '../constants';
import { runAnalyzeSelection } from './analyze-selection';
import { runCheckDomain } from './check-domain';
import type { CommandContext } from './command-context';
import { runCopyFixedRecord } from './copy-fixed-record';
import { runForgetBouncedSenders } from './forget-bounced-senders';
import { runShowIncludeTree } from './show-include-tree';

/** Runs one command with the arguments `executeCommand` passed; resolves to its outcome. */
export type CommandRunner = (context: CommandContext, args: readonly unknown[]) => Promise<unknown>;

/** Every palette command's runner. */
export const COMMAND_RUNNERS: Readonly<Record<CommandId, CommandRunner>> = {
  [Commands.analyzeSelection]: (context) => runAnalyzeSelection(context),
  [Commands.checkDomain]: (context, [domain, ip]) => runCheckDomain(context, domain, ip),
  [Commands.showIncludeTree]: (context) => runShowIncludeTree(context),
  [Commands.copyFixedRecord]: (context) => runCopyFixedRecord(context),
  [Commands.forgetBouncedSenders]: (context, [options]) => runForgetBouncedSenders(context, options),
};
