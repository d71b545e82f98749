import assert from 'node:assert/strict';
import { analyzeDocument, analyzeReadDocument } from '../../../src/core/analyzer/analyze';
import { readDocument } from '../../../src/core/analyzer/document';
import { disableCommentEdit, disableMarkerOffsets } from '../../../src/core/analyzer/disable';
import { fixAll } from '../../../src/core/analyzer/fix-all';
import { applyFixes, selectFixAll } from '../../../src/core/analyzer/fixes';
import { messageCatalog } from '../../../src/core/analyzer/messages';
import type { RuleDefinition } from '../../../src/core/analyzer/rule-api';
import { formatMessage } from '../../../src/core/analyzer/types';
import { BUILTIN_RULES } from '../../../src/core/rules/registry';
import { PARSE_CACHE_LIMIT, parseRecord } from '../../../src/core/spf/parser';
import { applyEdits } from '../../../src/core/text/range';

const ZONE = '$ORIGIN example.com.\n@ IN TXT "v=spf1 mx +all"\n';

function codes(text: string, options: Parameters<typeof analyzeDocument>[1] = {}): string[] {
  return analyzeDocument(text, options).findings.map((finding) => finding.code);
}

describe('analyzeDocument', () => {
  it('reports a term by its exact document range', () => {
    const { findings } = analyzeDocument(ZONE);
    assert.equal(findings.length, 1);
    assert.equal(ZONE.slice(findings[0].range.start, findings[0].range.end), '+all');
    assert.equal(findings[0].code, 'SPF006');
    assert.equal(findings[0].alias, 'permissive-all');
    assert.match(findings[0].message.text, /RFC 7208 §5\.1/);
  });

  it('gives a term split across two strings one underline range and its two pieces', () => {
    const text = '$ORIGIN example.com.\n@ IN TXT "v=spf1 mx ip4:192.0.2.10/2" "4 -all"\n';
    const finding = analyzeDocument(text).findings.find((candidate) => candidate.code === 'SPF015');
    assert.ok(finding?.pieces);
    assert.equal(text.slice(finding.range.start, finding.range.end), 'ip4:192.0.2.10/2" "4');
    assert.deepEqual(finding.pieces.map((piece) => text.slice(piece.start, piece.end)), ['ip4:192.0.2.10/2', '4']);
  });

  it('sorts findings by position', () => {
    const text = '$ORIGIN example.com.\nb IN TXT "v=spf1 ptr +all"\na IN TXT "v=spf1 ip4:10.0.0.0/8 ?all"\n';
    const starts = analyzeDocument(text).findings.map((finding) => finding.range.start);
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
    assert.equal(starts.length, 4);
  });

  it('reads TXT lines, raw records (quoted or not) and DNS-as-code strings', () => {
    assert.deepEqual(codes('example.com. 300 IN TXT "v=spf1 mx +all"', { kind: 'txt-line' }), ['SPF006']);
    assert.deepEqual(codes('IN TXT "v=spf1 mx ?all"', { kind: 'txt-line' }), ['SPF006']);
    assert.deepEqual(codes('v=spf1 ptr -all', { kind: 'raw' }), ['SPF010']);
    assert.deepEqual(codes('"v=spf1 ip4:192.0.2.1" "a -all"', { kind: 'raw' }), ['SPF019']);
    const yaml = 'example.com:\n  type: TXT\n  value: "v=spf1 inlcude:_spf.example.net -all"\n';
    const { findings } = analyzeDocument(yaml, { kind: 'code', language: 'yaml' });
    assert.deepEqual(findings.map((finding) => yaml.slice(finding.range.start, finding.range.end)), ['inlcude:_spf.example.net']);
  });

  it('ignores TXT records that are not SPF-like', () => {
    assert.deepEqual(codes('$ORIGIN example.com.\n@ IN TXT "google-site-verification=x"\n@ IN A 192.0.2.1\n'), []);
  });

  it('applies severities per rule by code or alias, and "off" silences a rule', () => {
    assert.equal(analyzeDocument(ZONE, { rules: { SPF006: 'info' } }).findings[0].severity, 'info');
    assert.equal(analyzeDocument(ZONE, { rules: { 'permissive-all': 'hint' } }).findings[0].severity, 'hint');
    assert.deepEqual(codes(ZONE, { rules: { 'permissive-all': 'off' } }), []);
  });

  it('turns a crashing rule into an SPF000 finding on its record and keeps the other rules', () => {
    const crashing: RuleDefinition = {
      meta: { code: 'SPF099', alias: 'crashes', title: 't', description: 'd', defaultSeverity: 'error', rfc: '7208', docs: 'x' },
      messages: {},
      checkRecord() {
        throw new Error('boom');
      },
    };
    const result = analyzeDocument(ZONE, { ruleSet: [crashing, ...BUILTIN_RULES] });
    assert.deepEqual(result.findings.map((finding) => finding.code).sort(), ['SPF000', 'SPF006']);
    const failure = result.findings.find((finding) => finding.code === 'SPF000');
    assert.match(failure?.message.text ?? '', /SPF099.*boom/);
    assert.deepEqual(result.ruleFailures.map((item) => item.code), ['SPF099']);
    assert.equal(ZONE.slice(failure?.range.start, failure?.range.end), '@ IN TXT "v=spf1 mx +all"');
  });
  it('gives a record rule each site in turn, with that site\'s siblings, and reports on the right record', () => {
    const text = '$ORIGIN example.com.\na IN TXT "v=spf1 -all"\na IN TXT "v=spf1 mx -all"\nb IN TXT "v=spf1 a -all"\n';
    const seen: string[] = [];
    const probe: RuleDefinition = {
      meta: { code: 'SPF098', alias: 'probe', title: 't', description: 'd', defaultSeverity: 'info', rfc: '7208', docs: 'x' },
      messages: { seen: 'saw {owner}' },
      checkRecord(context) {
        seen.push(`${context.site.record.text} (${context.siblings.length} siblings)`);
        context.report({ start: 0, end: 6 }, context.message('seen', { owner: context.site.owner ?? '' }));
      },
    };
    const { findings } = analyzeDocument(text, { ruleSet: [probe] });
    assert.deepEqual(seen, ['v=spf1 -all (1 siblings)', 'v=spf1 mx -all (1 siblings)', 'v=spf1 a -all (0 siblings)']);
    assert.deepEqual(findings.map((finding) => [text.slice(finding.recordRange?.start, finding.recordRange?.end), finding.message.text]), [
      ['a IN TXT "v=spf1 -all"', 'saw a.example.com.'],
      ['a IN TXT "v=spf1 mx -all"', 'saw a.example.com.'],
      ['b IN TXT "v=spf1 a -all"', 'saw b.example.com.'],
    ]);
  });

  it('reads a zone with more SPF records than the parse cache holds like a small one', () => {
    const count = PARSE_CACHE_LIMIT + 100;
    const lines = ['$ORIGIN example.com.'];
    for (let i = 0; i < count; i++) lines.push(`h${i} IN TXT "v=spf1 ip4:192.0.2.${i % 256} ${i % 2 ? '+all' : '-all'}"`);
    const text = lines.join('\n') + '\n';
    const { document, findings } = analyzeDocument(text);
    assert.equal(document.sites.length, count);
    const last = document.sites[count - 1];
    assert.deepEqual(last.record.terms.map((term) => term.text), parseRecord(last.value.value).terms.map((term) => term.text));
    assert.equal(findings.filter((finding) => finding.code === 'SPF006').length, count / 2);
  });

  it('analyzeReadDocument gives the same findings for a document read beforehand', () => {
    const text = '$ORIGIN example.com.\nb IN TXT "v=spf1 ptr +all"\na IN TXT "v=spf1 ip4:10.0.0.1/8 ?all"\n';
    const read = analyzeReadDocument(readDocument(text, { kind: 'zone' }));
    assert.deepEqual(read.findings, analyzeDocument(text).findings);
    assert.equal(read.findings.length, 5);
  });
});

describe('disable comments', () => {
  it('a comment on the record line or alone on the line before disables the listed rules for that record only', () => {
    const text = [
      '$ORIGIN example.com.',
      '@ IN TXT "v=spf1 ptr +all" ; spf-doctor-disable SPF006',
      '; spf-doctor-disable ptr-mechanism, SPF006',
      'b IN TXT "v=spf1 ptr +all"',
      'c IN TXT "v=spf1 ptr +all"',
      '',
    ].join('\n');
    const findings = analyzeDocument(text).findings.map((finding) => `${text.slice(0, finding.range.start).split('\n').length}:${finding.code}`);
    assert.deepEqual(findings, ['2:SPF010', '5:SPF010', '5:SPF006']);
  });

  it('reads a marker in any case, on the last line of a record in parentheses after its data', () => {
    const text = [
      '$ORIGIN example.com.',
      'a IN TXT ( "v=spf1 ptr"',
      '           " +all" ) ; SPF-Doctor-Disable permissive-all',
      'b IN TXT "v=spf1 ptr +all"',
      '',
    ].join('\n');
    assert.deepEqual(disableMarkerOffsets(text), [text.indexOf('SPF-Doctor')]);
    const findings = analyzeDocument(text).findings.map((finding) => `${text.slice(0, finding.range.start).split('\n').length}:${finding.code}`);
    assert.deepEqual(findings, ['2:SPF010', '4:SPF010', '4:SPF006']);
  });

  it('disables every rule when no code is listed, and ignores the marker inside a string', () => {
    const text = '$ORIGIN example.com.\n; spf-doctor-disable\n@ IN TXT "v=spf1 +all"\nb IN TXT "v=spf1 +all ;spf-doctor-disable"\n';
    const findings = analyzeDocument(text).findings;
    const secondRecord = text.indexOf('b IN');
    assert.ok(findings.every((finding) => finding.range.start > secondRecord));
    assert.ok(findings.some((finding) => finding.code === 'SPF006'));
  });

  it('does not take a disable comment that trails the previous record', () => {
    const text = '$ORIGIN example.com.\na IN TXT "v=spf1 -all" ; spf-doctor-disable SPF006\nb IN TXT "v=spf1 +all"\n';
    assert.deepEqual(codes(text), ['SPF006']);
  });

  it('disableCommentEdit writes a comment the analyzer then honours', () => {
    const analysis = analyzeDocument(ZONE);
    const finding = analysis.findings[0];
    assert.ok(finding.recordRange);
    const edit = disableCommentEdit(ZONE, analysis.document.lines, finding.recordRange, finding.code);
    const applied = applyEdits(ZONE, [edit]);
    assert.ok(applied.ok);
    assert.equal(applied.text, '$ORIGIN example.com.\n; spf-doctor-disable SPF006\n@ IN TXT "v=spf1 mx +all"\n');
    assert.deepEqual(codes(applied.text), []);
  });
});

describe('fixes', () => {
  const text = [
    '$ORIGIN example.com.',
    '@ IN TXT "v=spf1 mx ip4:192.0.2.10/24 ~all a"',
    'www IN TXT "v=spf1 ip4:192.0.2.1" "include:_spf.example.net -all"',
    '',
  ].join('\n');

  it('selectFixAll takes preferred, non-overlapping fixes, one per record per pass', () => {
    const fixes = selectFixAll(analyzeDocument(text).findings);
    assert.deepEqual(fixes.map((fix) => fix.title.id), ['SPF015.useNetwork', 'SPF019.insertSpace']);
    const applied = applyFixes(text, fixes);
    assert.ok(applied.ok);
    assert.match(applied.text, /"v=spf1 mx ip4:192\.0\.2\.0\/24 ~all a"/);
  });

  it('fixAll runs passes until no preferred fix is left, and gives one edit of the original text', () => {
    const result = fixAll(text);
    assert.equal(result.text, [
      '$ORIGIN example.com.',
      '@ IN TXT "v=spf1 mx ip4:192.0.2.0/24 ~all"',
      'www IN TXT "v=spf1 ip4:192.0.2.1" " include:_spf.example.net -all"',
      '',
    ].join('\n'));
    assert.equal(result.appliedFixes, 3);
    assert.ok(result.edit);
    const replayed = applyEdits(text, [result.edit]);
    assert.ok(replayed.ok);
    assert.equal(replayed.text, result.text);
    assert.equal(selectFixAll(analyzeDocument(result.text).findings).length, 0);
  });

  it('selectFixAll can be limited to codes or aliases', () => {
    assert.deepEqual(selectFixAll(analyzeDocument(text).findings, { codes: ['glued-strings'] }).map((fix) => fix.title.id), ['SPF019.insertSpace']);
  });

  it('a fix that grows a string past 255 octets re-splits it, keeping the quoting', () => {
    const terms = Array.from({ length: 13 }, (_, i) => `ip4:198.51.${i}.0/24`).join(' ');
    const zone = `$ORIGIN example.com.\n@ IN TXT "v=spf1 ${terms} ip4:192.0.2.10/24 -all"\n`;
    const finding = analyzeDocument(zone).findings.find((candidate) => candidate.code === 'SPF015');
    const host = finding?.fixes?.find((fix) => fix.title.id === 'SPF015.useNetwork');
    assert.ok(host);
    const longer = analyzeDocument(zone.replace('192.0.2.10/24', '192.0.2.10/24 ip4:203.0.113.0/24'));
    assert.ok(longer.findings.some((candidate) => candidate.code === 'SPF017'));
    const split = fixAll(longer.document.text);
    const strings = analyzeDocument(split.text).document.sites[0].value.strings;
    assert.ok(strings.length >= 2 && strings.every((item) => item.octets <= 255 && item.quoted));
  });
});

describe('messages', () => {
  it('every message id of a finding is in the catalog, and formatting the template with its args gives its text', () => {
    const catalog = messageCatalog();
    const text = require('node:fs').readdirSync('test/fixtures/rules').map((name: string) => require('node:fs').readFileSync(`test/fixtures/rules/${name}`, 'utf8')).join('\n');
    for (const finding of analyzeDocument(text).findings) {
      for (const item of [finding.message, ...(finding.fixes ?? []).map((fix) => fix.title), ...(finding.related ?? []).map((related) => related.message)]) {
        assert.ok(catalog[item.id], `${item.id} is not in the catalog`);
        assert.equal(formatMessage(catalog[item.id], item.args), item.text);
        assert.doesNotMatch(item.text, /(?<!%)\{[A-Za-z]+\}/, `${item.id} left a placeholder`);
      }
    }
  });

  it('formatMessage fills known placeholders, keeps unknown ones and uses a message argument\'s text', () => {
    const phrase = { id: 'x.phrase', args: {}, text: 'the Gmail bounce' };
    assert.equal(formatMessage('{a} and {b}, {missing} {a}{n}', { a: 'A', b: phrase, n: 0 }), 'A and the Gmail bounce, {missing} A0');
    assert.equal(formatMessage('no placeholders', { a: 'A' }), 'no placeholders');
    assert.equal(formatMessage('{a}', { a: '{b}', b: 'B' }), '{b}');
  });

  it('each rule message cites RFC 7208 or another RFC', () => {
    for (const rule of BUILTIN_RULES) {
      const findingTemplates = Object.entries(rule.messages).filter(([key]) => !/^(remove|rename|change|use|append|insert|split|replace|write|add|lower|first|other|txt|included|all|wider)/i.test(key));
      for (const [key, template] of findingTemplates) assert.match(template, /RFC \d+/, `${rule.meta.code}.${key} cites no RFC`);
    }
  });
});
