/** Shared pieces of the CLI tests: fixture paths, in-process and child-process runs, the seed zones as wire records. */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/output';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import { zoneToMemoryRecords } from '../../../src/core/readers/zone/zone-to-memory-records';
import type { TestRecord } from '../../support/dns-server';

/** The repository root (tests run from out/test/unit/cli/). */
export const ROOT = resolve(__dirname, '../../../..');
export const FIXTURES = resolve(ROOT, 'test/fixtures/cli');
export const SHOP_ZONE = resolve(FIXTURES, 'shop.example.co.jp.zone');
export const XSERVER_ZONE = resolve(FIXTURES, 'xserver.jp.zone');
export const EXAMPLE_NET_ZONE = resolve(FIXTURES, 'db.example.net');
export const CLI_BUNDLE = resolve(ROOT, 'dist/cli.js');
export const ANALYZE_FIXTURES = resolve(FIXTURES, 'analyze');
export const CLI_BOUNCES = resolve(FIXTURES, 'bounces');
export const SEED_BOUNCE = resolve(ROOT, 'examples/gmail-5.7.26-via-postfix.txt');

/** A scratch directory with copies of `files`, removed by the returned `remove`. */
export function scratchCopies(files: string[]): { directory: string; paths: string[]; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'spf-doctor-cli-'));
  const paths = files.map((file) => {
    const copy = join(directory, basename(file));
    copyFileSync(file, copy);
    return copy;
  });
  return { directory, paths, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

export interface RunOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output. */
export async function runInProcess(argv: string[], options: { env?: Record<string, string>; tty?: boolean; stderrTty?: boolean } = {}): Promise<RunOutcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    stdoutIsTty: options.tty ?? false,
    stderrIsTty: options.stderrTty ?? false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Runs the built `dist/cli.js` in a child process (asynchronously, so an in-process DNS server can answer it). */
export function runBinary(argv: string[], env: Record<string, string> = {}): Promise<RunOutcome> {
  return runBinaryIn(undefined, argv, env);
}

/** Runs the built `dist/cli.js` in a child process started in `cwd` (relative file arguments). */
export function runBinaryIn(cwd: string | undefined, argv: string[], env: Record<string, string> = {}): Promise<RunOutcome> {
  return runNodeScript(CLI_BUNDLE, argv, cwd, env);
}

/** Runs a Node script in a child process with only PATH (and `env`) set, collecting its output. */
export function runNodeScript(script: string, argv: string[], cwd: string | undefined, env: Record<string, string> = {}): Promise<RunOutcome> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [script, ...argv], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
  });
}

/** The records of zone files, for the test DNS server. */
export function wireRecords(...files: string[]): TestRecord[] {
  return files.flatMap((file) => zoneToMemoryRecords(readZone(readFileSync(file, 'utf8'))) as TestRecord[]);
}
