// Builds the extension (dist/extension.js, and the bundles it loads on first use, see bundles.mjs), the CLI and the
// core library with esbuild (options in bundles.mjs), the licences of the packages they bundle
// (dist/THIRD-PARTY-NOTICES.txt), and the core's type declarations (dist/types, for
// `require('spf-doctor/core')`) with tsc.
// `--tests` instead transpiles src/ and test/ file by file into out/ for mocha.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionBundles, libraryBundles, thirdPartyNotices } from './bundles.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

function listTs(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...listTs(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

if (args.has('--tests')) {
  rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [...listTs('src'), ...listTs('test')],
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
} else {
  const builds = await Promise.all(
    [...extensionBundles({ outdir: 'dist', production }), ...libraryBundles({ outdir: 'dist', production })].map((options) =>
      esbuild.build({ ...options, metafile: true }),
    ),
  );
  writeFileSync('dist/THIRD-PARTY-NOTICES.txt', thirdPartyNotices(builds.map((build) => build.metafile)));
  rmSync('dist/types', { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
}
