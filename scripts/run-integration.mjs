// Runs the integration suite (out/test/integration/index.js) inside a real VS Code extension host,
// offline: code-server on 127.0.0.1 serves VS Code's web workbench, Debian's Chromium (driven by
// playwright-core) opens it with the test payload, and the workbench reports the suite's exit code.
// Recipe: ../shared/docs/vscode-tests-offline.md. Expects `npm run build` and `npm run build:tests`.
// `--restricted` runs the Restricted Mode suite (out/test/integration-restricted/index.js) instead:
// workspace trust stays on, so a throw-away copy of the seed fixtures opens untrusted.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { startSession } from './code-server-session.mjs';
import { VSCODE_VERSION } from './setup-vscode-test.mjs';

// Both markers are printed by test/integration/index.ts.
const START_MARKER = 'SPF_DOCTOR_INTEGRATION_START';
const SUMMARY_PREFIX = 'SPF_DOCTOR_INTEGRATION_SUMMARY ';
const SUITE_TIMEOUT_MS = 5 * 60_000;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const restricted = process.argv.includes('--restricted');
const name = restricted ? 'integration-restricted' : 'integration';
const fixtureWorkspace = join(root, 'test', 'fixtures', 'workspace');
const suiteIndex = join(root, 'out', 'test', name, 'index.js');
const resultsDir = join(root, 'out', 'test-results');
const label = (version) => `integration (VS Code ${version}${restricted ? ', restricted mode' : ''})`;
// No trust prompt: the workbench would show a modal dialog at start-up.
const userSettings = restricted ? { 'security.workspace.trust.startupPrompt': 'never' } : undefined;

function writeResult(result) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(result)}\n`);
}

/** The folder to open: the fixtures, or for Restricted Mode a copy the suite may write workspace settings into. */
function prepareWorkspace() {
  if (!restricted) return { workspace: fixtureWorkspace, remove: () => {} };
  const workspace = mkdtempSync(join(tmpdir(), 'spf-doctor-untrusted-'));
  cpSync(join(fixtureWorkspace, 'seed'), join(workspace, 'seed'), { recursive: true });
  return { workspace, remove: () => rmSync(workspace, { recursive: true, force: true }) };
}

async function main() {
  const started = Date.now();
  for (const file of [suiteIndex, join(root, 'dist', 'extension.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build && npm run build:tests\` first`);
  }
  mkdirSync(resultsDir, { recursive: true });
  const { workspace, remove } = prepareWorkspace();
  let session;
  try {
    session = await startSession({ workspace, userSettings, restrictedMode: restricted, serverLogPath: join(resultsDir, logName('code-server')) });
  } catch (error) {
    remove();
    throw error;
  }
  const output = [];
  const consoleLog = createWriteStream(join(resultsDir, logName('integration-console')));
  try {
    const { page, remote, workbenchUrl } = session;
    let exitSuite;
    const exitCode = new Promise((resolveExit) => (exitSuite = resolveExit));
    // The workbench's own start-up chatter (e.g. the unreachable extension gallery) goes to the
    // log file only; the console shows the suite from its start marker on.
    let suiteStarted = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      output.push(line);
      consoleLog.write(`${line}\n`);
      suiteStarted ||= line.startsWith(START_MARKER);
      if (suiteStarted) (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exitSuite(code));
    await page.goto(workbenchUrl([
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(suiteIndex)],
    ]));

    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`)), SUITE_TIMEOUT_MS);
    });
    const code = await Promise.race([exitCode, timeout]).finally(() => clearTimeout(timer));
    return { code, output, seconds: (Date.now() - started) / 1000 };
  } finally {
    await session.close();
    consoleLog.end();
    remove();
  }
}

function logName(base) {
  return `${base}${restricted ? '-restricted' : ''}.log`;
}

try {
  const { code, output, seconds } = await main();
  const summaryLine = output.find((line) => line.startsWith(SUMMARY_PREFIX));
  const summary = summaryLine ? JSON.parse(summaryLine.slice(SUMMARY_PREFIX.length)) : undefined;
  const version = summary?.vscodeVersion ?? VSCODE_VERSION;
  const passed = summary?.passed ?? 0;
  const failed = summary?.failed ?? 0;
  console.log(`${name}: suite finished with exit code ${code} after ${seconds.toFixed(1)} s`);
  if (!summary) {
    console.error(`${name}: the suite printed no summary (did it load?); last console lines:`);
    for (const line of output.slice(-40)) console.error(`  ${line}`);
    console.error(`  (full console: ${join(resultsDir, logName('integration-console'))}, server: ${join(resultsDir, logName('code-server'))})`);
  }
  console.log(`${label(version)}: ${passed} passed, ${failed} failed`);
  const ok = code === 0 && summary !== undefined && passed > 0 && failed === 0;
  writeResult({ layer: label(version), passed, failed, ok });
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(`${name}: ${error.message}`);
  writeResult({ layer: label(VSCODE_VERSION), passed: 0, failed: 0, ok: false, error: error.message });
  process.exit(1);
}
