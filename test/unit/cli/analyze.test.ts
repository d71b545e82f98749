/**
 * `spf-doctor analyze` in-process: inputs told apart by content, findings printed like a
 * compiler's (positions found by hand in the fixtures), exit codes per --fail-on, the seed
 * bounce explained next to its zone, colour and progress only on terminals, bad usage.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ANALYZE_FIXTURES, CLI_BOUNCES, ROOT, SEED_BOUNCE, runInProcess } from './cli-helpers';

const PROBE = resolve(ANALYZE_FIXTURES, 'probe.zone');
const CLEAN = resolve(ANALYZE_FIXTURES, 'clean.zone');
const ZONE_AS_TXT = resolve(ANALYZE_FIXTURES, 'zone-without-extension.txt');
const PANEL_VALUE = resolve(ANALYZE_FIXTURES, 'panel-value.txt');
const EXAMPLE_ZONE = resolve(ROOT, 'examples/shop.example.co.jp.zone');
const EXAMPLE_XSERVER = resolve(ROOT, 'examples/xserver.jp.zone');
const DNS_AS_CODE = resolve(ROOT, 'test/fixtures/dns-as-code');

/** `file:line:col` of the first occurrence of `needle` in the file (1-based, found by hand-written search). */
function at(file: string, needle: string): string {
  const text = readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
}

describe('spf-doctor analyze (in-process)', () => {
  it('prints each finding as file:line:col  severity  code  message, with its fixes', async () => {
    const run = await runInProcess(['analyze', PROBE, '--no-dns']);
    assert.equal(run.stderr, '');
    const lines = run.stdout.split('\n');
    const findingLines = lines.filter((line) => line.startsWith(`${PROBE}:`));
    assert.deepEqual(
      findingLines.map((line) => line.split(/ {2,}/).slice(0, 3).join(' | ')),
      [
        `${at(PROBE, 'ip4:192.0.2.1/24')} | warning | SPF015`,
        `${at(PROBE, 'ptr -all')} | warning | SPF010`,
        `${at(PROBE, '+all')} | error | SPF006`,
        `${at(PROBE, 'ip4:192.0.2.1 -all"')} | warning | SPF013`,
      ],
    );
    assert.ok(lines.includes('    fix (preferred): Write the network as 192.0.2.0/24 (same meaning)'));
    assert.match(run.stdout, /^1 error, 3 warnings in 1 file$/m);
    assert.equal(run.code, 1, 'an error-level finding fails the default --fail-on error');
  });

  it('sets the exit code by --fail-on', async () => {
    // probe.zone: 1 error (SPF006) and warnings; clean.zone: nothing; panel-value.txt: one warning (?all).
    const cases: Array<[string[], string, number]> = [
      [[PROBE], 'error', 1],
      [[PROBE], 'none', 0],
      [[CLEAN], 'hint', 0],
      [[PANEL_VALUE], 'error', 0],
      [[PANEL_VALUE], 'warning', 1],
      [[PANEL_VALUE], 'info', 1],
    ];
    for (const [files, failOn, code] of cases) {
      const run = await runInProcess(['analyze', ...files, '--no-dns', '--fail-on', failOn]);
      assert.equal(run.code, code, `${files.join(' ')} --fail-on ${failOn}`);
    }
    const clean = await runInProcess(['analyze', CLEAN, '--no-dns']);
    assert.equal(clean.stdout, 'No problems found in 1 file.\n');
  });

  it('tells inputs apart by content: a zone saved as .txt, a bare record value, DNS-as-code by language', async () => {
    const run = await runInProcess(['analyze', ZONE_AS_TXT, PANEL_VALUE, resolve(DNS_AS_CODE, 'octodns.yaml'), '--no-dns', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { files: Array<{ file: string; kind: string; findings: Array<{ code: string; startLine: number; startColumn: number }> }> };
    assert.deepEqual(report.files.map((file) => file.kind), ['zone', 'raw', 'code']);
    assert.deepEqual(report.files[0].findings.map((finding) => `${ZONE_AS_TXT}:${finding.startLine}:${finding.startColumn} ${finding.code}`), [`${at(ZONE_AS_TXT, 'ip4:192.0.2.1 -all')} SPF013`]);
    assert.deepEqual(report.files[1].findings.map((finding) => `${finding.code} ${finding.startLine}:${finding.startColumn}`), ['SPF006 1:25']);
  });

  it('explains the seed bounce next to its zone and puts SPF026 with its ip4 fix on the record (offline)', async () => {
    const run = await runInProcess(['analyze', SEED_BOUNCE, EXAMPLE_ZONE, '--zone', EXAMPLE_XSERVER, '--no-dns']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Client IP: +203\.0\.113\.45/);
    assert.match(run.stdout, /SPF domain: +shop\.example\.co\.jp/);
    assert.match(run.stdout, /Verdict: 203\.0\.113\.45 gets softfail from "~all" for shop\.example\.co\.jp/);
    assert.match(run.stdout, /Fixed record: v=spf1 \+a:sv1234\.xserver\.jp \+a:shop\.example\.co\.jp \+mx include:spf\.sender\.xserver\.jp \+ip4:203\.0\.113\.45 ~all$/m);
    const record = at(EXAMPLE_ZONE, 'v=spf1');
    assert.ok(run.stdout.includes(`${record}  error    SPF026  203.0.113.45 (from the Gmail bounce) would get softfail from "~all"`), run.stdout);
    assert.match(run.stdout, /^ {4}fix \(preferred\): Authorize 203\.0\.113\.45 \(from the Gmail bounce\)/m);
  });

  it('with only the bounce and --no-dns, reports an incomplete verdict on the bounce file (exit 0 at --fail-on error)', async () => {
    const run = await runInProcess(['analyze', SEED_BOUNCE, '--no-dns']);
    assert.equal(run.code, 0);
    assert.ok(run.stdout.includes(`${at(SEED_BOUNCE, 'shop.example.co.jp] did')}  warning  SPF026  The verdict for 203.0.113.45 (from the Gmail bounce) is incomplete`), run.stdout);
    assert.match(run.stdout, /cannot verify: the record of shop\.example\.co\.jp could not be looked up/);
    assert.doesNotMatch(run.stdout, /Fixed record/);
  });

  it('explains a trap bounce without an SPF fix', async () => {
    const run = await runInProcess(['analyze', resolve(ROOT, 'test/fixtures/bounces/trap-smtp-auth-required.txt'), '--no-dns']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /SMTP authentication required \(not an SPF failure\)/);
    assert.match(run.stdout, /No SPF change will fix this bounce\./);
    assert.doesNotMatch(run.stdout, /SPF026|Fixed record/);
  });

  it('colours severities on a terminal only, never with NO_COLOR', async () => {
    const coloured = await runInProcess(['analyze', PROBE, '--no-dns'], { tty: true });
    assert.match(coloured.stdout, /\x1b\[31merror {2}\x1b\[0m/);
    const plain = await runInProcess(['analyze', PROBE, '--no-dns'], { tty: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    const piped = await runInProcess(['analyze', PROBE, '--no-dns']);
    assert.doesNotMatch(piped.stdout, /\x1b\[/);
  });

  it('shows a progress line on a terminal stderr for more than 5 files, and none otherwise', async () => {
    const files = [PROBE, CLEAN, ZONE_AS_TXT, PANEL_VALUE, EXAMPLE_ZONE, EXAMPLE_XSERVER];
    const terminal = await runInProcess(['analyze', ...files, '--no-dns'], { stderrTty: true });
    assert.ok(terminal.stderr.includes(`[6/6] ${EXAMPLE_XSERVER}`), terminal.stderr);
    assert.ok(terminal.stderr.endsWith('\r\x1b[K'), 'the progress line is cleared at the end');
    const piped = await runInProcess(['analyze', ...files, '--no-dns']);
    assert.equal(piped.stderr, '');
    const few = await runInProcess(['analyze', ...files.slice(0, 5), '--no-dns'], { stderrTty: true });
    assert.equal(few.stderr, '');
  });

  describe('bad usage and unreadable input: exit 2', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['no file', ['--no-dns'], /give at least one file to analyse/],
      ['an unknown format', [PROBE, '--format', 'xml'], /--format: "xml" is not one of text, json, sarif/],
      ['an unknown --fail-on', [PROBE, '--fail-on', 'fatal'], /--fail-on: "fatal" is not one of/],
      ['--no-dns with --dns', [PROBE, '--no-dns', '--dns', '127.0.0.1'], /--no-dns and --dns cannot be used together/],
      ['an unreadable --zone file', [PROBE, '--no-dns', '--zone', '/nonexistent/x.zone'], /--zone: cannot read \/nonexistent\/x\.zone: ENOENT/],
      ['an unknown option', [PROBE, '--colour'], /Unknown option '--colour'/],
    ];
    for (const [what, argv, message] of cases) {
      it(`rejects ${what}`, async () => {
        const run = await runInProcess(['analyze', ...argv]);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, message);
      });
    }

    it('reports a missing file and a binary file on stderr, analyses the rest, and exits 2', async () => {
      const run = await runInProcess(['analyze', '/nonexistent/db.example', resolve(ROOT, 'media/icon.png'), CLEAN, '--no-dns']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /\/nonexistent\/db\.example: cannot read: ENOENT/);
      assert.match(run.stderr, /icon\.png: binary data, not a zone file, bounce message or DNS-as-code file/);
      assert.equal(run.stdout, 'No problems found in 1 file.\n');
    });

    it('prints help with exit 0', async () => {
      const help = await runInProcess(['analyze', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: spf-doctor analyze \[options\] <files\.\.\.>/);
    });
  });

  it('reads a bounce given as .eml by its extension and a bounce in .txt by its content', async () => {
    const eml = await runInProcess(['analyze', resolve(ROOT, 'test/fixtures/bounces/microsoft-5.7.23-qp-receiver-side.eml'), '--no-dns', '--format', 'json']);
    const txt = await runInProcess(['analyze', resolve(CLI_BOUNCES, 'gmail-spf-pass-dkim-fail.txt'), '--no-dns', '--format', 'json']);
    for (const run of [eml, txt]) {
      const report = JSON.parse(run.stdout) as { files: Array<{ kind: string }>; bounces: unknown[] };
      assert.deepEqual(report.files.map((file) => file.kind), ['bounce']);
      assert.equal(report.bounces.length, 1);
    }
  });
});
