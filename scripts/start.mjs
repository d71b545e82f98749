// `npm start`: the project's main job, offline, on its own examples (examples/): the Gmail
// 5.7.26 bounce of the seed case explained against the shop's zone file, with the hosting
// service's names answered by examples/xserver.jp.zone. Prints the diagnosis and the fixed
// record. Builds dist/ first when dist/cli.js is missing or older than a source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');

/** The newest modification time of the files under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(cli) || statSync(cli).mtimeMs < newestMtime(join(root, 'src'))) {
  console.log('Building dist/ (npm run build)...');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const args = [
  'explain',
  'examples/gmail-5.7.26-via-postfix.txt',
  '--zone', 'examples/shop.example.co.jp.zone',
  '--zone', 'examples/xserver.jp.zone',
  '--no-dns',
];
console.log(`$ spf-doctor ${args.join(' ')}\n`);
const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
