/**
 * `spf-doctor explain <bounce>`: the seed case from zone files (softfail from ~all, the ip4 fix,
 * the fixed record and the zone diff), the same record from a DNS server (the fixed value for a
 * provider's panel), --no-dns (cannot verify), traps (no SPF fix), SPF passed with DKIM failing
 * (SPF changes will not help), and hostile records (defined output, exit 0).
 */
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { TestDnsServer } from '../../support/dns-server';
import { ANALYZE_FIXTURES, CLI_BOUNCES, ROOT, SEED_BOUNCE, runInProcess, wireRecords } from './cli-helpers';

const EXAMPLE_ZONE = resolve(ROOT, 'examples/shop.example.co.jp.zone');
const EXAMPLE_XSERVER = resolve(ROOT, 'examples/xserver.jp.zone');
const HOSTILE_ZONE = resolve(ANALYZE_FIXTURES, 'hostile.test.zone');
const FIXED_SEED_VALUE = 'v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp +ip4:203.0.113.45 ~all';

describe('spf-doctor explain (in-process)', () => {
  it('explains the seed bounce from zone files: softfail from ~all, the ip4 fix, the fixed record and the zone diff', async () => {
    const run = await runInProcess(['explain', SEED_BOUNCE, '--zone', EXAMPLE_ZONE, '--zone', EXAMPLE_XSERVER, '--no-dns']);
    assert.equal(run.code, 0, run.stderr);
    const out = run.stdout;
    assert.match(out, /bounce \(gmail, 550 5\.7\.26\)/);
    assert.match(out, /Client IP: +203\.0\.113\.45/);
    assert.match(out, /SPF domain: +shop\.example\.co\.jp/);
    assert.match(out, /Checks: +SPF fail, DKIM fail/);
    // The evidence: the bounce's own lines 15 and 16 (domain and IP), numbered as in the file.
    assert.match(out, /^ +15 \| {5}550-5\.7\.26 DKIM checks did not pass and SPF check for \[shop\.example\.co\.jp\] did$/m);
    assert.match(out, /^ +16 \| {5}not 550-5\.7\.26 pass with ip: \[203\.0\.113\.45\]\. The sender should visit$/m);
    assert.match(out, /Verdict: 203\.0\.113\.45 gets softfail from "~all" for shop\.example\.co\.jp \(4\/10 DNS lookups\)/);
    assert.match(out, /Fix: Authorize 203\.0\.113\.45 \(from the Gmail bounce\) — result becomes pass, 4\/10 lookups/);
    assert.ok(out.includes(`Fixed record: ${FIXED_SEED_VALUE}\n`));
    assert.ok(out.includes(`--- ${EXAMPLE_ZONE}\n`), 'an absolute path is written as is');
    assert.ok(out.includes(`+@       IN TXT  "${FIXED_SEED_VALUE}"\n`));
    assert.match(out, /no network \(--no-dns\)/);
  });

  describe('the record from a DNS server', () => {
    const server = new TestDnsServer(wireRecords(EXAMPLE_ZONE, EXAMPLE_XSERVER));
    before(() => server.start());
    after(() => server.stop());

    it('prints the fixed record value for a DNS provider\'s panel, without a zone diff', async () => {
      const run = await runInProcess(['explain', SEED_BOUNCE, '--dns', server.address, '--timeout', '1000']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Current record \(from DNS\): v=spf1 \+a:sv1234\.xserver\.jp/);
      assert.match(run.stdout, /gets softfail from "~all"/);
      assert.ok(run.stdout.includes(`Fixed record: ${FIXED_SEED_VALUE}\n`));
      assert.doesNotMatch(run.stdout, /Zone file change/);
      assert.ok(server.count({ name: 'shop.example.co.jp', type: 'TXT' }) >= 1);
    });

    it('prints the same facts as JSON', async () => {
      const run = await runInProcess(['explain', SEED_BOUNCE, '--dns', server.address, '--format', 'json']);
      const report = JSON.parse(run.stdout) as {
        bounce: { clientIp: string; spfDomain: string };
        diagnosis: { kind: string; verdict: { result: string; decidingTerm: string; complete: boolean }; record: { from: string }; fixes: Array<{ isPreferred: boolean; fixedValue: string }> };
      };
      assert.deepEqual([report.bounce.clientIp, report.bounce.spfDomain], ['203.0.113.45', 'shop.example.co.jp']);
      assert.equal(report.diagnosis.kind, 'verdict');
      assert.deepEqual([report.diagnosis.verdict.result, report.diagnosis.verdict.decidingTerm, report.diagnosis.verdict.complete], ['softfail', '~all', true]);
      assert.equal(report.diagnosis.record.from, 'dns');
      assert.deepEqual(report.diagnosis.fixes.filter((fix) => fix.isPreferred).map((fix) => fix.fixedValue), [FIXED_SEED_VALUE]);
    });
  });

  it('with --no-dns and no zone file, says it cannot verify and offers no fix', async () => {
    const run = await runInProcess(['explain', SEED_BOUNCE, '--no-dns']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Verdict: cannot verify: the record of shop\.example\.co\.jp could not be looked up/);
    assert.doesNotMatch(run.stdout, /Fixed record|Fix:/);
  });

  it('with the shop zone alone, names the unresolved names and does not guess a verdict', async () => {
    const run = await runInProcess(['explain', SEED_BOUNCE, '--zone', EXAMPLE_ZONE, '--no-dns']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Verdict: cannot verify: .*sv1234\.xserver\.jp.* could not be resolved/);
    assert.doesNotMatch(run.stdout, /Fixed record/);
  });

  for (const [fixture, title] of [
    ['trap-null-mx-5.7.27.txt', /null MX \(not an SPF failure\)/],
    ['trap-spamhaus-blocklist.txt', /blocklisted or poor reputation \(not an SPF failure\)/],
    ['trap-smtp-auth-required.txt', /SMTP authentication required \(not an SPF failure\)/],
    ['docomo-unknown-user.txt', /unknown recipient \(not an SPF failure\)/],
  ] as const) {
    it(`explains the trap ${fixture} as not an SPF failure, with no SPF fix`, async () => {
      const run = await runInProcess(['explain', resolve(ROOT, 'test/fixtures/bounces', fixture), '--zone', EXAMPLE_ZONE, '--no-dns']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, title);
      assert.match(run.stdout, /No SPF change will fix this bounce\./);
      assert.doesNotMatch(run.stdout, /Fixed record|Current record/);
    });
  }

  it('says SPF changes will not help when SPF passed and DKIM failed', async () => {
    const run = await runInProcess(['explain', resolve(CLI_BOUNCES, 'gmail-spf-pass-dkim-fail.txt'), '--zone', EXAMPLE_ZONE, '--zone', EXAMPLE_XSERVER, '--no-dns']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Checks: +SPF pass, DKIM fail/);
    assert.match(run.stdout, /The bounce says SPF passed for 203\.0\.113\.45, but DKIM failed: adding to SPF will not help\. Sign the mail with DKIM/);
    assert.doesNotMatch(run.stdout, /Fixed record|Current record/);
  });

  describe('hostile records (RFC 7208 §4.6.4, §5.2, §7.3): defined output, exit 0', () => {
    const explain = (name: string) => runInProcess(['explain', resolve(CLI_BOUNCES, `gmail-${name}-hostile.txt`), '--zone', HOSTILE_ZONE, '--no-dns']);

    it('an include loop: permerror, and no fix can be proven', async () => {
      const run = await explain('loop');
      assert.equal(run.code, 0);
      assert.match(run.stdout, /Verdict: 192\.0\.2\.99 gets permerror from "include:loop2\.hostile\.test" for loop\.hostile\.test .*include loop/);
      assert.match(run.stdout, /No fix could be proven for this record\./);
      assert.match(run.stdout, /Adding "ip4:192\.0\.2\.99" was tried on the draft and 192\.0\.2\.99 would still get permerror\./);
    });

    it('11 nested includes: permerror at the 11th DNS-querying term; only flattening is offered, not preferred', async () => {
      const run = await explain('deep');
      assert.equal(run.code, 0);
      assert.match(run.stdout, /gets permerror from "include:d1\.hostile\.test" .*"include:d11\.hostile\.test" is DNS-querying term number 11: more than 10/);
      assert.doesNotMatch(run.stdout, /^ {2}Fix:/m);
      assert.match(run.stdout, /Offered fix \(review it first\): Flatten include:d1\.hostile\.test/);
    });

    it('a macro expanding far past 253 octets: fail from -all, and the ip4 fix is proven', async () => {
      const run = await explain('macro');
      assert.equal(run.code, 0);
      assert.match(run.stdout, /Verdict: 192\.0\.2\.99 gets fail from "-all" for macro\.hostile\.test/);
      assert.match(run.stdout, /Fixed record: v=spf1 exists:(%\{i\}\.){20}(%\{d\}\.){8}%\{d\} ip4:192\.0\.2\.99 -all$/m);
    });

    it('through analyze: SPF023 for the loop, SPF020 for the depth, exit 1, no rule failure', async () => {
      const run = await runInProcess(['analyze', HOSTILE_ZONE, '--no-dns']);
      assert.equal(run.code, 1);
      assert.deepEqual(
        run.stdout.split('\n').filter((line) => line.startsWith(HOSTILE_ZONE)).map((line) => line.split(/ {2,}/).slice(1, 3).join(' ')),
        ['error SPF023', 'error SPF023', 'error SPF020'],
      );
      assert.doesNotMatch(run.stdout, /SPF000/);
    });
  });

  describe('bad usage: exit 2', () => {
    it('rejects no bounce, two bounces, an unreadable file and a file that is not a bounce', async () => {
      const cases: Array<[string[], RegExp]> = [
        [[], /give exactly one bounce file/],
        [[SEED_BOUNCE, SEED_BOUNCE], /give exactly one bounce file/],
        [['/nonexistent/bounce.txt'], /cannot read \/nonexistent\/bounce\.txt: ENOENT/],
        [[EXAMPLE_ZONE, '--no-dns'], /is not a bounce/],
        [[SEED_BOUNCE, '--format', 'sarif'], /--format: "sarif" is not one of text, json/],
      ];
      for (const [argv, message] of cases) {
        const run = await runInProcess(['explain', ...argv]);
        assert.equal(run.code, 2, argv.join(' '));
        assert.equal(run.stdout, '');
        assert.match(run.stderr, message);
      }
    });
  });
});
