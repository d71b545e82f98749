// `npm run fuzz`: the fuzz properties of test/unit/fuzz with many more cases than `npm test`
// (default 200,000 per reader) and a random seed, printed first so any failure can be replayed.
//   node scripts/fuzz.mjs [--runs N] [--seed S] [--grep PATTERN]
// The tests are transpiled into a private temporary directory (not out/, which other test runs
// rebuild), and mocha runs there; exits non-zero on failure, printing the counterexample and seed.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.FUZZ_RUNS ?? '200000' },
    seed: { type: 'string', default: process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1)) },
    grep: { type: 'string' },
  },
});
console.log(`fuzz: seed ${values.seed}, ${values.runs} cases per reader (replay with FUZZ_SEED=${values.seed} FUZZ_RUNS=${values.runs})`);

function listTs(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listTs(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function listJs(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listJs(path);
    return path.endsWith('.test.js') ? [path] : [];
  });
}

const outdir = mkdtempSync(join(tmpdir(), 'spf-doctor-fuzz-'));
let status = 1;
try {
  await esbuild.build({
    entryPoints: [...listTs(join(root, 'src')), ...listTs(join(root, 'test', 'support')), ...listTs(join(root, 'test', 'unit', 'fuzz'))],
    outdir,
    outbase: root,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const tests = listJs(join(outdir, 'test', 'unit', 'fuzz')).sort();
  const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = ['--enable-source-maps', mocha, '--no-config', '--timeout', '0', '--reporter', 'spec', ...(values.grep ? ['--grep', values.grep] : []), ...tests];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    // The transpiled tests live outside the repository: let them find its node_modules.
    env: { ...process.env, FUZZ_SEED: values.seed, FUZZ_RUNS: values.runs, NODE_PATH: join(root, 'node_modules') },
  });
  status = result.status ?? 1;
  if (status !== 0) console.log(`fuzz: FAILED (seed ${values.seed}, ${values.runs} cases per reader)`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
process.exit(status);
