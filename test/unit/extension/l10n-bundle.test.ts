import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** The message keys of every `l10n.t('…')` call in the extension's sources (string literals only). */
function l10nKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const call = /\bl10n\.t\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\$])*)`)/g;
  for (const file of sourceFiles(path.join(root, 'src', 'extension'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) {
      const raw = match[1] ?? match[2] ?? match[3];
      keys.set(raw.replace(/\\(.)/g, '$1'), path.relative(root, file));
    }
  }
  return keys;
}

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\d+)\}/g)].map((match) => match[1]))].sort().join();
}

describe('extension strings (l10n bundles)', () => {
  const keys = l10nKeys();
  const ja: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8'));

  it('finds the l10n.t calls of the extension', () => {
    assert.ok(keys.size >= 5, `only ${keys.size} l10n.t keys found`);
  });

  it('has a Japanese translation of every l10n.t key, with the same placeholders', () => {
    const missing = [...keys].filter(([key]) => ja[key] === undefined).map(([key, file]) => `${file}: ${key}`);
    assert.deepEqual(missing, []);
    const mismatched = [...keys.keys()].filter((key) => ja[key] !== undefined && placeholders(key) !== placeholders(ja[key]));
    assert.deepEqual(mismatched, []);
  });

  it('holds no translation of a string the code no longer uses', () => {
    assert.deepEqual(Object.keys(ja).filter((key) => !keys.has(key)), []);
  });

  it('translates every package.nls.json key in package.nls.ja.json, and package.json uses only defined keys', () => {
    const english: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
    const japanese: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.ja.json'), 'utf8'));
    assert.deepEqual(Object.keys(japanese).sort(), Object.keys(english).sort());
    const used = [...readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(used.length > 10);
    assert.deepEqual(used.filter((key) => english[key] === undefined), []);
    assert.deepEqual(Object.keys(english).filter((key) => !used.includes(key)), []);
  });
});
