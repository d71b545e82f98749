import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, ZONE_LANGUAGE_ID } from '../../src/extension/constants';
import { closeAllEditors, openFixture, waitForCondition } from './helpers';

describe('activation', () => {
  afterEach(closeAllEditors);

  it('activates when a zone file is opened and registers its command', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
    const editor = await openFixture('example.zone');
    assert.equal(editor.document.languageId, ZONE_LANGUAGE_ID);
    await waitForCondition(() => extension.isActive, 'activation on a zone file');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(Commands.analyzeSelection), `${Commands.analyzeSelection} is not registered`);
  });
});
