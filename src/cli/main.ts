/**
 * The `spf-doctor` command line: a thin front end over the core library. This file only
 * dispatches to the commands in `commands/`; each command parses its own options and returns
 * its exit code (0 ran, 1 findings at or above `--fail-on`, 2 bad usage or unreadable input).
 */
import { runAnalyze } from './commands/analyze';
import { runCheck } from './commands/check';
import { runExplain } from './commands/explain';
import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './output';
import { packageVersion } from './version';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS = new Map<string, { run: Command; summary: string }>([
  ['analyze', { run: runAnalyze, summary: 'find problems in zone files, bounces and DNS-as-code; --fix fixes zone files' }],
  ['check', { run: runCheck, summary: 'evaluate SPF for a client IP and sender, with a readable trace' }],
  ['explain', { run: runExplain, summary: 'explain a bounce: what failed, for which IP and domain, the verdict and the fix' }],
]);

function usage(): string {
  const commands = [...COMMANDS].map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`);
  return [
    'Usage: spf-doctor <command> [options]',
    '',
    'Commands:',
    ...commands,
    '',
    'Options:',
    '  -h, --help      show this help (spf-doctor <command> --help for a command)',
    '  -v, --version   show the version',
    '',
    'Examples:',
    '  spf-doctor explain bounce.txt --zone shop.example.co.jp.zone',
    '  spf-doctor analyze shop.example.co.jp.zone bounce.eml --fix',
    '  spf-doctor check --ip 203.0.113.45 --sender shop.example.co.jp --zone shop.example.co.jp.zone',
    '',
  ].join('\n');
}

/** Runs the command line `argv` (without `node` and the script); returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout)(usage());
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`spf-doctor ${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.get(first);
  if (command === undefined) {
    io.stderr(`spf-doctor: unknown command "${first}"\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`spf-doctor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70; // EX_SOFTWARE (sysexits.h): a bug, not bad input
    },
  );
}
