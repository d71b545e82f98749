// Prepares what the offline integration tests need (docs: README "How the tests reach VS Code"):
// Debian's chromium, libkrb5-dev, ripgrep and a C++ toolchain, and code-server 4.100.3
// (VS Code 1.100.3) installed once into the git-ignored cache .vscode-test/code-server/.
// As root on Debian it installs what is missing; elsewhere it stops and names what is missing.
// Run alone with `node scripts/setup-vscode-test.mjs`; scripts/run-integration.mjs imports it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
export const CHROMIUM = '/usr/bin/chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(root, '.vscode-test', 'code-server');
const packageDir = join(cacheDir, 'node_modules', 'code-server');
export const codeServerEntry = join(packageDir, 'out', 'node', 'entry.js');
const markerFile = join(cacheDir, 'installed.json');

// Each Debian package with a file that proves it is installed.
const debianPackages = [
  { name: 'chromium', proof: CHROMIUM },
  { name: 'libkrb5-dev', proof: '/usr/bin/krb5-config' },
  { name: 'ripgrep', proof: '/usr/bin/rg' },
  { name: 'make', proof: '/usr/bin/make' },
  { name: 'g++', proof: '/usr/bin/g++' },
  { name: 'python3', proof: '/usr/bin/python3' },
];

// Files that only exist when code-server's install scripts (and the native builds they start) ran.
const installProofs = [
  'postinstall.sh',
  'out/node/entry.js',
  'lib/vscode/node_modules.asar',
  'lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
  'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
];

class SetupError extends Error {}

function ensureDebianPackages() {
  const missing = debianPackages.filter((pkg) => !existsSync(pkg.proof)).map((pkg) => pkg.name);
  if (missing.length === 0) return;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  const isRoot = process.getuid?.() === 0;
  if (!isDebian || !isRoot) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(' ')}\n` +
        `  ${isDebian ? 'not running as root' : 'this is not a Debian system with apt-get'}; install them with:\n` +
        `  apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`setup: installing Debian packages: ${missing.join(' ')}`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function isInstalled() {
  if (!existsSync(markerFile)) return false;
  const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
  return marker.version === CODE_SERVER_VERSION && installProofs.every((file) => existsSync(join(packageDir, file)));
}

// @vscode/ripgrep's postinstall downloads rg from GitHub unless this cached archive exists.
function placeRipgrepArchive() {
  const targets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  const target = targets[arch()];
  if (!target) throw new SetupError(`no ripgrep archive name known for CPU architecture ${arch()}`);
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(cache, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (existsSync(archive)) return;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-archive-'));
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

function installCodeServer() {
  console.log(`setup: installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (first run only, 1-3 minutes)`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  placeRipgrepArchive();
  // The cache is its own npm project, so its allowScripts policy covers code-server's postinstall
  // (which installs and builds VS Code's server modules) and argon2's native build.
  writeFileSync(
    join(cacheDir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'spf-doctor-code-server-cache',
        private: true,
        description: 'Cache of code-server for SPF Doctor integration tests; made by scripts/setup-vscode-test.mjs.',
        allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );
  const log = join(cacheDir, 'install.log');
  const result = spawnSync(
    'npm',
    ['install', '--save-exact', '--unsafe-perm', '--foreground-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: cacheDir, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' }, maxBuffer: 256 * 1024 * 1024 },
  );
  writeFileSync(log, `${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (result.status !== 0) {
    throw new SetupError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status}); see ${log}`);
  }
  const missing = installProofs.filter((file) => !existsSync(join(packageDir, file)));
  if (missing.length > 0) {
    throw new SetupError(
      `code-server installed but its install scripts did not finish; missing:\n  ${missing.join('\n  ')}\n  see ${log}`,
    );
  }
  writeFileSync(markerFile, `${JSON.stringify({ version: CODE_SERVER_VERSION }, null, 2)}\n`);
}

/** Makes sure everything is in place; throws an Error naming what is missing otherwise. */
export function ensureVsCodeTestEnvironment() {
  if (process.platform !== 'linux') throw new SetupError(`the offline VS Code tests run on Linux, not ${process.platform}`);
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) throw new SetupError(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}`);
  ensureDebianPackages();
  if (!isInstalled()) installCodeServer();
  return { codeServerEntry, chromium: CHROMIUM, vscodeVersion: VSCODE_VERSION };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureVsCodeTestEnvironment();
    console.log(`setup: code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) is ready in ${cacheDir}`);
  } catch (error) {
    console.error(`setup failed: ${error.message}`);
    process.exit(1);
  }
}
