/**
 * Check Domain…, Show Include Tree and Forget Bounced Senders through `executeCommand` (with
 * arguments, so no input box or confirmation opens), against a DNS server on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckDomainOutcome } from '../../src/extension/commands/check-domain';
import type { IncludeTreeOutcome } from '../../src/extension/commands/show-include-tree';
import { Commands } from '../../src/extension/constants';
import { TestDnsServer } from '../support/dns-server';
import { revertAndCloseAll, useTestDnsServer } from './diagnostics-helpers';
import { openFixture } from './helpers';
import { analyzeWholeBounce, OUTSIDE_RECORDS, reportText, SEED_BOUNCE } from './seed-support';

describe('commands: Check Domain, Show Include Tree, Forget Bounced Senders', () => {
  const server = new TestDnsServer([
    ...OUTSIDE_RECORDS,
    { name: 'shop.example.co.jp', type: 'TXT', value: ['v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ~all'] },
    { name: 'shop.example.co.jp', type: 'A', value: '198.51.100.10' },
    { name: 'shop.example.co.jp', type: 'MX', value: { preference: 10, exchange: 'mail.shop.example.co.jp' } },
    { name: 'mail.shop.example.co.jp', type: 'A', value: '198.51.100.25' },
  ]);

  useTestDnsServer(server, 1000);

  afterEach(revertAndCloseAll);

  it('Check Domain reports the live record, its include tree with counters and the verdict for an IP', async () => {
    const outcome = await vscode.commands.executeCommand<CheckDomainOutcome>(Commands.checkDomain, 'shop.example.co.jp', '192.0.2.130');
    assert.ok(outcome);
    assert.equal(await reportText(outcome.reportUri), outcome.markdown);
    assert.match(outcome.markdown, /`v=spf1 \+a:sv1234\.xserver\.jp \+a:shop\.example\.co\.jp \+mx include:spf\.sender\.xserver\.jp ~all`/);
    assert.match(outcome.markdown, /Total: 4\/10 DNS lookups, 0\/2 void lookups\./);
    assert.match(outcome.markdown, /- `\+a:sv1234\.xserver\.jp` — 1 lookup\(s\) — `192\.0\.2\.34`/);
    assert.match(outcome.markdown, /- `\+mx` — 1 lookup\(s\) — `198\.51\.100\.25`/);
    assert.match(outcome.markdown, /- `ip4:192\.0\.2\.128\/25` — `192\.0\.2\.128\/25`/);
    assert.match(outcome.markdown, /`192\.0\.2\.130` gets \*\*pass\*\* from `include:spf\.sender\.xserver\.jp` for `shop\.example\.co\.jp`/);
    assert.match(outcome.markdown, /Live DNS was used/);
  });

  it('Check Domain without an IP shows the record and tree only, and refuses a name that is not a domain', async () => {
    const outcome = await vscode.commands.executeCommand<CheckDomainOutcome>(Commands.checkDomain, 'news.example.org');
    assert.ok(outcome);
    assert.match(outcome.markdown, /No IP address given/);
    assert.equal(await vscode.commands.executeCommand(Commands.checkDomain, 'not a domain!', ''), undefined);
    assert.equal(await vscode.commands.executeCommand(Commands.checkDomain, 'example.org', '203.0.113.999'), undefined);
  });

  it('Show Include Tree reports the tree of the record under the cursor', async () => {
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ language: 'zone', content: 'tree.example. 300 IN TXT "v=spf1 include:spf.sender.xserver.jp a:sv1234.xserver.jp -all"\n' }),
    );
    editor.selection = new vscode.Selection(new vscode.Position(0, 30), new vscode.Position(0, 30));
    const outcome = await vscode.commands.executeCommand<IncludeTreeOutcome>(Commands.showIncludeTree);
    assert.ok(outcome);
    assert.equal(outcome.domain, 'tree.example');
    assert.match(outcome.markdown, /Total: 2\/10 DNS lookups/);
    assert.match(outcome.markdown, /- \*\*`spf\.sender\.xserver\.jp`\*\* — 0 lookup\(s\)/);
  });

  it('Forget Bounced Senders clears what Analyze Selection remembered', async () => {
    await vscode.commands.executeCommand(Commands.forgetBouncedSenders, { confirm: true });
    await analyzeWholeBounce(await openFixture(SEED_BOUNCE));
    assert.equal(await vscode.commands.executeCommand(Commands.forgetBouncedSenders, { confirm: true }), 1);
    assert.equal(await vscode.commands.executeCommand(Commands.forgetBouncedSenders, { confirm: true }), 0);
  });
});
