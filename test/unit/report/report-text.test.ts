import * as assert from 'node:assert/strict';
import { placeholdersOf } from '../../../src/core/i18n/localize';
import { REPORT_CATALOGS, reportLanguageFor, reportTranslator } from '../../../src/core/report/report-text';

describe('report catalogs', () => {
  it('has the same keys and placeholders in English and Japanese, and no empty template', () => {
    const { en, ja } = REPORT_CATALOGS;
    assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      assert.deepEqual(placeholdersOf(ja[key]), placeholdersOf(en[key]), key);
      assert.ok(en[key].length > 0 && ja[key].length > 0, key);
    }
  });

  it('follows the display language: ja and ja-JP get Japanese, everything else English', () => {
    assert.equal(reportLanguageFor('ja'), 'ja');
    assert.equal(reportLanguageFor('ja-JP'), 'ja');
    assert.equal(reportLanguageFor('en-US'), 'en');
    assert.equal(reportLanguageFor('jam'), 'en');
    assert.equal(reportTranslator('ja')('line', { line: 17 }), '17 行目');
  });
});
