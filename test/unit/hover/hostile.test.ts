import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hoverAt } from '../../../src/core/hover/hover';

/** Far more than any hover needs; every piece of document or DNS text in a hover is cut short. */
const MAX_MARKDOWN = 6000;

describe('hoverAt on hostile and huge input', () => {
  it('answers at the end of a record with 20,000 terms, with bounded text', async () => {
    const record = `v=spf1 ${'ip4:192.0.2.1 '.repeat(20000)}-all`;
    const text = `@ IN TXT "${record}"\n`;
    const result = await hoverAt(text, text.lastIndexOf('-all'), { kind: 'zone', origin: 'example.com.' });
    assert.equal(result?.part, 'qualifier');
    assert.equal(result.termIndex, 20000);
    assert.ok(result.markdown.length < MAX_MARKDOWN);
  });

  it('cuts a 60,000-character domain and a long macro expansion', async () => {
    const longDomain = `include:${'a'.repeat(60000)}.com`;
    const macros = `exists:${'%{ir}.'.repeat(5000)}example.com`;
    const text = `v=spf1 ${longDomain} ${macros} -all`;
    for (const offset of [text.indexOf('include') + 2, text.indexOf('aaaa') + 30000, text.indexOf('%{ir}') + 15000]) {
      const result = await hoverAt(text, offset, { kind: 'raw' });
      assert.ok(result, `no hover at ${offset}`);
      assert.ok(result.markdown.length < MAX_MARKDOWN, `${result.markdown.length} characters at ${offset}`);
    }
  });

  it('gives nothing for a text longer than the limit', async () => {
    const text = 'v=spf1 mx -all';
    assert.equal(await hoverAt(text, 7, { kind: 'raw', maxTextLength: 10 }), undefined);
    assert.ok(await hoverAt(text, 7, { kind: 'raw', maxTextLength: 14 }));
  });

  it('never throws, and stays inside the text, on arbitrary zone and record text', async () => {
    const pieces = fc.constantFrom('v=spf1 ', 'include:', 'a', 'mx', '/24', '//64', '%{ir}', '%{', '%%', '}', '"', ' ', '\\', '(', ')', ';', '\n', 'ip4:', '1.2.3.4', 'ip6:', '::1', 'redirect=', 'exp=', '~', '-', '?', '+', 'all', 'IN TXT ', '@ ', '\\059', 'é', '😀', '\u0000');
    const texts = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(texts, fc.nat(), fc.constantFrom('zone', 'txt-line', 'raw') as fc.Arbitrary<'zone' | 'txt-line' | 'raw'>, async (text, seed, kind) => {
        if (text.length === 0) return;
        const offset = seed % text.length;
        const result = await hoverAt(text, offset, { kind, origin: 'example.com.' });
        if (!result) return;
        assert.ok(result.range.start <= offset && offset < result.range.end, `range ${JSON.stringify(result.range)} misses ${offset}`);
        assert.ok(result.range.end <= text.length);
        assert.ok(result.markdown.length > 0 && result.markdown.length < MAX_MARKDOWN);
      }),
      { seed: 7208, numRuns: 400 },
    );
  });
});
