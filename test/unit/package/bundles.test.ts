/**
 * How `npm run build` splits the extension (scripts/bundles.mjs): dist/extension.js, loaded at
 * activation, requires dist/commands.js and dist/ja.js instead of holding the commands and the
 * Japanese texts; dist/core.js and dist/cli.js stay self-contained. The integration test
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
  it('extension.js requires the commands and the Japanese texts from their own bundles', () => {
    assert.deepEqual(requiredBundles(bundle('extension.js')), ['./commands.js', './ja.js']);
  });

  it('the Japanese texts are in ja.js, not in extension.js', () => {
    const extension = bundle('extension.js');
    const japanese = bundle('ja.js');
    for (const text of [verbatimText(JA_MESSAGES), verbatimText(HOVER_CONTENT_JA)]) {
      assert.ok(japanese.includes(text), `ja.js lacks "${text}"`);
      assert.ok(!extension.includes(text), `extension.js holds "${text}"`);
    }
  });

  it('commands.js takes postal-mime and the Japanese texts from their bundles too', () => {
    assert.deepEqual(requiredBundles(bundle('commands.js')), ['./ja.js', './mime.js']);
  });

  it('core.js and cli.js require no bundle of the extension', () => {
    for (const file of ['core.js', 'cli.js']) assert.deepEqual(requiredBundles(bundle(file)), [], file);
  });
});
