import * as assert from 'node:assert/strict';
import { messageCatalog } from '../../../src/core/analyzer/messages';
import { message } from '../../../src/core/analyzer/types';
import { BUILTIN_RULES } from '../../../src/core/rules/registry';
import { JA_MESSAGES } from '../../../src/core/i18n/ja';
import { catalogForLocale, localizeMessage, placeholdersOf } from '../../../src/core/i18n/localize';

describe('Japanese message catalog', () => {
  const english = messageCatalog();

  it('has a Japanese template for every message id of the analyzer and the rules', () => {
    const missing = Object.keys(english).filter((id) => JA_MESSAGES[id] === undefined);
    assert.deepEqual(missing, []);
  });

  it('uses exactly the placeholders of the English template', () => {
    const mismatched = Object.entries(english)
      .filter(([id, template]) => JA_MESSAGES[id] !== undefined && placeholdersOf(JA_MESSAGES[id]).join() !== placeholdersOf(template).join())
      .map(([id]) => `${id}: en {${placeholdersOf(english[id]).join(', ')}} ja {${placeholdersOf(JA_MESSAGES[id]).join(', ')}}`);
    assert.deepEqual(mismatched, []);
  });

  it('holds no id of a registered rule that the English catalog lacks (a renamed key)', () => {
    const registered = new Set(['SPF000', ...BUILTIN_RULES.map((rule) => rule.meta.code)]);
    const stale = Object.keys(JA_MESSAGES).filter((id) => registered.has(id.split('.')[0]) && english[id] === undefined);
    assert.deepEqual(stale, []);
  });

  it('is written in Japanese (every template holds kana or kanji)', () => {
    const notJapanese = Object.entries(JA_MESSAGES).filter(([, template]) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(template)).map(([id]) => id);
    assert.deepEqual(notJapanese, []);
  });
});

describe('localizeMessage', () => {
  const data = message('SPF007.appendAll', 'Append "{term}"', { term: '~all' });

  it('renders the Japanese template with the arguments for ja and ja-JP', () => {
    assert.equal(localizeMessage(data, 'ja'), '"~all" を末尾に追加');
    assert.equal(localizeMessage(data, 'ja-JP'), '"~all" を末尾に追加');
  });

  it('keeps the English text for other locales and for ids without a translation', () => {
    assert.equal(localizeMessage(data, 'en'), 'Append "~all"');
    assert.equal(localizeMessage(data, 'de'), 'Append "~all"');
    assert.equal(catalogForLocale('en-US'), undefined);
    assert.equal(localizeMessage(message('SPF999.new', 'New {x}', { x: 1 }), 'ja'), 'New 1');
  });

  it('renders a phrase passed as an argument in the same language as its sentence', () => {
    const source = message('bounce.sourceNamed', 'the {provider} bounce', { provider: 'Gmail' });
    const title = message('SPF026.addAddress', 'Authorize {ip} (from {source}) — result becomes pass, {lookups}/{limit} lookups', { ip: '203.0.113.45', source, lookups: 4, limit: 10 });
    assert.equal(title.text, 'Authorize 203.0.113.45 (from the Gmail bounce) — result becomes pass, 4/10 lookups');
    assert.equal(localizeMessage(title, 'ja'), '203.0.113.45 を許可（Gmail のバウンス）— 結果は pass、ルックアップ 4/10 回');
  });
});
