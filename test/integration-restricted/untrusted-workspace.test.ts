/**
 * Restricted Mode for real: code-server runs with workspace trust on, so the workspace folder (a
 * throw-away copy of the seed fixtures) opens untrusted. The DNS servers setting points at a DNS
 * server the test starts on 127.0.0.1 from the user settings, and at a second one from the
 * workspace settings (restricted, so VS Code ignores it); the features still work on the document
 * alone, the bounce report says why no DNS query was sent, and neither server receives one.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../src/extension/constants';
import { TestDnsServer } from '../support/dns-server';
import { rangeOfText, revertAndCloseAll, setSetting, waitForCode } from '../integration/diagnostics-helpers';
import { waitForEvent } from '../integration/helpers';
import { analyzeWholeBounce, OUTSIDE_RECORDS, reportText, SEED_BOUNCE, SEED_ZONE } from '../integration/seed-support';

function workspaceFile(relativePath: string): vscode.Uri {
  const [folder] = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folder, 'the runner opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function open(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(relativePath)));
}

describe('restricted mode (untrusted workspace)', () => {
  const userServer = new TestDnsServer(OUTSIDE_RECORDS);
  const workspaceServer = new TestDnsServer(OUTSIDE_RECORDS);
  const queries = () => userServer.count() + workspaceServer.count();

  before(async () => {
    if (vscode.workspace.isTrusted !== false) {
      throw new Error(`this suite needs an untrusted workspace, but vscode.workspace.isTrusted is ${vscode.workspace.isTrusted}: was code-server started with --disable-workspace-trust?`);
    }
    await Promise.all([userServer.start(), workspaceServer.start()]);
    await setSetting('dns.servers', [userServer.address]);
    await setSetting('dns.timeoutMs', 1000);
    const config = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);
    await config().update('dns.servers', [workspaceServer.address], vscode.ConfigurationTarget.Workspace);
    // dns.timeoutMs is not restricted: once its workspace value is seen, the settings file holding both has been read.
    await config().update('dns.timeoutMs', 1500, vscode.ConfigurationTarget.Workspace);
    await waitForEvent([vscode.workspace.onDidChangeConfiguration], () => config().inspect('dns.timeoutMs')?.workspaceValue === 1500, 'the workspace settings');
  });

  after(async () => {
    await setSetting('dns.servers', undefined);
    await setSetting('dns.timeoutMs', undefined);
    await Promise.all([userServer.stop(), workspaceServer.stop()]);
  });

  afterEach(revertAndCloseAll);

  it('opens the workspace untrusted and ignores the restricted DNS setting of the workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const settingsFile = readFileSync(workspaceFile('.vscode/settings.json').fsPath, 'utf8');
    assert.ok(settingsFile.includes(workspaceServer.address), 'the workspace settings file holds the workspace-level servers');
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    assert.equal(config.get('dns.timeoutMs'), 1500, 'unrestricted workspace settings apply');
    assert.deepEqual(config.get('dns.servers'), [userServer.address], 'the user-level servers apply, the workspace-level ones do not');
  });

  it('diagnoses the seed zone from the document alone (with a ptr added, SPF010)', async () => {
    const seed = readFileSync(workspaceFile(SEED_ZONE).fsPath, 'utf8');
    const content = seed.replace('include:spf.sender.xserver.jp ~all', 'include:spf.sender.xserver.jp ptr ~all');
    assert.notEqual(content, seed);
    const document = await vscode.workspace.openTextDocument({ language: 'zone', content });
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitForCode(document, 'SPF010');
    assert.deepEqual(diagnostic.range, rangeOfText(document, 'ptr ~all').with({ end: rangeOfText(document, ' ~all').start }));
    assert.equal(queries(), 0, 'no DNS query reached either test server');
  });

  it('explains the seed bounce without DNS, says why in the report and the include hover, and sends no query', async () => {
    const outcome = await analyzeWholeBounce(await open(SEED_BOUNCE));
    const report = await reportText(outcome.reportUri);
    assert.match(report, /Client IP: \*\*`203\.0\.113\.45`\*\*/);
    assert.match(report, /Cannot verify: `A sv1234\.xserver\.jp: not resolved, the workspace is not trusted`/);
    assert.match(report, /No DNS query was sent: this workspace is not trusted \(Restricted Mode\)\./);

    const zone = vscode.workspace.textDocuments.find((document) => document.uri.toString() === outcome.zoneUri);
    assert.ok(zone, `the report opens the workspace zone file (${String(outcome.zoneUri)})`);
    const diagnostic = await waitForCode(zone, 'SPF026');
    assert.equal(diagnostic.range.start.line, 16);
    assert.match(diagnostic.message, /^The verdict for 203\.0\.113\.45 \(from the Gmail bounce\) is incomplete: .*TXT spf\.sender\.xserver\.jp could not be resolved/);

    const position = rangeOfText(zone, 'include:spf.sender').start;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', zone.uri, position)) ?? [];
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.ok(text.includes('`include` · mechanism'), text);
    assert.ok(text.includes('Live DNS is off or the workspace is not trusted: the record of `spf.sender.xserver.jp` is not shown.'), text);

    assert.equal(queries(), 0, 'no DNS query reached either test server');
  });
});
