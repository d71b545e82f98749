import assert from 'node:assert/strict';
import { readDocument } from '../../../src/core/analyzer/document';
import { hoverAt } from '../../../src/core/hover/hover';
import type { HoverOptions, SpfHover } from '../../../src/core/hover/types';

/** A zone with a term split across two strings, and a parenthesised record with every other term kind. */
const ZONE = [
  '$ORIGIN shop.example.co.jp.',
  '$TTL 3600',
  '; v=spf1 include:commented.example.com -all',
  '@ IN TXT "v=spf1 ip4:192.0.2.0/24 inc" "lude:_spf.example.com ~all"',
  '@ IN TXT "google-site-verification=abc include:x.example.com"',
  '_spf IN TXT ( "v=spf1 a/24//64 mx:mail.example.com ptr ip6:2001:db8::/32 "',
  '              "exists:%{ir}.%{v}._spf.%{d2} ?all redirect=_spf.example.net exp=why.%{l1r-}.example.com note=x%%y" )',
  '',
].join('\n');

const ZONE_OPTIONS: HoverOptions = { kind: 'zone' };

/** Offset of `needle` in the zone, after `after` when given (so repeated text can be told apart). */
function at(needle: string, after = ''): number {
  const from = after ? ZONE.indexOf(after) : 0;
  assert.ok(from >= 0, `fixture lacks ${after}`);
  const offset = ZONE.indexOf(needle, from);
  assert.ok(offset >= 0, `fixture lacks ${needle}`);
  return offset;
}

async function hover(offset: number, options: HoverOptions = ZONE_OPTIONS): Promise<SpfHover> {
  const result = await hoverAt(ZONE, offset, options);
  assert.ok(result, `no hover at ${offset} (${JSON.stringify(ZONE.slice(offset, offset + 10))})`);
  return result;
}

function link(section: string): string {
  return `[RFC 7208 §${section}](https://www.rfc-editor.org/rfc/rfc7208#section-${section})`;
}

interface Case {
  what: string;
  /** The document piece the hover covers, found with indexOf (after `after`). */
  piece: string;
  after?: string;
  /** The text inside the piece whose first, middle and last characters are hovered (default: the piece). */
  probe?: string;
  part: SpfHover['part'];
  section: string;
  /** Start of the "DNS lookups" line. */
  lookups?: RegExp;
  /** Other text the hover must contain. */
  mentions?: string[];
}

const CASES: Case[] = [
  { what: 'the version tag', piece: 'v=spf1', after: '@ IN TXT', part: 'version', section: '4.5', lookups: /\*\*DNS lookups:\*\* 0 — no DNS query/ },
  { what: 'an ip4 network', piece: '192.0.2.0', part: 'network', section: '5.6', lookups: /\*\*DNS lookups:\*\* 0 —/, mentions: ['`192.0.2.0` – `192.0.2.255`: 256 addresses'] },
  { what: 'an ip4 prefix length', piece: '/24', after: 'ip4:', part: 'cidr', section: '5.6', mentions: ['`192.0.2.0` – `192.0.2.255`: 256 addresses', 'IPv4 prefix length'] },
  { what: 'the first piece of a split include', piece: 'inc', after: '/24 ', part: 'term', section: '5.2', lookups: /\*\*DNS lookups:\*\* 1, plus every lookup of the included record/ },
  { what: 'the second piece of a split include', piece: 'lude:_spf.example.com', probe: 'lude:', part: 'term', section: '5.2', lookups: /\*\*DNS lookups:\*\* 1, plus/ },
  { what: 'the domain of a split include', piece: '_spf.example.com', after: 'lude:', part: 'domain', section: '5.2', mentions: ['**Target:** `_spf.example.com`'] },
  { what: 'a softfail qualifier on all', piece: '~', after: 'lude:', part: 'qualifier', section: '4.6.2', mentions: ['`~` softfail', '`-all`', '`?all`', '`+all`', '← this record'] },
  { what: 'all', piece: '~all', probe: 'all', part: 'term', section: '5.1', lookups: /\*\*DNS lookups:\*\* 0 —/, mentions: ['`+all` — pass', '`-all` — fail', '`~all` — softfail', '`?all` — neutral'] },
  { what: 'a with a dual CIDR', piece: 'a/24//64', probe: 'a', part: 'term', section: '5.3', lookups: /\*\*DNS lookups:\*\* 1 — counts toward the limit of 10/, mentions: ['`_spf.shop.example.co.jp` (the domain being checked', 'void lookup'] },
  { what: 'the IPv4 length of a dual CIDR', piece: '/24', after: 'a/', part: 'cidr', section: '5.6', mentions: ['/24 network (256 addresses each)'] },
  { what: 'the IPv6 length of a dual CIDR', piece: '//64', part: 'cidr', section: '5.6', mentions: ['/64 network (2^64 addresses each)', 'IPv6 prefix length'] },
  { what: 'mx', piece: 'mx:mail.example.com', probe: 'mx:', part: 'term', section: '5.4', lookups: /\*\*DNS lookups:\*\* 1 for the MX query/, mentions: ['more than 10 MX hosts'] },
  { what: 'the domain of mx', piece: 'mail.example.com', after: 'mx:', part: 'domain', section: '5.4' },
  { what: 'ptr', piece: 'ptr', after: 'mail.example.com ', part: 'term', section: '5.5', lookups: /\*\*DNS lookups:\*\* 1 for the PTR query/, mentions: ['SHOULD NOT'] },
  { what: 'ip6', piece: 'ip6:2001:db8::/32', probe: 'ip6:', part: 'term', section: '5.6', lookups: /\*\*DNS lookups:\*\* 0 —/ },
  { what: 'an ip6 network', piece: '2001:db8::', part: 'network', section: '5.6', mentions: ['`2001:db8::` – `2001:db8:ffff:ffff:ffff:ffff:ffff:ffff`: 2^96 addresses'] },
  { what: 'exists', piece: 'exists:%{ir}.%{v}._spf.%{d2}', probe: 'exists:', part: 'term', section: '5.7', lookups: /\*\*DNS lookups:\*\* 1 — counts/ },
  { what: 'a macro with the reverse transformer', piece: '%{ir}', part: 'macro', section: '7.2', lookups: /\*\*DNS lookups:\*\* This part costs no lookup/, mentions: ['`%{ir}` → `45.113.0.203`', '`r` — reverse', 'The whole `%{ir}.%{v}._spf.%{d2}` → `45.113.0.203.in-addr._spf.co.jp`'] },
  { what: 'the v macro', piece: '%{v}', part: 'macro', section: '7.2', mentions: ['`%{v}` → `in-addr`'] },
  { what: 'a macro with digits', piece: '%{d2}', part: 'macro', section: '7.2', mentions: ['`2` — keep only the rightmost 2', '`%{d2}` → `co.jp`'] },
  { what: 'a literal inside a domain with macros', piece: '%{ir}.%{v}._spf.%{d2}', probe: '._spf.', part: 'domain', section: '5.7' },
  { what: 'a neutral qualifier', piece: '?', after: '%{d2} ', part: 'qualifier', section: '4.6.2', mentions: ['`?` neutral', '← this record'] },
  { what: 'redirect', piece: 'redirect=_spf.example.net', probe: 'redirect=', part: 'term', section: '6.1', lookups: /\*\*DNS lookups:\*\* 1, plus every lookup of the target record/ },
  { what: 'exp', piece: 'exp=why.%{l1r-}.example.com', probe: 'exp=', part: 'term', section: '6.2', lookups: /\*\*DNS lookups:\*\* 0 during evaluation/ },
  { what: 'a macro with digits, reverse and a delimiter', piece: '%{l1r-}', part: 'macro', section: '7.2', mentions: ['`-` — split the value', '`%{l1r-}` → `user`', 'The whole `why.%{l1r-}.example.com` → `why.user.example.com`'] },
  { what: 'an unknown modifier', piece: 'note=x%%y', probe: 'note=', part: 'term', section: '6', lookups: /\*\*DNS lookups:\*\* 0 —/, mentions: ['`note=` · unknown modifier', 'ignore unknown modifiers'] },
  { what: 'an escape', piece: '%%', after: 'note=', part: 'escape', section: '7.1', mentions: ['literal percent sign', 'The whole `x%%y` → `x%y`'] },
];

function expectedRange(entry: Case): { start: number; end: number } {
  const start = at(entry.piece, entry.after);
  return { start, end: start + entry.piece.length };
}

/** The first, middle and last offsets of the probed text. */
function probeOffsets(entry: Case): number[] {
  const range = expectedRange(entry);
  const probe = entry.probe ?? entry.piece;
  const start = range.start + entry.piece.indexOf(probe);
  const end = start + probe.length;
  return [...new Set([start, (start + end - 1) >> 1, end - 1])];
}

describe('hoverAt: every term kind in a zone with split strings', () => {
  for (const entry of CASES) {
    it(`explains ${entry.what} at its first, middle and last character`, async () => {
      const range = expectedRange(entry);
      for (const offset of probeOffsets(entry)) {
        const result = await hover(offset);
        assert.deepEqual(result.range, range, `range at offset ${offset}`);
        assert.equal(result.part, entry.part);
        assert.equal(result.rfcSection, entry.section);
        assert.ok(result.markdown.includes(link(entry.section)), `no link to §${entry.section}:\n${result.markdown}`);
        if (entry.lookups) assert.match(result.markdown, entry.lookups);
        for (const text of entry.mentions ?? []) assert.ok(result.markdown.includes(text), `missing ${text}:\n${result.markdown}`);
      }
    });
  }

  it('gives one-line examples for mechanisms and modifiers', async () => {
    assert.match((await hover(at('inc', '/24 '))).markdown, /\*\*Example:\*\* `include:_spf\.google\.com`/);
    assert.match((await hover(at('redirect='))).markdown, /\*\*Example:\*\* `redirect=_spf\.example\.com`/);
  });

  it('says which result a match gives for a mechanism without a qualifier', async () => {
    assert.ok((await hover(at('mx:'))).markdown.includes('**If it matches:** `+` pass'));
  });

  it('names the record and term it explains', async () => {
    const result = await hover(at('exists:'));
    assert.equal(result.siteIndex, 1);
    assert.equal(result.termIndex, 4);
    assert.equal((await hover(at('v=spf1', '_spf IN'))).termIndex, undefined);
  });
});

describe('hoverAt in Japanese', () => {
  const ja: HoverOptions = { kind: 'zone', language: 'ja' };

  it('explains the same parts with the same ranges and RFC sections', async () => {
    for (const entry of CASES) {
      const [offset] = probeOffsets(entry);
      const english = await hover(offset);
      const japanese = await hover(offset, ja);
      assert.deepEqual(japanese.range, english.range, entry.what);
      assert.equal(japanese.rfcSection, english.rfcSection, entry.what);
      assert.ok(japanese.markdown.includes(link(entry.section)), entry.what);
      assert.notEqual(japanese.markdown, english.markdown, entry.what);
      assert.match(japanese.markdown, /[\u3040-\u30ff\u4e00-\u9fff]/, `${entry.what} has no Japanese text`);
    }
  });

  it('states lookup costs and results in Japanese, keeping the SPF terms', async () => {
    const include = (await hover(at('inc', '/24 '), ja)).markdown;
    assert.ok(include.includes('`include` · メカニズム'));
    assert.ok(include.includes('**DNS ルックアップ:** include 自体で 1 回'));
    assert.ok(include.includes('RFC 7208 §5.2'));
    const ip4 = (await hover(at('192.0.2.0'), ja)).markdown;
    assert.ok(ip4.includes('**DNS ルックアップ:** 0 回'));
    assert.ok(ip4.includes('`192.0.2.0` 〜 `192.0.2.255`（256 アドレス）'));
    const all = (await hover(at('~all'), ja)).markdown;
    assert.ok(all.includes('`-all` — fail:'));
    assert.ok(all.includes('← このレコード'));
    const macro = (await hover(at('%{ir}'), ja)).markdown;
    assert.ok(macro.includes('`%{ir}` → `45.113.0.203`'));
    assert.ok(macro.includes('送信元 IP'));
  });

  it('joins Japanese sentences without spaces between them', async () => {
    const markdown = (await hover(at('mx:'), ja)).markdown;
    assert.ok(markdown.includes('（RFC 7208 §4.6.4）。アドレスが返らない応答'), markdown);
  });
});

describe('hoverAt outside SPF strings', () => {
  const outside: [string, number][] = [
    ['$ORIGIN', at('$ORIGIN')],
    ['the owner', at('@ IN TXT "v=spf1')],
    ['the record type', at('TXT "v=spf1') + 1],
    ['the opening quote', at('"v=spf1 ip4')],
    ['the closing quote of the first string', at('" "lude') ],
    ['the space between the strings', at(' "lude')],
    ['a space between terms', at(' ~all')],
    ['a comment holding an SPF-like text', at('include:commented')],
    ['a TXT record that is not SPF', at('include:x.example.com')],
    ['the opening parenthesis', at('( "v=spf1')],
  ];
  for (const [what, offset] of outside) {
    it(`gives nothing on ${what}`, async () => {
      assert.equal(await hoverAt(ZONE, offset, ZONE_OPTIONS), undefined);
    });
  }

  it('gives nothing for offsets outside the text', async () => {
    for (const offset of [-1, ZONE.length, ZONE.length + 5, 1.5, Number.NaN]) {
      assert.equal(await hoverAt(ZONE, offset, ZONE_OPTIONS), undefined, String(offset));
    }
  });
});

describe('hoverAt in other documents', () => {
  it('reads a TXT line', async () => {
    const text = 'example.com. 300 IN TXT "v=spf1 include:_spf.google.com -all"';
    const result = await hoverAt(text, text.indexOf('-all'), { kind: 'txt-line' });
    assert.equal(result?.part, 'qualifier');
    assert.deepEqual(result.range, { start: text.indexOf('-all'), end: text.indexOf('-all') + 1 });
  });

  it('reads a raw record, where a missing domain is "the domain being checked"', async () => {
    const text = 'v=spf1 mx -all';
    const result = await hoverAt(text, 7, { kind: 'raw' });
    assert.equal(result?.part, 'term');
    assert.deepEqual(result.range, { start: 7, end: 9 });
    assert.ok(result.markdown.includes('**Target:** the domain being checked (no domain is given)'));
  });

  it('reads YAML DNS-as-code', async () => {
    const text = 'records:\n  - type: TXT\n    value: "v=spf1 include:_spf.google.com ~all"\n';
    const result = await hoverAt(text, text.indexOf('_spf.google'), { kind: 'code', codeLanguage: 'yaml' });
    assert.equal(result?.part, 'domain');
    assert.equal(text.slice(result.range.start, result.range.end), '_spf.google.com');
    assert.equal(await hoverAt(text, text.indexOf('records'), { kind: 'code', codeLanguage: 'yaml' }), undefined);
  });

  it('maps escapes of a JSON string back to the document', async () => {
    const text = '{ "spf": "v=spf1 ip4:192.0.2.1\\u0020-all" }';
    const result = await hoverAt(text, text.indexOf('all'), { kind: 'code', codeLanguage: 'json' });
    assert.equal(result?.part, 'term');
    assert.equal(text.slice(result.range.start, result.range.end), '-all');
    const single = await hoverAt(text, text.indexOf('192.0.2.1'), { kind: 'code', codeLanguage: 'json' });
    assert.ok(single?.markdown.includes('A single address: `192.0.2.1`.'));
  });

  it('reuses a document read beforehand', async () => {
    const document = readDocument(ZONE, { kind: 'zone' });
    const reused = await hoverAt(ZONE, at('ptr', 'mail.example.com '), { kind: 'zone', document });
    const fresh = await hover(at('ptr', 'mail.example.com '));
    assert.deepEqual(reused, fresh);
  });
});
