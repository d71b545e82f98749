// Writes the README rules table from the rule metadata (src/core/rules), between
// <!-- rules-table:start --> and <!-- rules-table:end -->. `--check` only verifies that the
// README is current and exits 1 when it is not (CI and a unit test run it).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const bundle = await esbuild.build({
  entryPoints: [join(root, 'src/core/rules/rules-table.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(join(root, 'package.json')));
const { updateRulesTable } = module.exports;

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = updateRulesTable(readme);
if (updated === undefined) {
  console.error('README.md has no <!-- rules-table:start --> / <!-- rules-table:end --> markers');
  process.exit(1);
}
if (check) {
  if (updated !== readme) {
    console.error('README.md rules table is stale: run `node scripts/rules-table.mjs`');
    process.exit(1);
  }
  console.log('README.md rules table is up to date');
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('README.md rules table updated');
}
