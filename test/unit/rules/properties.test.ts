import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, type DocumentAnalysis } from '../../../src/core/analyzer/analyze';
import { applyFixes } from '../../../src/core/analyzer/fixes';

const SEED = 7208;
/** Syntax errors the parser finds in the document's SPF records (near misses are not SPF records). */
function parserErrors(analysis: DocumentAnalysis): number {
  return analysis.document.sites.filter((site) => site.version === 'spf').reduce((sum, site) => sum + site.record.errors.length, 0);
}

const qualifier = fc.constantFrom('', '+', '-', '~', '?');
const domain = fc.constantFrom('example.com', '_spf.example.net', 'mail.example.org', '%{i}._spf.example.com', '%{d}', 'bad_domain', '%i.example.com');
const ip4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
const prefix4 = fc.option(fc.integer({ min: 0, max: 33 }), { nil: undefined }).map((bits) => (bits === undefined ? '' : `/${bits}`));
const term = fc.oneof(
  fc.tuple(qualifier, fc.constantFrom('all', 'a', 'mx', 'ptr')).map(([q, name]) => `${q}${name}`),
  fc.tuple(qualifier, fc.constantFrom('include', 'exists', 'a', 'mx', 'ptr'), domain).map(([q, name, d]) => `${q}${name}:${d}`),
  fc.tuple(qualifier, ip4, prefix4).map(([q, address, bits]) => `${q}ip4:${address}${bits}`),
  fc.tuple(qualifier, fc.constantFrom('2001:db8::1', '2001:db8::', '::1', 'fe80::1'), fc.constantFrom('', '/0', '/16', '/32', '/64', '/129')).map(([q, a, b]) => `${q}ip6:${a}${b}`),
  fc.tuple(fc.constantFrom('redirect', 'exp', 'redirct', 'custom'), domain).map(([name, d]) => `${name}=${d}`),
  fc.constantFrom('ip5:192.0.2.1', 'inlcude:example.com', 'a/8', 'mx//24', '=bad', '%', 'all:x'),
);
const version = fc.constantFrom('v=spf1', 'v=spf1', 'v=spf1', 'V=SPF1', ' v=spf1', 'v=spf 1', 'spf1');

/** A record value cut into strings at random points (possibly inside terms), quoted. */
const txtRecord = fc
  .tuple(version, fc.array(term, { maxLength: 12 }), fc.array(fc.nat(400), { maxLength: 3 }))
  .map(([tag, terms, cuts]) => {
    const value = [tag, ...terms].join(' ');
    const points = [...new Set(cuts.map((cut) => cut % (value.length + 1)))].filter((point) => point > 0 && point < value.length).sort((a, b) => a - b);
    const pieces: string[] = [];
    let last = 0;
    for (const point of [...points, value.length]) {
      pieces.push(value.slice(last, point));
      last = point;
    }
    return pieces.map((piece) => `"${piece.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(' ');
  });
const owner = fc.constantFrom('@', 'www', 'mail', '@');
const zoneLine = fc.oneof(
  fc.tuple(owner, fc.constantFrom('TXT', 'TXT', 'SPF'), txtRecord).map(([name, type, data]) => `${name} IN ${type} ${data}`),
  fc.tuple(owner, txtRecord).map(([name, data]) => `${name} 300 IN TXT ( ${data} ) ; comment`),
  owner.map((name) => `${name} IN A 192.0.2.1`),
);
const zone = fc.array(zoneLine, { minLength: 1, maxLength: 6 }).map((lines) => `$ORIGIN example.com.\n$TTL 3600\n${lines.join('\n')}\n`);


describe('analyzer properties (fast-check, seeded)', () => {
  it('never throws and never reports a rule failure, on generated zones and on arbitrary text of every kind', () => {
    fc.assert(
      fc.property(fc.oneof(zone, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })), fc.constantFrom('zone', 'txt-line', 'raw', 'code') as fc.Arbitrary<'zone' | 'txt-line' | 'raw' | 'code'>, (text, kind) => {
        const result = analyzeDocument(text, { kind, language: 'json' });
        assert.deepEqual(result.ruleFailures, []);
        for (const finding of result.findings) assert.ok(finding.range.start >= 0 && finding.range.end <= text.length && finding.range.start <= finding.range.end);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('applying any offered fix adds no syntax error and changes nothing outside its record', () => {
    fc.assert(
      fc.property(zone, (text) => {
        const before = analyzeDocument(text);
        const syntaxBefore = parserErrors(before);
        const zoneErrorsBefore = before.document.zone?.errors.length ?? 0;
        for (const finding of before.findings) {
          for (const fix of finding.fixes ?? []) {
            const applied = applyFixes(text, [fix]);
            assert.ok(applied.ok, fix.title.text);
            const after = analyzeDocument(applied.text);
            assert.ok(parserErrors(after) <= syntaxBefore, `${fix.title.text} added a syntax error:\n${applied.text}`);
            assert.ok((after.document.zone?.errors.length ?? 0) <= zoneErrorsBefore, `${fix.title.text} broke the zone:\n${applied.text}`);
            const record = finding.recordRange ?? finding.range;
            const start = text.lastIndexOf('\n', record.start - 1) + 1;
            const newline = text.indexOf('\n', record.end);
            const end = newline < 0 ? text.length : newline + 1;
            assert.equal(applied.text.slice(0, start), text.slice(0, start));
            assert.equal(applied.text.slice(applied.text.length - (text.length - end)), text.slice(end));
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
