// esbuild options of the shipped bundles, shared by scripts/build.mjs and bench/extension.ts so
// that the benchmark measures exactly what is built.
// - dist/core.js and dist/cli.js: one file each, everything inside.
// - dist/extension.js: what VS Code loads at activation. Three parts stay out of it, each in a
//   bundle of its own that it requires on first use:
//   - dist/commands.js: the palette commands' implementations (the bounce reader and the
//     reports), when a command first runs (src/extension/commands/register-commands.ts);
//   - dist/ja.js: the core's Japanese texts, when one is first shown (src/core/i18n/japanese-texts.ts);
//   - dist/mime.js: postal-mime (the `.eml` MIME parser, imported lazily by
//     src/core/readers/bounce/mime-parts.ts), the first time an `.eml` is analysed;
//   - dist/yaml.js: the YAML reader of DNS-as-code files and the `yaml` parser it uses, the
//     first time a YAML file is read (src/core/readers/code/find-spf-strings.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package's ES module build (the `node` export is CommonJS, which esbuild cannot tree-shake).
const yamlEsmDir = join(dirname(require.resolve('yaml/package.json')), 'browser', 'dist');

/**
 * The source uses only the `yaml` package's CST parser (`Parser` and the `CST` namespace, in
 * src/core/readers/code/yaml-strings.ts). This plugin answers `import ... from 'yaml'` with just
 * those two from the package's ES modules, so the composer, schemas and stringifier stay out of
 * the bundles. An import of any other `yaml` export fails the build ("No matching export").
 */
const yamlCstOnly = {
  name: 'yaml-cst-only',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'yaml-cst-only' }));
    build.onLoad({ filter: /.*/, namespace: 'yaml-cst-only' }, () => ({
      contents: "export { Parser } from './parse/parser.js';\nexport * as CST from './parse/cst.js';\n",
      resolveDir: yamlEsmDir,
      loader: 'js',
    }));
  },
};

/** Sends `import('postal-mime')` of the extension's bundles to the separate `./mime.js`. */
const mimeParserApart = {
  name: 'mime-parser-apart',
  setup(build) {
    build.onResolve({ filter: /^postal-mime$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './mime.js', external: true } : undefined,
    );
  },
};

/** Modules that the extension's bundles `require` from a bundle of their own: source → bundle. */
const requiredApart = [
  { source: 'src/extension/commands/command-runners.ts', bundle: 'commands.js' },
  { source: 'src/core/i18n/japanese.ts', bundle: 'ja.js' },
  { source: 'src/core/readers/code/yaml-strings.ts', bundle: 'yaml.js' },
];

/**
 * Sends a `require()` of a {@link requiredApart} module to its bundle (`./commands.js`,
 * `./ja.js`, `./yaml.js`) instead of bundling the module.
 */
const requiredModulesApart = {
  name: 'required-modules-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'require-call') return undefined;
      const source = relative(root, join(args.resolveDir, args.path));
      const apart = requiredApart.find((module) => module.source === `${source}.ts`);
      return apart ? { path: `./${apart.bundle}`, external: true } : undefined;
    });
  },
};

function commonOptions(production) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: production,
    // Strings (the Japanese texts) as UTF-8, not \u escapes: a third of the bytes for them.
    charset: 'utf8',
    sourcemap: !production,
    drop: production ? ['debugger'] : [],
    // Licence comments of bundled code go to <bundle>.LEGAL.txt, shipped next to the bundle.
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [yamlCstOnly],
  };
}

/**
 * The extension's bundles: `extension.js` (loaded at activation), `commands.js`, `ja.js`,
 * `yaml.js` and `mime.js` (loaded on first use). `outdir` (absolute, or relative to the repository root) is
 * dist/ for the build, a temporary directory for the benchmark. `commands.js` carries its own
 * copy of the core code it uses (esbuild shares no module between two CommonJS bundles); the
 * stateful services come to it from `extension.js` (src/extension/commands/command-runners.ts).
 */
export function extensionBundles({ outdir, production, metafile = false }) {
  const common = commonOptions(production);
  // Lazy loads become `require`s of the sibling bundles, which VS Code's extension host resolves.
  const loader = {
    ...common,
    external: ['vscode'],
    // `import('./mime.js')` becomes a `require` too.
    supported: { 'dynamic-import': false },
    plugins: [...common.plugins, mimeParserApart, requiredModulesApart],
    metafile,
  };
  return [
    { ...loader, entryPoints: ['src/extension/extension.ts'], outfile: join(outdir, 'extension.js') },
    { ...loader, entryPoints: [requiredApart[0].source], outfile: join(outdir, requiredApart[0].bundle) },
    { ...common, entryPoints: [requiredApart[1].source], outfile: join(outdir, requiredApart[1].bundle), metafile },
    { ...common, entryPoints: [requiredApart[2].source], outfile: join(outdir, requiredApart[2].bundle), metafile },
    {
      ...common,
      stdin: { contents: "export { default } from 'postal-mime';\n", resolveDir: root, sourcefile: 'mime.js' },
      outfile: join(outdir, 'mime.js'),
      metafile,
    },
  ];
}

/** The CLI and the core library: one self-contained file each. */
export function libraryBundles({ outdir, production }) {
  const common = commonOptions(production);
  return [
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['src/core/index.ts'], outfile: join(outdir, 'core.js') },
  ];
}

/**
 * The licence texts of the npm packages bundled into the outputs that `metafiles` describe (their
 * code carries no licence comments for `legalComments` to keep), for dist/THIRD-PARTY-NOTICES.txt.
 */
export function thirdPartyNotices(metafiles) {
  const packageDirs = new Set();
  for (const metafile of metafiles)
    for (const output of Object.values(metafile.outputs))
      for (const input of Object.keys(output.inputs)) {
        const found = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
        if (found) packageDirs.add(join(root, found[1]));
      }
  const sections = [...packageDirs].sort().map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((file) => /^licen[cs]e/i.test(file));
    if (!licenceFile) throw new Error(`${manifest.name}: no licence file to ship`);
    const text = readFileSync(join(dir, licenceFile), 'utf8').trim();
    return `${manifest.name} ${manifest.version} (${manifest.license})\n\n${text}\n`;
  });
  return `Third-party packages bundled into the files of dist/:\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}
