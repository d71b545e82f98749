/**
 * The bundles the extension loads on first use (scripts/bundles.mjs): the palette commands come
 * from dist/commands.js, required when a command first runs; the YAML reader from dist/yaml.js,
 * when a YAML file is first read; the Japanese texts stay in
 * dist/ja.js, which an English session never reads (hovers and diagnostics render in English
 * without it), and which holds the core's Japanese catalogs for a Japanese one.
 */
import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { JA_MESSAGES } from '../../src/core/i18n/ja';
import { HOVER_CONTENT_JA } from '../../src/core/hover/content-ja';
import { Commands, EXTENSION_ID } from '../../src/extension/constants';
import { rangeOfText, revertAndCloseAll, setSetting, waitForCode } from './diagnostics-helpers';
import { openFixture, waitForCondition } from './helpers';

/** The path of one of the installed extension's bundles. */
function bundlePath(file: string): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
  return realpathSync(path.join(extension.extensionPath, 'dist', file));
}

/** Whether the extension host has loaded the module at `file` (a real path). */
function isLoaded(file: string): boolean {
  return Object.keys(require.cache).some((loaded) => realpathSync(loaded) === file);
}

describe('SPF Doctor: bundles loaded on first use', () => {
  before(() => setSetting('dns.enabled', false));
  after(() => setSetting('dns.enabled', undefined));
  afterEach(revertAndCloseAll);

  it('runs a palette command from dist/commands.js', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await openFixture('example.zone');
    await waitForCondition(() => extension?.isActive === true, 'activation on a zone file');
    const forgotten = await vscode.commands.executeCommand<number>(Commands.forgetBouncedSenders, { confirm: true });
    assert.equal(typeof forgotten, 'number');
    assert.ok(isLoaded(bundlePath('commands.js')), 'dist/commands.js was not loaded by running a command');
  });

  it('reads a YAML DNS-as-code file with the reader of dist/yaml.js', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: "records:\n  - type: TXT\n    value: 'v=spf1 a a -all'\n" });
    await vscode.window.showTextDocument(document);
    await waitForCode(document, 'SPF013');
    assert.ok(isLoaded(bundlePath('yaml.js')), 'dist/yaml.js was not loaded by reading a YAML file');
  });

  it('shows English hovers without reading dist/ja.js, which holds the Japanese catalogs', async () => {
    assert.doesNotMatch(vscode.env.language, /^ja/i, 'this test needs a non-Japanese display language');
    const { document } = await openFixture('example.zone');
    const position = rangeOfText(document, '~all').start;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /rfc7208#section-/, 'no SPF Doctor hover on ~all');
    const japanese = bundlePath('ja.js');
    assert.equal(isLoaded(japanese), false, 'dist/ja.js was loaded in an English session');
    const texts = require(japanese) as { JA_MESSAGES: unknown; HOVER_CONTENT_JA: unknown };
    assert.deepEqual(texts.JA_MESSAGES, JA_MESSAGES);
    assert.deepEqual(texts.HOVER_CONTENT_JA, HOVER_CONTENT_JA);
  });
});
