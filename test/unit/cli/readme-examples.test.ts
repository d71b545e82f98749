/**
 * The README's examples run as written: the library example (an ES module importing
 * `spf-doctor/core`, resolved through the package's `exports` map to the built dist/core.js)
 * prints exactly its `// →` comments, the live-DNS example works against a local DNS server,
 * and the `spf-doctor check` example prints what the README shows (times aside).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestDnsServer } from '../../support/dns-server';
import { ROOT, runBinary, runBinaryIn } from './cli-helpers';

const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** The text of the README section starting at `heading`, up to the next heading of level ≤ 2. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has no "${heading}" section`);
  const next = README.slice(start + heading.length + 2).search(/^##? /m);
  return next < 0 ? README.slice(start) : README.slice(start, start + heading.length + 2 + next);
}

/** The fenced code blocks of `text` with the given info string. */
function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('^```' + language + '\\n([^]*?)^```$', 'gm'))].map((match) => match[1]);
}

/** Runs an ES module in a scratch folder whose node_modules/spf-doctor is this repository. */
function runModule(source: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'spf-doctor-readme-'));
  mkdirSync(join(folder, 'node_modules'));
  symlinkSync(ROOT, join(folder, 'node_modules', 'spf-doctor'), 'dir');
  writeFileSync(join(folder, 'example.mjs'), source);
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['example.mjs'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(folder, { recursive: true, force: true });
      resolveRun({ code: code ?? -1, stdout, stderr });
    });
  });
}

describe('README examples', () => {
  const library = codeBlocks(section('### Checking SPF from a program'), 'js');

  before(() => {
    assert.ok(existsSync(resolve(ROOT, 'dist/core.js')), 'dist/core.js is missing: run npm run build first');
  });

  it('the library example prints exactly its // → comments', async () => {
    assert.equal(library.length, 2, 'two js examples in the library section');
    const expected = [...library[0].matchAll(/^\/\/ → (.*)$/gm)].map((match) => match[1]);
    assert.ok(expected.length >= 5, 'the example states its outputs');
    const run = await runModule(library[0]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), expected);
  });

  it('the live-DNS example works against a DNS server (softfail after 2 TXT queries)', async () => {
    const server = new TestDnsServer([
      { name: 'example.com', type: 'TXT', value: ['v=spf1 ip4:192.0.2.0/24 include:_spf.example.net ~all'] },
      { name: '_spf.example.net', type: 'TXT', value: ['v=spf1 ip4:198.51.100.0/24 -all'] },
    ]);
    await server.start();
    try {
      assert.ok(library[1].includes("servers: ['192.0.2.53']"));
      const run = await runModule(library[1].replace("'192.0.2.53'", `'${server.address}'`));
      assert.equal(run.code, 0, run.stderr);
      // 203.0.113.45 is outside both networks; the include's fail is "no match" (RFC 7208 §5.2), so ~all decides.
      assert.equal(run.stdout, 'softfail 2\n');
      assert.equal(server.count({ type: 'TXT' }), 2);
    } finally {
      await server.stop();
    }
  });

  it('the command-line example prints what the README shows, times aside', async () => {
    const [example] = codeBlocks(section('## Command line'), 'console');
    const [commandLine, ...shownOutput] = example.replace(/ \\\n\s+/g, ' ').trimEnd().split('\n');
    assert.match(commandLine, /^\$ node dist\/cli\.js check /);
    const args = commandLine.replace(/^\$ node dist\/cli\.js /, '').split(' ');
    const absoluteArgs = args.map((arg) => (arg.startsWith('test/fixtures/') ? resolve(ROOT, arg) : arg));
    const run = await runBinary(absoluteArgs);
    assert.equal(run.code, 0, run.stderr);
    const normalise = (text: string): string =>
      text
        .replace(/\d+(\.\d+)? (µs|ms)/g, 'T')
        .split(`${ROOT}/`)
        .join('');
    assert.deepEqual(normalise(run.stdout.trimEnd()).split('\n'), normalise(shownOutput.join('\n')).split('\n'));
  });

  it('the explain example (what npm start runs) prints exactly what the README shows', async () => {
    const [, example] = codeBlocks(section('## Command line'), 'console');
    const [commandLine, ...shownOutput] = example.replace(/ \\\n\s+/g, ' ').trimEnd().split('\n');
    assert.match(commandLine, /^\$ node dist\/cli\.js explain /);
    const run = await runBinaryIn(ROOT, commandLine.replace(/^\$ node dist\/cli\.js /, '').split(' '));
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), shownOutput);
  });

  it('shows npm start next to npm ci && npm test', () => {
    const [commands] = codeBlocks(section('## Start here'), 'sh');
    assert.deepEqual(commands.trimEnd().split('\n'), ['npm ci && npm test', 'npm start']);
  });
});
