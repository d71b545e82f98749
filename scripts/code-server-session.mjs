// One VS Code web workbench session on 127.0.0.1, offline: code-server (VS Code's server and web
// workbench) with throw-away profile folders, and Debian's Chromium driven by playwright-core.
// Shared by scripts/run-integration.mjs (the test suite) and scripts/screenshots.mjs (README
// pictures). Recipe: ../shared/docs/vscode-tests-offline.md.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureVsCodeTestEnvironment } from './setup-vscode-test.mjs';

const STARTUP_TIMEOUT_MS = 60_000;
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHttp(url, codeServer) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (codeServer.exitCode !== null) throw new Error(`code-server exited with code ${codeServer.exitCode} while starting`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((next) => setTimeout(next, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/**
 * Starts code-server on a free loopback port for `workspace` and opens Chromium.
 * `userSettings` (an object) is written to the profile's settings.json before the start;
 * `serverLogPath` receives code-server's output. `restrictedMode: true` leaves workspace trust on,
 * so the folder opens untrusted (Restricted Mode); by default it is off. Returns the origin, a browser, helpers to
 * build workbench URLs, and `close()` which stops everything and removes the profile.
 */
export async function startSession({ workspace, serverLogPath, userSettings, viewport, restrictedMode = false }) {
  const { codeServerEntry, chromium: chromiumPath } = ensureVsCodeTestEnvironment();
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'spf-doctor-vscode-'));
  if (userSettings) {
    mkdirSync(join(scratch, 'user-data', 'User'), { recursive: true });
    writeFileSync(join(scratch, 'user-data', 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  }
  const serverLog = createWriteStream(serverLogPath);
  const codeServer = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--config', join(scratch, 'config.yaml'),
      '--disable-telemetry',
      '--disable-update-check',
      ...(restrictedMode ? [] : ['--disable-workspace-trust']),
      '--user-data-dir', join(scratch, 'user-data'),
      '--extensions-dir', join(scratch, 'extensions'),
      workspace,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_DATA_HOME: join(scratch, 'data'), XDG_CONFIG_HOME: join(scratch, 'config') },
    },
  );
  codeServer.stdout.pipe(serverLog);
  codeServer.stderr.pipe(serverLog);
  let browser;
  const close = async () => {
    await browser?.close();
    if (codeServer.exitCode === null) process.kill(-codeServer.pid, 'SIGTERM');
    serverLog.end();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(`${origin}/healthz`, codeServer);
    browser = await chromium.launch({ executablePath: chromiumPath, args: BROWSER_ARGS });
    const page = await browser.newPage(viewport ? { viewport } : {});
    const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    /** The workbench URL for the workspace with a payload of `[name, value]` pairs. */
    const workbenchUrl = (payload) => `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return { page, remote, workbenchUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
