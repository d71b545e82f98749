/**
 * `analyze --fix` and `--dry-run` on copies of fixture zones: the expected fixed texts are
 * written by hand (probe.fixed.zone; the seed record with ip4:203.0.113.45 before ~all), the
 * write is atomic (no temporary file left, mode kept), nothing is written without --fix, and a
 * file is left byte-identical when a fix fails to apply or the file changed on disk.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixFile, replaceFileContent } from '../../../src/cli/fix-file';
import type { Fix } from '../../../src/core/analyzer/types';
import { ANALYZE_FIXTURES, ROOT, SEED_BOUNCE, runInProcess, scratchCopies } from './cli-helpers';

const PROBE = resolve(ANALYZE_FIXTURES, 'probe.zone');
const PROBE_FIXED = readFileSync(resolve(ANALYZE_FIXTURES, 'probe.fixed.zone'), 'utf8');
const EXAMPLE_ZONE = resolve(ROOT, 'examples/shop.example.co.jp.zone');
const EXAMPLE_XSERVER = resolve(ROOT, 'examples/xserver.jp.zone');
const SEED_RECORD = '"v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ~all"';
const SEED_RECORD_FIXED = '"v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp +ip4:203.0.113.45 ~all"';

describe('spf-doctor analyze --fix / --dry-run', () => {
  it('--fix applies only the preferred fixes, writes the file atomically with its mode, and prints the diff', async () => {
    const scratch = scratchCopies([PROBE]);
    try {
      const [file] = scratch.paths;
      chmodSync(file, 0o640);
      const run = await runInProcess(['analyze', file, '--no-dns', '--fix']);
      assert.equal(readFileSync(file, 'utf8'), PROBE_FIXED);
      assert.equal(statSync(file).mode & 0o777, 0o640, 'the file keeps its mode');
      assert.deepEqual(readdirSync(scratch.directory), ['probe.zone'], 'no temporary file is left');
      assert.ok(run.stdout.includes(`Fixed ${file} (2 fixes):\n--- ${file}\n+++ ${file}\n`), run.stdout);
      assert.ok(run.stdout.includes('\n-@     IN TXT "v=spf1 ip4:192.0.2.1/24 ptr -all"\n+@     IN TXT "v=spf1 ip4:192.0.2.0/24 ptr -all"\n'));
      assert.ok(run.stdout.includes('\n-mail  IN TXT "v=spf1 ip4:192.0.2.1 ip4:192.0.2.1 -all"\n+mail  IN TXT "v=spf1 ip4:192.0.2.1 -all"\n'));
      // The findings shown are those left after the fix: +all (no preferred fix) and ptr.
      assert.doesNotMatch(run.stdout, /SPF015|SPF013/);
      assert.match(run.stdout, /SPF006/);
      assert.equal(run.code, 1, 'the +all error remains');
    } finally {
      scratch.remove();
    }
  });

  it('--fix with the seed bounce inserts ip4:203.0.113.45 before ~all in the zone file', async () => {
    const scratch = scratchCopies([EXAMPLE_ZONE]);
    try {
      const [file] = scratch.paths;
      const before = readFileSync(file, 'utf8');
      const run = await runInProcess(['analyze', SEED_BOUNCE, file, '--zone', EXAMPLE_XSERVER, '--no-dns', '--fix']);
      assert.equal(readFileSync(file, 'utf8'), before.replace(SEED_RECORD, SEED_RECORD_FIXED));
      // After the fix the record authorises the IP: SPF026 reports pass (info), so nothing fails.
      assert.equal(run.code, 0, run.stdout);
      assert.match(run.stdout, /info {5}SPF026 {2}203\.0\.113\.45 \(from the Gmail bounce\) now gets pass/);
    } finally {
      scratch.remove();
    }
  });

  it('--dry-run prints the same diff and writes nothing', async () => {
    const scratch = scratchCopies([PROBE]);
    try {
      const [file] = scratch.paths;
      const before = readFileSync(file);
      const mtime = statSync(file).mtimeMs;
      const run = await runInProcess(['analyze', file, '--no-dns', '--fix', '--dry-run']);
      assert.deepEqual(readFileSync(file), before);
      assert.equal(statSync(file).mtimeMs, mtime);
      assert.deepEqual(readdirSync(scratch.directory), ['probe.zone']);
      assert.ok(run.stdout.includes(`Would fix ${file} (2 fixes; --dry-run, nothing written):\n--- ${file}`));
      assert.ok(run.stdout.includes('+mail  IN TXT "v=spf1 ip4:192.0.2.1 -all"'));
    } finally {
      scratch.remove();
    }
  });

  it('never writes without --fix, whatever the format', async () => {
    const scratch = scratchCopies([PROBE, EXAMPLE_ZONE]);
    try {
      const before = scratch.paths.map((path) => readFileSync(path));
      for (const format of ['text', 'json', 'sarif']) await runInProcess(['analyze', SEED_BOUNCE, ...scratch.paths, '--no-dns', '--format', format]);
      assert.deepEqual(scratch.paths.map((path) => readFileSync(path)), before);
    } finally {
      scratch.remove();
    }
  });

  describe('a fix that does not apply cleanly leaves the file byte-identical', () => {
    const badFix: Fix = { title: { id: 'test.bad', args: {}, text: 'an edit past the end' }, edits: [{ range: { start: 10_000, end: 10_001 }, newText: 'x' }], isPreferred: true };
    const goodFix: Fix = { title: { id: 'test.good', args: {}, text: 'a valid edit' }, edits: [{ range: { start: 0, end: 0 }, newText: '; fixed\n' }], isPreferred: true };

    it('in the first pass', async () => {
      const scratch = scratchCopies([PROBE]);
      try {
        const [file] = scratch.paths;
        const before = readFileSync(file);
        const outcome = await fixFile(file, before.toString('utf8'), async () => [badFix], { dryRun: false });
        assert.equal(outcome.status, 'failed');
        assert.match(outcome.reason ?? '', /did not apply cleanly/);
        assert.deepEqual(readFileSync(file), before);
        assert.deepEqual(readdirSync(scratch.directory), ['probe.zone']);
      } finally {
        scratch.remove();
      }
    });

    it('in a later pass, after earlier fixes applied in memory', async () => {
      const scratch = scratchCopies([PROBE]);
      try {
        const [file] = scratch.paths;
        const before = readFileSync(file);
        let pass = 0;
        const outcome = await fixFile(file, before.toString('utf8'), async () => (pass++ === 0 ? [goodFix] : [badFix]), { dryRun: false });
        assert.equal(outcome.status, 'failed');
        assert.deepEqual(readFileSync(file), before);
      } finally {
        scratch.remove();
      }
    });

    it('when the file changed on disk since it was read', () => {
      const scratch = scratchCopies([PROBE]);
      try {
        const [file] = scratch.paths;
        const original = readFileSync(file, 'utf8');
        writeFileSync(file, `${original}; edited by someone else\n`);
        const changed = readFileSync(file);
        assert.equal(replaceFileContent(file, original, PROBE_FIXED), 'the file changed on disk since it was read');
        assert.deepEqual(readFileSync(file), changed);
        assert.deepEqual(readdirSync(scratch.directory), ['probe.zone']);
      } finally {
        scratch.remove();
      }
    });
  });
});
