// `npm test`: typecheck, build, unit layer (plain Node), integration layer (inside VS Code via
// code-server: the trusted run, then the Restricted Mode run in an untrusted workspace). Prints
// each layer's count, then the totals alone on the last line; exits non-zero
// if any step fails or a layer ran no tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'out', 'test-results');
const node = process.execPath;

function step(name, command, args) {
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function layer(name, script, args = []) {
  const file = join(resultsDir, `${name}.json`);
  rmSync(file, { force: true });
  const exitedCleanly = step(name, node, ['--enable-source-maps', join('scripts', script), ...args]);
  const result = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { layer: name, passed: 0, failed: 0, ok: false };
  return { ...result, ok: exitedCleanly && result.ok && result.passed > 0 };
}

const typecheckOk = step('typecheck', node, [join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json']);
const buildOk =
  step('build', node, [join('scripts', 'build.mjs')]) && step('build tests', node, [join('scripts', 'build.mjs'), '--tests']);

const layers = [];
if (buildOk) {
  layers.push(layer('unit', 'run-unit.mjs'));
  layers.push(layer('integration', 'run-integration.mjs'));
  layers.push(layer('integration-restricted', 'run-integration.mjs', ['--restricted']));
}

console.log('\n=== summary');
if (!typecheckOk) console.log('typecheck: FAILED');
if (!buildOk) console.log('build: FAILED (no tests ran)');
for (const { layer: name, passed, failed, ok } of layers) {
  console.log(`${name}: ${passed} passed, ${failed} failed${ok ? '' : ' (FAILED)'}`);
}
const passed = layers.reduce((sum, entry) => sum + entry.passed, 0);
const failed = layers.reduce((sum, entry) => sum + entry.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(typecheckOk && buildOk && layers.every((entry) => entry.ok) ? 0 : 1);
