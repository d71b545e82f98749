// `npm run bench`: bundles each bench/*.ts with esbuild into out/bench/ (dependencies stay
// external and load from node_modules) right before running it, one after another from the repository root,
// and writes docs/benchmarks.md with the machine, the date and each benchmark's output.
// Usage: node scripts/bench.mjs [name ...]   (names without .ts; default: every benchmark)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const outDir = join(root, 'out', 'bench');
const reportFile = join(root, 'docs', 'benchmarks.md');

const wanted = process.argv.slice(2);
const names = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (names.length === 0) {
  console.error(`bench: no benchmark matches ${wanted.join(', ')}`);
  process.exit(2);
}

/** The first JSDoc paragraph of a benchmark file, as its description in the report. */
function describe(name) {
  const source = readFileSync(join(benchDir, `${name}.ts`), 'utf8');
  const comment = source.match(/^\/\*\*([^]*?)\*\//);
  if (!comment) return '';
  const lines = comment[1].split('\n').map((line) => line.replace(/^\s*\*\s?/, ''));
  const paragraph = [];
  for (const line of lines.slice(lines[0].trim() === '' ? 1 : 0)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  return paragraph.join(' ');
}

/** Bundles one benchmark; done right before it runs, as `build.mjs --tests` may empty out/ meanwhile. */
async function bundle(name) {
  await esbuild.build({
    entryPoints: [join(benchDir, `${name}.ts`)],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

const results = [];
for (const name of names) {
  console.log(`\n=== bench ${name}`);
  await bundle(name);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--enable-source-maps', join(outDir, `${name}.js`)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  const seconds = (Date.now() - started) / 1000;
  const output = (run.stdout ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
  results.push({ name, ok: run.status === 0, status: run.status, output, seconds });
  if (run.status !== 0) console.error(`bench ${name}: exited with ${run.status ?? run.signal}`);
}

const processors = cpus();
const machine = [
  `- CPU: ${processors[0]?.model.trim() ?? 'unknown'}, ${processors.length} logical cores`,
  `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- Node ${process.version} on ${process.platform} ${process.arch}`,
  `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
];
const sections = results.map(({ name, ok, status, output, seconds }) =>
  [
    `## ${name}`,
    '',
    describe(name),
    '',
    `\`bench/${name}.ts\`, ${seconds.toFixed(1)} s${ok ? '' : `, **failed (exit ${status})**`}:`,
    '',
    '```text',
    output === '' ? '(no output)' : output,
    '```',
  ].join('\n'),
);
const report = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (`scripts/bench.mjs`): each `bench/*.ts` is bundled with esbuild',
  'into `out/bench/` and run on its own, one after another. Benchmarks measure; tests do not',
  'assert times. Numbers depend on the machine and its load; compare rows of one run.',
  '',
  'Targets (issues 3, 4, 6 and 7): `check-host` median ≤ 10 µs per case on a 2-core machine;',
  '`dns-walk` median ≤ 1.3 × (tree depth + 1) × 20 ms; `zone-read` read + full analysis ≥ 50 MB/s;',
  '`editor-path` analysis of a 5,000-record zone after a one-character edit ≤ 30 ms; `extension`',
  'bundle ≤ 250 KB minified and activation ≤ 50 ms. Each benchmark prints met or missed.',
  '',
  '## Machine',
  '',
  ...machine,
  '',
  ...sections.flatMap((section) => [section, '']),
].join('\n');
if (wanted.length === 0) {
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, report);
  console.log(`\nbench: wrote ${reportFile}`);
} else {
  console.log('\nbench: a subset ran, docs/benchmarks.md left as it was');
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
