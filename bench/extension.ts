/**
 * Extension bundle size and activation time. The bundles are built with the options of `node
 * scripts/build.mjs --production` (scripts/bundles.mjs: `extension.js`, loaded at activation;
 * `commands.js`, `ja.js`, `yaml.js` and `mime.js`, loaded on first use), here into a temporary directory (removed
 * afterwards) so that `dist/` is left alone, with a metafile to show what is big. Activation is
 * timed in fresh Node processes: `require()` of `extension.js` plus its `activate()`, with
 * `vscode` answered by a stand-in module (every API call returns another stand-in; configuration
 * reads return their defaults), so it measures the extension's own work, not VS Code's.
 * Targets: bundle loaded at activation ≤ 250 KB minified, activation ≤ 50 ms.
 *
 * Run: node scripts/bench.mjs extension
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Module from 'node:module';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = process.env.SPF_BENCH_ROOT ?? resolve(__dirname, '..', '..');
// Outside out/, which a concurrent `build.mjs --tests` empties.
const outDir = process.env.SPF_BENCH_BUNDLE_DIR ?? mkdtempSync(join(tmpdir(), 'spf-doctor-bench-'));
const bundle = join(outDir, 'extension.js');
const sizeTarget = 250 * 1024;
const activationTarget = 50;
const activationRuns = 15;

/** A stand-in for any part of the `vscode` API: callable, constructible, iterable and empty. */
function standIn(name: string): unknown {
  const children = new Map<PropertyKey, unknown>();
  const target = function standInFunction(): void {};
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined;
      if (property === Symbol.iterator) return function* empty() {};
      if (property === Symbol.toPrimitive || property === 'toString') return () => name;
      if (property === 'length') return 0;
      // WorkspaceConfiguration.get(key, default) and Memento.get(key, default): the default.
      if (property === 'get') return (_key: unknown, fallback?: unknown) => fallback;
      if (!children.has(property)) children.set(property, standIn(`${name}.${String(property)}`));
      return children.get(property);
    },
    set(_target, property, value) {
      children.set(property, value);
      return true;
    },
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`) as object,
  });
}

/**
 * The stand-in `vscode` module: a plain object with every class, enum and namespace that
 * `@types/vscode` declares (esbuild's CommonJS interop copies a module's own properties).
 */
function vscodeStandIn(): Record<string, unknown> {
  const declarations = readFileSync(join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = new Set([...declarations.matchAll(/^\texport (?:namespace|class|enum) (\w+)/gm)].map((match) => match[1]));
  return Object.fromEntries([...names].map((name) => [name, standIn(`vscode.${name}`)]));
}

/** Child process: load the bundle with the stand-in `vscode` and activate it; prints the times. */
function activateOnce(): void {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  const vscode = vscodeStandIn();
  loader._load = (request, parent, isMain) => (request === 'vscode' ? vscode : original(request, parent, isMain));
  const started = process.hrtime.bigint();
  const extension = require(bundle) as { activate(context: unknown): void };
  const loaded = process.hrtime.bigint();
  const subscriptions: unknown[] = [];
  const context = {
    subscriptions,
    workspaceState: standIn('workspaceState'),
    globalState: standIn('globalState'),
    extensionUri: standIn('extensionUri'),
    extensionPath: root,
    extension: { packageJSON: { version: 'bench' } },
    logUri: standIn('logUri'),
    storageUri: undefined,
    globalStorageUri: standIn('globalStorageUri'),
  };
  extension.activate(context);
  const activated = process.hrtime.bigint();
  console.log(JSON.stringify({ requireMs: Number(loaded - started) / 1e6, activateMs: Number(activated - loaded) / 1e6, subscriptions: subscriptions.length }));
}

async function main(): Promise<void> {
  // Loaded at run time from the repository (this file is bundled into out/bench/ first).
  const bundles = await import(pathToFileURL(join(root, 'scripts', 'bundles.mjs')).href);
  const builds: esbuild.BuildOptions[] = bundles.extensionBundles({ outdir: outDir, production: true, metafile: true });
  const metafiles = await Promise.all(builds.map(async (options) => (await esbuild.build(options)).metafile));
  const outputOf = (file: string): esbuild.Metafile['outputs'][string] => {
    const found = metafiles.flatMap((metafile) => Object.entries(metafile?.outputs ?? {})).find(([path]) => path.endsWith(`/${file}`));
    if (!found) throw new Error(`esbuild produced no ${file}`);
    return found[1];
  };
  const output = outputOf('extension.js');
  const parts = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) {
    const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const part = dependency ? `${dependency[1]} (dependency)` : file.split('/').slice(0, 3).join('/');
    parts.set(part, (parts.get(part) ?? 0) + input.bytesInOutput);
  }
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const loadedOnFirstUse = [
    ['commands.js', 'the palette commands, when one first runs'],
    ['ja.js', 'the Japanese texts, when one is first shown'],
    ['mime.js', 'postal-mime, when an .eml is first analysed'],
  ].map(([file, what]) => `${file} ${kb(outputOf(file).bytes)} (${what})`);
  console.log(`bundle loaded at activation: extension.js ${kb(output.bytes)} minified (${output.bytes} bytes); target ≤ ${kb(sizeTarget)}: ${output.bytes <= sizeTarget ? 'met' : 'missed'}`);
  console.log(`loaded on first use: ${loadedOnFirstUse.join('; ')}`);
  console.log('largest parts of extension.js (bytes in the bundle):');
  for (const [part, bytes] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${kb(bytes).padStart(9)}  ${part}`);

  // The children run a copy of this script, which a concurrent `build.mjs --tests` cannot delete.
  const runner = join(outDir, 'activate-once.js');
  copyFileSync(__filename, runner);
  const env = { ...process.env, SPF_BENCH_BUNDLE_DIR: outDir, SPF_BENCH_ROOT: root, NODE_PATH: join(root, 'node_modules') };
  const runs: { requireMs: number; activateMs: number; subscriptions: number }[] = [];
  for (let run = 0; run < activationRuns; run++) {
    const child = spawnSync(process.execPath, [runner, '--activate-once'], { cwd: root, encoding: 'utf8', env });
    if (child.status !== 0) throw new Error(`activation failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}'));
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const total = median(runs.map((run) => run.requireMs + run.activateMs));
  console.log(`activation (fresh process each, median of ${activationRuns}): require ${median(runs.map((run) => run.requireMs)).toFixed(1)} ms + activate() ${median(runs.map((run) => run.activateMs)).toFixed(1)} ms = ${total.toFixed(1)} ms, ${runs[0].subscriptions} disposables registered`);
  console.log(`target: activation ≤ ${activationTarget} ms: ${total <= activationTarget ? 'met' : 'missed'}`);
}

if (process.argv.includes('--activate-once')) activateOnce();
else
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => rmSync(outDir, { recursive: true, force: true }));
