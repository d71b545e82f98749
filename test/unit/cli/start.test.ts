/**
 * `npm start` (scripts/start.mjs) in a child process: offline, on the shipped examples, it
 * prints the diagnosis of the seed bounce and the fixed record (RFC 7208: 203.0.113.45 matches
 * no mechanism of the panel's record, so ~all decides: softfail; the fix adds ip4:203.0.113.45).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, runNodeScript, type RunOutcome } from './cli-helpers';

function runStart(): Promise<RunOutcome> {
  return runNodeScript(resolve(ROOT, 'scripts/start.mjs'), [], ROOT);
}

describe('npm start', () => {
  it('is the package.json start script', () => {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(manifest.scripts.start, 'node scripts/start.mjs');
  });

  it('prints the diagnosis and the fixed record of the shipped example, offline', async function () {
    this.timeout(120_000); // builds dist/ first when a source file is newer
    const run = await runStart();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Client IP: +203\.0\.113\.45/);
    assert.match(run.stdout, /SPF domain: +shop\.example\.co\.jp/);
    assert.match(run.stdout, /Verdict: 203\.0\.113\.45 gets softfail from "~all" for shop\.example\.co\.jp/);
    assert.match(run.stdout, /^ {2}Fixed record: v=spf1 \+a:sv1234\.xserver\.jp \+a:shop\.example\.co\.jp \+mx include:spf\.sender\.xserver\.jp \+ip4:203\.0\.113\.45 ~all$/m);
    assert.match(run.stdout, /^ {4}--- a\/examples\/shop\.example\.co\.jp\.zone$/m);
    assert.match(run.stdout, /no network \(--no-dns\)/);
  });
});
