/**
 * The built command (`dist/cli.js`, made by `npm run build`, which `npm test` and
 * `npm run test:unit` run first) in a child process: exit codes, stdout/stderr, and the same
 * seed-case results from zone files and over the wire as in-process.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TestDnsServer } from '../../support/dns-server';
import { CLI_BUNDLE, ROOT, SHOP_ZONE, XSERVER_ZONE, runBinary, wireRecords } from './cli-helpers';

describe('spf-doctor (dist/cli.js in a child process)', () => {
  before(() => {
    assert.ok(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: run npm run build first`);
  });

  it('starts with a shebang, as the package.json bin entry needs', () => {
    assert.ok(readFileSync(CLI_BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runBinary(['--version']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `spf-doctor ${version}\n`);
  });

  it('checks the seed case from zone files: softfail for 203.0.113.45 (exit 0)', async () => {
    const run = await runBinary(['check', '--ip', '203.0.113.45', '--sender', 'shop.example.co.jp', '--zone', SHOP_ZONE, '--zone', XSERVER_ZONE]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Result: softfail for 203\.0\.113\.45 and shop\.example\.co\.jp$/m);
    assert.match(run.stdout, /decided by: ~all in shop\.example\.co\.jp/);
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'a pipe is not a terminal: no colour');
  });

  it('checks over the wire against a local DNS server: pass for the MX host, softfail for 203.0.113.45', async () => {
    const server = new TestDnsServer(wireRecords(SHOP_ZONE, XSERVER_ZONE));
    await server.start();
    try {
      const pass = await runBinary(['check', '--ip', '198.51.100.25', '--sender', 'orders@shop.example.co.jp', '--dns', server.address, '--json']);
      assert.equal(pass.code, 0, pass.stderr);
      const report = JSON.parse(pass.stdout) as { result: string; decidedBy: { term: string } };
      assert.equal(report.result, 'pass');
      assert.equal(report.decidedBy.term, '+mx');
      const softfail = await runBinary(['check', '--ip', '203.0.113.45', '--sender', 'orders@shop.example.co.jp', '--dns', server.address]);
      assert.equal(softfail.code, 0, softfail.stderr);
      assert.match(softfail.stdout, /^Result: softfail/m);
      assert.ok(server.count({ name: 'shop.example.co.jp', type: 'TXT' }) >= 2, 'both runs asked the test server');
    } finally {
      await server.stop();
    }
  });

  it('exits 2 with a message on stderr for bad usage', async () => {
    const run = await runBinary(['check', '--ip', 'not-an-ip', '--sender', 'shop.example.co.jp']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /--ip: "not-an-ip" is not an IPv4 or IPv6 address/);
  });
});
