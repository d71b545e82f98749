// Runs the unit layer: mocha in plain Node over out/test/unit/**/*.test.js (built by
// `node scripts/build.mjs --tests`), with the options of .mocharc.json. Prints
// `unit: N passed, N failed` and records the counts in out/test-results/unit.json.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Mocha = require('mocha');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testDir = join(root, 'out', 'test', 'unit');
const resultsDir = join(root, 'out', 'test-results');
const { timeout, reporter } = JSON.parse(readFileSync(join(root, '.mocharc.json'), 'utf8'));

function listTests(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const file = join(dir, entry);
    if (statSync(file).isDirectory()) return listTests(file);
    return file.endsWith('.test.js') ? [file] : [];
  });
}

const mocha = new Mocha({ timeout, reporter });
for (const file of listTests(testDir).sort()) mocha.addFile(file);

const runner = mocha.run(() => {
  const passed = runner.stats?.passes ?? 0;
  const failed = runner.stats?.failures ?? 0;
  console.log(`unit: ${passed} passed, ${failed} failed`);
  mkdirSync(resultsDir, { recursive: true });
  const ok = failed === 0 && passed > 0;
  writeFileSync(join(resultsDir, 'unit.json'), `${JSON.stringify({ layer: 'unit', passed, failed, ok })}\n`);
  // Leave no chance for a test's leaked handle to keep the layer running forever.
  process.exit(ok ? 0 : 1);
});
