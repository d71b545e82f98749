/**
 * `spf-doctor check` run in-process: the seed case from zone files and over the wire, DNS
 * failures, the JSON report, colour, and bad usage. Expected results follow RFC 7208 by hand:
 *
 * shop.example.co.jp: "v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ~all"
 *   sv1234.xserver.jp A 192.0.2.34; shop.example.co.jp A 198.51.100.10;
 *   MX 10 mail.shop.example.co.jp → A 198.51.100.25;
 *   spf.sender.xserver.jp: "v=spf1 ip4:192.0.2.128/25 ip4:198.51.100.192/27 ~all"
 * For 203.0.113.45 no mechanism matches; the include's softfail is "no match" (§5.2), so
 * `~all` decides: softfail, after 4 DNS-querying terms (a, a, mx, include; §4.6.4) and no
 * void lookup.
 */
import * as assert from 'node:assert/strict';
import { TestDnsServer } from '../../support/dns-server';
import { EXAMPLE_NET_ZONE, SHOP_ZONE, XSERVER_ZONE, runInProcess, wireRecords } from './cli-helpers';

const SEED_ZONES = ['--zone', SHOP_ZONE, '--zone', XSERVER_ZONE];

interface JsonReport {
  version: number;
  request: { ip: string; domain: string; sender: string; helo: string };
  result: string;
  reason: string;
  explanation: string | null;
  decidedBy: { domain: string; term: string } | null;
  dnsTerms: { count: number; limit: number };
  voidLookups: { count: number; limit: number };
  source: { zoneFiles: string[]; servers: string[] };
  warnings: string[];
  trace: { root: { terms: Array<{ term: string; outcome: string }> } };
}

async function checkJson(argv: string[]): Promise<JsonReport> {
  const run = await runInProcess(['check', ...argv, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as JsonReport;
}

describe('spf-doctor check (in-process)', () => {
  describe('--zone: answers only from zone files', () => {
    it('gives softfail from ~all for the unlisted sender 203.0.113.45, with the trace and counters', async () => {
      const run = await runInProcess(['check', '--ip', '203.0.113.45', '--sender', 'orders@shop.example.co.jp', ...SEED_ZONES]);
      assert.equal(run.code, 0);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /^Result: softfail for 203\.0\.113\.45 and shop\.example\.co\.jp$/m);
      assert.match(run.stdout, /RFC 7208 §2\.6\.5/);
      assert.match(run.stdout, /decided by: ~all in shop\.example\.co\.jp/);
      assert.match(run.stdout, /DNS-querying terms: 4\/10/);
      assert.match(run.stdout, /void lookups: 0\/2/);
      assert.match(run.stdout, /include:spf\.sender\.xserver\.jp: no-match/);
      assert.match(run.stdout, /no network/);
      assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
    });

    for (const [ip, decidingTerm] of [
      ['192.0.2.34', '+a:sv1234.xserver.jp'],
      ['198.51.100.10', '+a:shop.example.co.jp'],
      ['198.51.100.25', '+mx'],
      ['192.0.2.200', 'include:spf.sender.xserver.jp'],
    ]) {
      it(`gives pass for the authorised ${ip}, decided by ${decidingTerm}`, async () => {
        const report = await checkJson(['--ip', ip, '--sender', 'orders@shop.example.co.jp', ...SEED_ZONES]);
        assert.equal(report.result, 'pass');
        assert.deepEqual(report.decidedBy && { domain: report.decidedBy.domain, term: report.decidedBy.term }, {
          domain: 'shop.example.co.jp',
          term: decidingTerm,
        });
      });
    }

    it('treats names outside the zone files as nonexistent (no network): the missing include is permerror', async () => {
      // Only the shop's zone: sv1234.xserver.jp is NXDOMAIN (void lookup 1), and an include
      // whose target has no record is permerror (RFC 7208 §5.2).
      const report = await checkJson(['--ip', '203.0.113.45', '--sender', 'shop.example.co.jp', '--zone', SHOP_ZONE]);
      assert.equal(report.result, 'permerror');
      assert.equal(report.decidedBy?.term, 'include:spf.sender.xserver.jp');
      assert.equal(report.voidLookups.count, 1);
      assert.deepEqual(report.source.servers, []);
    });

    it('prints a stable JSON report: request, result, counters, trace', async () => {
      const report = await checkJson(['--ip', '203.0.113.45', '--sender', 'shop.example.co.jp', ...SEED_ZONES]);
      assert.equal(report.version, 1);
      assert.deepEqual(report.request, {
        ip: '203.0.113.45',
        domain: 'shop.example.co.jp',
        sender: 'postmaster@shop.example.co.jp', // a bare domain is postmaster@domain (RFC 7208 §4.3)
        helo: 'shop.example.co.jp',
      });
      assert.equal(report.result, 'softfail');
      assert.equal(report.explanation, null, 'only fail has an explanation (RFC 7208 §6.2)');
      assert.deepEqual(report.decidedBy && report.decidedBy.term, '~all');
      assert.deepEqual(report.dnsTerms, { count: 4, limit: 10 });
      assert.deepEqual(report.voidLookups, { count: 0, limit: 2 });
      assert.deepEqual(
        report.trace.root.terms.map((term) => `${term.term} ${term.outcome}`),
        ['+a:sv1234.xserver.jp no-match', '+a:shop.example.co.jp no-match', '+mx no-match', 'include:spf.sender.xserver.jp no-match', '~all match'],
      );
      assert.deepEqual(report.warnings, []);
    });

    it('prints the expanded exp= explanation of a fail; the origin comes from the file name db.example.net', async () => {
      const run = await runInProcess(['check', '--ip', '203.0.113.45', '--sender', 'someone@example.net', '--zone', EXAMPLE_NET_ZONE]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^Result: fail for 203\.0\.113\.45 and example\.net$/m);
      // RFC 7208 §6.2 and §7.3: %{i} is the client IP, %{d} the domain.
      assert.match(run.stdout, /^Explanation: 203\.0\.113\.45 is not one of example\.net's designated mail servers$/m);
    });

    it('checks postmaster@HELO for a null sender (RFC 7208 §2.4)', async () => {
      // mail.shop.example.co.jp has an A record and no TXT record: none (RFC 7208 §4.5).
      const report = await checkJson(['--ip', '198.51.100.25', '--sender', '', '--helo', 'mail.shop.example.co.jp', ...SEED_ZONES]);
      assert.equal(report.request.sender, 'postmaster@mail.shop.example.co.jp');
      assert.equal(report.request.domain, 'mail.shop.example.co.jp');
      assert.equal(report.result, 'none');
    });

    it('accepts --domain without a sender (postmaster@domain)', async () => {
      const report = await checkJson(['--ip', '192.0.2.200', '--domain', 'shop.example.co.jp', ...SEED_ZONES]);
      assert.equal(report.request.sender, 'postmaster@shop.example.co.jp');
      assert.equal(report.result, 'pass');
    });

    it('colours the result on a terminal, never with NO_COLOR', async () => {
      const argv = ['check', '--ip', '203.0.113.45', '--sender', 'shop.example.co.jp', ...SEED_ZONES];
      const coloured = await runInProcess(argv, { tty: true });
      assert.match(coloured.stdout, /\x1b\[1m\x1b\[33msoftfail\x1b\[0m/);
      const plain = await runInProcess(argv, { tty: true, env: { NO_COLOR: '1' } });
      assert.doesNotMatch(plain.stdout, /\x1b\[/);
      assert.match(plain.stdout, /^Result: softfail/m);
    });
  });

  describe('--dns: the same data over the wire', () => {
    const server = new TestDnsServer(wireRecords(SHOP_ZONE, XSERVER_ZONE));
    before(() => server.start());
    after(() => server.stop());
    beforeEach(() => server.resetCounts());

    it('gives softfail for 203.0.113.45 and pass for an authorised IP, asking the given server', async () => {
      const softfail = await checkJson(['--ip', '203.0.113.45', '--sender', 'shop.example.co.jp', '--dns', server.address]);
      assert.equal(softfail.result, 'softfail');
      assert.equal(softfail.decidedBy?.term, '~all');
      assert.deepEqual(softfail.dnsTerms, { count: 4, limit: 10 });
      assert.deepEqual(softfail.source.servers, [server.address]);
      assert.ok(server.count({ name: 'spf.sender.xserver.jp', type: 'TXT' }) >= 1, 'the include was looked up on the test server');
      const pass = await checkJson(['--ip', '198.51.100.25', '--sender', 'shop.example.co.jp', '--dns', server.address]);
      assert.equal(pass.result, 'pass');
      assert.equal(pass.decidedBy?.term, '+mx');
    });

    it('gives temperror naming the failing query when the server answers SERVFAIL', async () => {
      server.setBehaviour('spf.sender.xserver.jp', 'TXT', { respond: 'servfail' });
      try {
        // RFC 7208 §5.2: an include whose check_host() is temperror makes the result temperror.
        const run = await runInProcess(['check', '--ip', '203.0.113.45', '--sender', 'shop.example.co.jp', '--dns', server.address]);
        assert.equal(run.code, 0, 'the check ran; the result is temperror');
        assert.match(run.stdout, /^Result: temperror/m);
        assert.match(run.stdout, /^Reason: .*TXT spf\.sender\.xserver\.jp.*SERVFAIL/m);
      } finally {
        server.setBehaviour('spf.sender.xserver.jp', 'TXT', {});
      }
    });

    it('with --zone and --dns, the zone files answer for their zones and the server for the rest', async () => {
      const report = await checkJson(['--ip', '192.0.2.200', '--sender', 'shop.example.co.jp', '--zone', SHOP_ZONE, '--dns', server.address]);
      assert.equal(report.result, 'pass');
      assert.equal(report.decidedBy?.term, 'include:spf.sender.xserver.jp');
      assert.equal(server.count({ name: 'shop.example.co.jp' }), 0, 'the shop zone came from the file');
      assert.ok(server.count({ name: 'spf.sender.xserver.jp', type: 'TXT' }) >= 1);
    });
  });

  describe('zone files with errors', () => {
    it('reports parse errors as file:line:col warnings and uses the rest', async () => {
      const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const directory = mkdtempSync(join(tmpdir(), 'spf-doctor-cli-'));
      try {
        const file = join(directory, 'broken.zone');
        writeFileSync(file, '$ORIGIN broken.test.\n@ IN TXT "v=spf1 ip4:192.0.2.9 -all"\nbad IN A not-an-address\n');
        const run = await runInProcess(['check', '--ip', '192.0.2.9', '--sender', 'broken.test', '--zone', file]);
        assert.equal(run.code, 0);
        assert.match(run.stderr, new RegExp(`^warning: ${file.replace(/[.\\]/g, '\\$&')}:3:10: `, 'm'));
        assert.match(run.stdout, /^Result: pass/m);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });

  describe('bad usage: exit 2 with a message on stderr', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['a malformed IP', ['--ip', '203.0.113.256', '--sender', 'shop.example.co.jp'], /--ip: "203\.0\.113\.256" is not an IPv4 or IPv6 address/],
      ['a missing IP', ['--sender', 'shop.example.co.jp'], /--ip is required/],
      ['a sender without a domain', ['--ip', '192.0.2.1', '--sender', 'orders@'], /--sender: the domain of "orders@" cannot be checked/],
      ['a one-label sender domain', ['--ip', '192.0.2.1', '--sender', 'localhost'], /--sender: "localhost" cannot be checked/],
      ['neither sender nor domain', ['--ip', '192.0.2.1'], /give --sender ADDRESS or --domain DOMAIN/],
      ['a null sender without HELO', ['--ip', '192.0.2.1', '--sender', ''], /give --helo NAME/],
      ['an unreadable zone file', ['--ip', '192.0.2.1', '--sender', 'a.example', '--zone', '/nonexistent/x.zone'], /--zone: cannot read \/nonexistent\/x\.zone: ENOENT/],
      ['a bad timeout', ['--ip', '192.0.2.1', '--sender', 'a.example', '--timeout', '0'], /--timeout: "0" is not a number of milliseconds/],
      ['an unknown option', ['--ip', '192.0.2.1', '--sender', 'a.example', '--colour'], /Unknown option '--colour'/],
      ['a stray argument', ['--ip', '192.0.2.1', '--sender', 'a.example', 'extra'], /Unexpected argument 'extra'/],
      ['a DNS server that is not an address', ['--ip', '192.0.2.1', '--sender', 'a.example', '--dns', 'dns.example:53'], /--dns: invalid DNS server list/],
    ];
    for (const [what, argv, message] of cases) {
      it(`rejects ${what}`, async () => {
        const run = await runInProcess(['check', ...argv]);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, message);
      });
    }

    it('rejects an unknown command and no command', async () => {
      const unknown = await runInProcess(['chek']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown command "chek"/);
      const none = await runInProcess([]);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /^Usage: spf-doctor <command>/);
    });

    it('prints help with exit 0', async () => {
      const help = await runInProcess(['check', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: spf-doctor check --ip IP/);
    });
  });
});
