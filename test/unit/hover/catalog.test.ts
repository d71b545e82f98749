import assert from 'node:assert/strict';
import { HOVER_CONTENT_EN } from '../../../src/core/hover/content-en';
import { HOVER_CONTENT_JA } from '../../../src/core/hover/content-ja';
import { escapeMarkdown, hoverLanguageFor, inlineCode, rfcLink, translator } from '../../../src/core/hover/hover-text';

const en: Record<string, string> = HOVER_CONTENT_EN;
const ja: Record<string, string> = HOVER_CONTENT_JA;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
}

function rfcSections(text: string): string[] {
  return [...text.matchAll(/§(\d+(?:\.\d+)*)/g)].map((match) => match[1]).sort();
}

/** Entries with no prose of their own (a placeholder pattern or a record example). */
const SAME_IN_BOTH = new Set(['macro.line.letter', 'macro.sampleValue', 'target.domain', 'version.example']);

describe('hover catalogs', () => {
  it('have the same keys in English and Japanese', () => {
    assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  });

  it('use the same placeholders for every key', () => {
    for (const key of Object.keys(en)) assert.deepEqual(placeholders(ja[key]), placeholders(en[key]), key);
  });

  it('cite the same RFC 7208 sections for every key', () => {
    for (const key of Object.keys(en)) assert.deepEqual(rfcSections(ja[key]), rfcSections(en[key]), key);
  });

  it('translate every entry that has prose', () => {
    for (const key of Object.keys(en)) {
      assert.ok(ja[key].trim().length > 0, key);
      if (SAME_IN_BOTH.has(key)) continue;
      assert.notEqual(ja[key], en[key], `${key} is not translated`);
      assert.match(ja[key], /[\u3040-\u30ff\u4e00-\u9fff]/, `${key} has no Japanese text`);
    }
  });

  it('keep the SPF terms in the Japanese text', () => {
    assert.ok(ja['mechanism.include.summary'].includes('permerror'));
    assert.ok(ja['lookups.include'].includes('include'));
    assert.ok(ja['mechanism.ptr.summary'].includes('RFC 7208 §5.5'));
    assert.ok(ja['label.lookups'].includes('ルックアップ'));
  });

  it('fill placeholders and leave macros such as %{i} alone', () => {
    const t = translator('en');
    assert.equal(t('target.implicit', { domain: '`example.com`' }), '`example.com` (the domain being checked: no domain is given)');
    assert.ok(t('mechanism.exists.example').includes('%{i}'));
    assert.equal(t('macro.sampleValue', { macro: '$&', value: '$1' }), '$& → $1');
  });
});

describe('hoverLanguageFor', () => {
  it('picks Japanese for ja locales only', () => {
    for (const locale of ['ja', 'ja-JP', 'JA_jp']) assert.equal(hoverLanguageFor(locale), 'ja', locale);
    for (const locale of ['en', 'en-US', 'jam', 'zh-cn', '']) assert.equal(hoverLanguageFor(locale), 'en', locale);
  });
});

describe('hover Markdown helpers', () => {
  it('fence code spans longer than any backtick run inside', () => {
    assert.equal(inlineCode('v=spf1 -all'), '`v=spf1 -all`');
    assert.equal(inlineCode('a``b'), '```a``b```');
    assert.equal(inlineCode('`x'), '`` `x ``');
  });

  it('replace control characters and cut long text', () => {
    assert.equal(inlineCode('a\nb\u0000c'), '`a b c`');
    const long = inlineCode('x'.repeat(1000), 20);
    assert.equal(long, `\`${'x'.repeat(20)}…\``);
    assert.equal(inlineCode(`${'x'.repeat(19)}😀`, 20), `\`${'x'.repeat(19)}…\``);
  });

  it('escape Markdown punctuation in plain text', () => {
    assert.equal(escapeMarkdown('[x](javascript:y) *b*'), '\\[x\\]\\(javascript:y\\) \\*b\\*');
  });

  it('link RFC 7208 sections on rfc-editor.org', () => {
    assert.equal(rfcLink('5.2'), '[RFC 7208 §5.2](https://www.rfc-editor.org/rfc/rfc7208#section-5.2)');
  });
});
