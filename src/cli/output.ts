/**
 * What the CLI writes to and how: injected writers (so commands run in-process in tests),
 * colour only when stdout is a terminal and `NO_COLOR` is not set (https://no-color.org), and
 * the usual `file:line:col` form for positions.
 */
import { LineIndex } from '../core/text/line-index';
import type { TextRange } from '../core/text/range';
import type { SpfResult } from '../core/spf/trace';
import type { ReportedSeverity } from '../core/analyzer/types';

/** Where a command writes and what it knows about its terminal. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment (only `NO_COLOR` is read). */
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal. */
  stdoutIsTty: boolean;
  /** True when stderr is a terminal (progress lines are shown only then). */
  stderrIsTty?: boolean;
}

/** Exit codes shared by every command (issue 7): 0 ran, 1 findings at or above `--fail-on`, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** The real process: writes to its streams, reads its environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
  };
}

/** Colour on a terminal only, never with a non-empty `NO_COLOR` (no-color.org). */
export function colourEnabled(io: CliIo): boolean {
  const noColour = io.env.NO_COLOR;
  return io.stdoutIsTty && (noColour === undefined || noColour === '');
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  result(result: SpfResult, text?: string): string;
  warning(text: string): string;
  severity(severity: ReportedSeverity, text?: string): string;
}

const SGR = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', blue: '\x1b[34m', magenta: '\x1b[35m', cyan: '\x1b[36m' };

const SEVERITY_COLOURS: Record<ReportedSeverity, string> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue, hint: SGR.cyan };

const RESULT_COLOURS: Record<SpfResult, string> = {
  pass: SGR.green,
  fail: SGR.red,
  softfail: SGR.yellow,
  neutral: '',
  none: '',
  temperror: SGR.magenta,
  permerror: SGR.magenta,
};

/** ANSI styling when `enabled`, plain text otherwise. */
export function createStyle(enabled: boolean): Style {
  const wrap = (code: string, text: string): string => (enabled && code !== '' ? `${code}${text}${SGR.reset}` : text);
  return {
    bold: (text) => wrap(SGR.bold, text),
    dim: (text) => wrap(SGR.dim, text),
    result: (result, text = result) => wrap(enabled ? `${SGR.bold}${RESULT_COLOURS[result]}` : '', text),
    warning: (text) => wrap(SGR.yellow, text),
    severity: (severity, text = severity) => wrap(SEVERITY_COLOURS[severity], text),
  };
}

/** A problem in an input file, positioned for people and for editors' problem matchers. */
export interface FileProblem {
  file: string;
  /** One-based line. */
  line: number;
  /** One-based column, in UTF-16 code units. */
  column: number;
  message: string;
}

/** Positions problems of one file's text (ranges are offsets into `text`). */
export function fileProblems(file: string, text: string, issues: ReadonlyArray<{ range: TextRange; reason: string }>): FileProblem[] {
  if (issues.length === 0) return [];
  const lines = new LineIndex(text);
  return issues.map((issue) => {
    const position = lines.positionAt(issue.range.start);
    return { file, line: position.line + 1, column: position.column + 1, message: issue.reason };
  });
}

/** `file:line:col: message` */
export function formatFileProblem(problem: FileProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Indents every line of `text` by `prefix`. */
export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? prefix + line : line))
    .join('\n');
}
