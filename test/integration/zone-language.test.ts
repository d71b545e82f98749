import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ZONE_LANGUAGE_ID } from '../../src/extension/constants';
import { closeAllEditors, openFixture } from './helpers';

describe('zone language', () => {
  afterEach(closeAllEditors);

  for (const fixture of ['example.zone', 'db.example.com', 'zones/primary']) {
    it(`marks ${fixture} as a DNS zone file`, async () => {
      const editor = await openFixture(fixture);
      assert.equal(editor.document.languageId, ZONE_LANGUAGE_ID);
    });
  }

  // `db.*` is a file-name pattern, which VS Code ranks above file extensions: without the
  // associations the extension contributes, a project's db.ts or db.json would open as a zone.
  for (const [fixture, language] of [['app/db.ts', 'typescript'], ['app/db.json', 'json'], ['app/db.py', 'python']]) {
    it(`keeps ${fixture} in its own language (${language}), not zone`, async () => {
      const editor = await openFixture(fixture);
      assert.equal(editor.document.languageId, language);
    });
  }

  it('leaves other text files alone', async () => {
    const editor = await openFixture('bounce.txt');
    assert.equal(editor.document.languageId, 'plaintext');
  });

  it('is listed with the title "DNS Zone File" and its grammar', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes(ZONE_LANGUAGE_ID));
    const extension = vscode.extensions.all.find((candidate) =>
      (candidate.packageJSON.contributes?.grammars ?? []).some((grammar: { scopeName?: string }) => grammar.scopeName === 'source.zone'),
    );
    assert.ok(extension, 'no extension contributes the source.zone grammar');
    const language = extension.packageJSON.contributes.languages.find((entry: { id: string }) => entry.id === ZONE_LANGUAGE_ID);
    assert.equal(language.aliases[0], 'DNS Zone File');
    const grammarFile = vscode.Uri.joinPath(extension.extensionUri, 'syntaxes/zone.tmLanguage.json');
    const grammar = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(grammarFile)));
    assert.equal(grammar.scopeName, 'source.zone');
  });
});
