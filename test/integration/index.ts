/**
 * Entry point of the integration suite inside the VS Code extension host. Both runners load it:
 * scripts/run-integration.mjs (code-server, offline) and scripts/run-electron.mjs
 * (@vscode/test-electron, desktop VS Code).
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Printed before mocha starts; the code-server runner shows the console from here on. */
export const START_MARKER = 'SPF_DOCTOR_INTEGRATION_START';
/** Prefix of the one summary line the runners parse. */
export const SUMMARY_PREFIX = 'SPF_DOCTOR_INTEGRATION_SUMMARY ';

function listTests(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return listTests(file);
    return file.endsWith('.test.js') ? [file] : [];
  });
}

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs every `*.test.js` under `dir` with mocha and prints the markers; test/integration-restricted reuses it. */
export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  const files = listTests(dir).sort();
  for (const file of files) mocha.addFile(file);
  console.log(`${START_MARKER} VS Code ${vscode.version}, ${files.length} test file(s)`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const failed = runner.stats?.failures ?? failures;
      console.log(`${SUMMARY_PREFIX}${JSON.stringify({ vscodeVersion: vscode.version, passed, failed })}`);
      if (failed > 0) reject(new Error(`${failed} integration test(s) failed in VS Code ${vscode.version}`));
      else if (passed === 0) reject(new Error(`no integration tests ran (looked in ${dir})`));
      else resolve();
    });
  });
}
