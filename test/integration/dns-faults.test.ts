/**
 * DNS faults and hostile records at the extension level, against DNS servers the suite starts
 * on 127.0.0.1: a server that is down (closed port), slow (5 s, with a 300 ms timeout), SERVFAIL,
 * truncated over UDP (TC, then TCP) and lying (an A record where TXT was asked). The commands
 * return, the report names the failing query, the document-only diagnostics come before the
 * DNS ones, and the server sees a bounded number of queries (no retry loop). Hostile records
 * (include loop, 11 nested includes, a huge macro) end in their defined diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckDomainOutcome } from '../../src/extension/commands/check-domain';
import { Commands } from '../../src/extension/constants';
import { TestDnsServer, type Behaviour, type TestRecord } from '../support/dns-server';
import { codeOf, revertAndCloseAll, setSetting, spfDiagnostics, useTestDnsServer, waitForDiagnostics } from './diagnostics-helpers';
import { analyzeWholeBounce, fixtureText, SEED_BOUNCE } from './seed-support';

const TIMEOUT_MS = 300;
/** c-ares tries per query (NodeResolver's default), and failed answers are cached for the session: one lookup per name. */
const MAX_QUERIES_PER_NAME = 2;

/** `<case>.faults.test` includes `inc.<case>.faults.test`, which authorises 192.0.2.0/24. */
function faultRecords(name: string): TestRecord[] {
  return [
    { name: `${name}.faults.test`, type: 'TXT', value: [`v=spf1 include:inc.${name}.faults.test -all`] },
    { name: `inc.${name}.faults.test`, type: 'TXT', value: ['v=spf1 ip4:192.0.2.0/24 -all'] },
  ];
}

async function checkDomain(domain: string, ip: string): Promise<string> {
  const outcome = await vscode.commands.executeCommand<CheckDomainOutcome>(Commands.checkDomain, domain, ip);
  assert.ok(outcome, `Check Domain returned nothing for ${domain}`);
  return outcome.markdown;
}

describe('DNS faults and hostile records through the extension', () => {
  const server = new TestDnsServer();

  useTestDnsServer(server, TIMEOUT_MS);

  afterEach(async () => {
    await vscode.commands.executeCommand(Commands.forgetBouncedSenders, { confirm: true });
    await revertAndCloseAll();
  });

  const failing: { name: string; behaviour: Behaviour; says: RegExp }[] = [
    { name: 'servfail', behaviour: { respond: 'servfail' }, says: /answered SERVFAIL/ },
    { name: 'slow', behaviour: { delayMs: 5000 }, says: new RegExp(`no answer from server 127\\.0\\.0\\.1:\\d+ \\(timeout ${TIMEOUT_MS} ms`) },
  ];
  for (const { name, behaviour, says } of failing) {
    it(`${name}: Check Domain names the failing query, guesses no verdict and asks the server a bounded number of times`, async () => {
      server.addRecords(...faultRecords(name));
      server.setBehaviour(`inc.${name}.faults.test`, 'TXT', behaviour);
      const report = await checkDomain(`${name}.faults.test`, '192.0.2.10');
      assert.match(report, new RegExp(`Cannot verify: \`TXT inc\\.${name}\\.faults\\.test: [^\`]*\` could not be resolved`));
      assert.match(report, says);
      assert.match(report, /Incomplete, the totals are lower bounds/);
      const queries = server.count({ name: `inc.${name}.faults.test` });
      assert.ok(queries >= 1 && queries <= MAX_QUERIES_PER_NAME, `${queries} queries for the failing name`);
    });
  }

  it('truncated: the answer is fetched again over TCP and the verdict is computed', async () => {
    server.addRecords(...faultRecords('truncated'));
    server.setBehaviour('inc.truncated.faults.test', 'TXT', { truncateUdp: 'empty' });
    const report = await checkDomain('truncated.faults.test', '192.0.2.10');
    assert.match(report, /`192\.0\.2\.10` gets \*\*pass\*\* from `include:inc\.truncated\.faults\.test` for `truncated\.faults\.test`/);
    assert.ok(server.count({ name: 'inc.truncated.faults.test', transport: 'tcp' }) >= 1, 'TCP was used');
    assert.ok(server.count({ name: 'inc.truncated.faults.test' }) <= 2 * MAX_QUERIES_PER_NAME);
  });

  it('lying: an A record where TXT was asked counts as no SPF record (include → permerror), not as an answer', async () => {
    server.addRecords(...faultRecords('lying'));
    server.setBehaviour('inc.lying.faults.test', 'TXT', { respond: 'lie' });
    const report = await checkDomain('lying.faults.test', '192.0.2.10');
    assert.match(report, /\*\*`inc\.lying\.faults\.test`\*\* — 0 lookup\(s\) — record: no-spf/);
    assert.match(report, /`192\.0\.2\.10` gets \*\*permerror\*\*/);
    assert.ok(server.count({ name: 'inc.lying.faults.test' }) <= MAX_QUERIES_PER_NAME);
  });

  it('down: a closed port is reported with the failing query, and the command returns', async () => {
    const closed = new TestDnsServer();
    await closed.start();
    const address = closed.address;
    await closed.stop();
    await setSetting('dns.servers', [address]);
    try {
      const report = await checkDomain('down.faults.test', '192.0.2.10');
      assert.match(report, /`TXT down\.faults\.test: [^`]*(refused the connection|no answer from server)[^`]*`/);
      assert.match(report, /Cannot verify/);
    } finally {
      await setSetting('dns.servers', [server.address]);
    }
  });

  it('slow: the document-only diagnostics are published before the DNS analysis ends, which then names the failing query', async () => {
    server.addRecords({ name: 'docslow.faults.test', type: 'TXT', value: ['v=spf1 -all'] }, { name: 'inc-docslow.faults.test', type: 'TXT', value: ['v=spf1 ip4:198.51.100.99 -all'] });
    server.setBehaviour('inc-docslow.faults.test', 'TXT', { delayMs: 5000 });
    const bounceText = fixtureText(SEED_BOUNCE).replaceAll('shop.example.co.jp', 'docslow.faults.test').replaceAll('203.0.113.45', '198.51.100.99');
    await analyzeWholeBounce(await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: bounceText })));

    const document = await vscode.workspace.openTextDocument({ language: 'zone', content: 'docslow.faults.test. 300 IN TXT "v=spf1 include:inc-docslow.faults.test ptr -all"\n' });
    const snapshots: string[][] = [];
    const record = () => {
      const codes = spfDiagnostics(document).map((diagnostic) => codeOf(diagnostic) ?? '');
      if (codes.length > 0 && codes.join() !== snapshots.at(-1)?.join()) snapshots.push(codes);
    };
    record();
    const subscription = vscode.languages.onDidChangeDiagnostics(record);
    try {
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitForDiagnostics(document, (list) => list.some((item) => codeOf(item) === 'SPF026'), 'SPF026 after the slow DNS');
      const spf026 = diagnostics.find((item) => codeOf(item) === 'SPF026');
      assert.match(spf026?.message ?? '', /is incomplete: TXT inc-docslow\.faults\.test could not be resolved/);
    } finally {
      subscription.dispose();
    }
    assert.deepEqual(snapshots[0], ['SPF010'], 'the document-only finding (ptr) came first, alone');
    assert.ok(snapshots.at(-1)?.includes('SPF026'));
    assert.ok(server.count({ name: 'inc-docslow.faults.test' }) <= MAX_QUERIES_PER_NAME, `${server.count({ name: 'inc-docslow.faults.test' })} queries`);
  });

  it('hostile records (include loop, 11 nested includes, a huge macro) end in their diagnostics', async () => {
    const deep = Array.from({ length: 11 }, (_, index) => `d${index + 1}.deep.ext.test`);
    server.addRecords(
      { name: 'a.loop.ext.test', type: 'TXT', value: ['v=spf1 include:b.loop.ext.test -all'] },
      { name: 'b.loop.ext.test', type: 'TXT', value: ['v=spf1 include:a.loop.ext.test -all'] },
      ...deep.map((name, index): TestRecord => ({ name, type: 'TXT', value: [index + 1 < deep.length ? `v=spf1 include:${deep[index + 1]} -all` : 'v=spf1 ip4:192.0.2.1 -all'] })),
    );
    const macro = `v=spf1 exists:${'%{ir}.'.repeat(100)}_spf.%{d} -all`;
    const strings = (macro.match(/.{1,250}/g) ?? []).map((piece) => `"${piece}"`).join(' ');
    const content = [
      '$ORIGIN hostile.test.',
      'loop 300 IN TXT "v=spf1 include:a.loop.ext.test -all"',
      'deep 300 IN TXT "v=spf1 include:d1.deep.ext.test -all"',
      `macro 300 IN TXT ( ${strings} )`,
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'zone', content });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(
      document,
      (list) => ['SPF023', 'SPF020', 'SPF018'].every((code) => list.some((item) => codeOf(item) === code)),
      'SPF023, SPF020 and SPF018',
    );
    const lineOf = (code: string) => diagnostics.find((item) => codeOf(item) === code)?.range.start.line;
    assert.equal(lineOf('SPF023'), 1);
    assert.equal(lineOf('SPF020'), 2);
    assert.equal(lineOf('SPF018'), 3);
    assert.ok(!diagnostics.some((item) => codeOf(item) === 'SPF000'), 'no rule failed');
    assert.match(diagnostics.find((item) => codeOf(item) === 'SPF020')?.message ?? '', /\b11 DNS lookups/);
  });
});
