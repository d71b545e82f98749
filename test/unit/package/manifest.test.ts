import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Commands, ZONE_LANGUAGE_ID } from '../../../src/extension/constants';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

/** A manifest string as VS Code shows it in English (`%key%` looked up in package.nls.json). */
function english(value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : nls[key];
}

describe('extension manifest (package.json)', () => {
  it('qualifies for VS Code 1.100 with matching API types', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
  });

  it('activates on explicit events only', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    const codeLanguages: string[] = manifest.contributes.configuration.properties['spfDoctor.codeLanguages'].default;
    assert.deepEqual(manifest.activationEvents, [
      `onLanguage:${ZONE_LANGUAGE_ID}`,
      `onCommand:${Commands.analyzeSelection}`,
      ...codeLanguages.map((language) => `onLanguage:${language}`),
    ]);
  });

  it('declares the zone language with its associations, configuration and grammar', () => {
    const language = manifest.contributes.languages.find((entry: { id: string }) => entry.id === ZONE_LANGUAGE_ID);
    assert.equal(language.aliases[0], 'DNS Zone File');
    assert.deepEqual(language.extensions, ['.zone', '.zonefile']);
    assert.deepEqual(language.filenamePatterns, ['db.*']);
    const firstLine = new RegExp(language.firstLine);
    assert.ok(firstLine.test('$ORIGIN example.com.'));
    assert.ok(firstLine.test('$TTL 3600'));
    assert.ok(!firstLine.test('; $ORIGIN in a comment'));
    const configuration = JSON.parse(readFileSync(path.join(root, language.configuration), 'utf8'));
    assert.equal(configuration.comments.lineComment, ';');
    const grammar = manifest.contributes.grammars.find((entry: { language: string }) => entry.language === ZONE_LANGUAGE_ID);
    assert.equal(JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8')).scopeName, grammar.scopeName);
  });

  it('contributes "SPF Doctor: Analyze Selection" with the id the code registers', () => {
    const command = manifest.contributes.commands.find((entry: { command: string }) => entry.command === Commands.analyzeSelection);
    assert.equal(english(command.title), 'Analyze Selection');
    assert.equal(english(command.category), 'SPF Doctor');
  });

  it('declares limited support for untrusted workspaces and support for virtual ones', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(english(manifest.capabilities.untrustedWorkspaces.description), /no DNS queries/);
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['spfDoctor.dns.enabled', 'spfDoctor.dns.servers']);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('packages only what the installed extension needs (vsce ls with the .vscodeignore allow-list)', () => {
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/THIRD-PARTY-NOTICES.txt',
      'dist/commands.js',
      'dist/extension.js',
      'dist/ja.js',
      'dist/mime.js',
      'dist/yaml.js',
      ...readdirSync(path.join(root, 'docs', 'rules')).map((file) => `docs/rules/${file}`),
      'l10n/bundle.l10n.ja.json',
      'language-configuration.json',
      'media/icon.png',
      'package.json',
      'package.nls.ja.json',
      'package.nls.json',
      'syntaxes/zone.tmLanguage.json',
    ];
    assert.deepEqual(
      listed.filter((file) => !file.endsWith('.js.LEGAL.txt')),
      expected,
    );
  });
});
