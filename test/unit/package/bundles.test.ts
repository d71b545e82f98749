/**
 * How `npm run build` splits the extension (scripts/bundles.mjs): dist/extension.js, loaded at
 * activation, requires dist/commands.js, dist/ja.js and dist/yaml.js instead of holding the
 * commands, the Japanese texts and the YAML reader; dist/core.js and dist/cli.js stay
 * self-contained. The integration test
 * test/integration/lazy-bundles.test.ts loads the split bundles in VS Code.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HOVER_CONTENT_JA } from '../../../src/core/hover/content-ja';
import { JA_MESSAGES } from '../../../src/core/i18n/ja';

const dist = path.join(process.cwd(), 'dist');
const bundle = (file: string): string => readFileSync(path.join(dist, file), 'utf8');
const requiredBundles = (text: string): string[] => [...text.matchAll(/require\("(\.\/[\w-]+\.js)"\)/g)].map((match) => match[1]).sort();

/** A text of `catalog` that a bundle holds verbatim (no character a string literal would escape). */
function verbatimText(catalog: Readonly<Record<string, string>>): string {
  const texts = Object.values(catalog).filter((text) => !/["'`\\\n$]/.test(text) && /[\u3040-\u30ff]/.test(text));
  assert.ok(texts.length > 0, 'no Japanese text a bundle would hold verbatim');
  return texts.sort((a, b) => b.length - a.length)[0];
}

describe('the built bundles', () => {
  it('extension.js requires the commands, the Japanese texts and the YAML reader from their own bundles', () => {
    assert.deepEqual(requiredBundles(bundle('extension.js')), ['./commands.js', './ja.js', './yaml.js']);
  });

  it('the YAML parser is in yaml.js, not in extension.js', () => {
    // The CST parser's class of the `yaml` package, by a message only it holds.
    const marker = 'Tried to pop an empty stack';
    assert.ok(bundle('yaml.js').includes(marker), 'yaml.js lacks the YAML parser');
    assert.ok(!bundle('extension.js').includes(marker), 'extension.js holds the YAML parser');
  });

  it('the Japanese texts are in ja.js, not in extension.js', () => {
    const extension = bundle('extension.js');
    const japanese = bundle('ja.js');
    for (const text of [verbatimText(JA_MESSAGES), verbatimText(HOVER_CONTENT_JA)]) {
      assert.ok(japanese.includes(text), `ja.js lacks "${text}"`);
      assert.ok(!extension.includes(text), `extension.js holds "${text}"`);
    }
  });

  it('commands.js takes postal-mime, the Japanese texts and the YAML reader from their bundles too', () => {
    assert.deepEqual(requiredBundles(bundle('commands.js')), ['./ja.js', './mime.js', './yaml.js']);
  });

  it('core.js and cli.js require no bundle of the extension', () => {
    for (const file of ['core.js', 'cli.js']) assert.deepEqual(requiredBundles(bundle(file)), [], file);
  });
});
