/**
 * Counterexamples the fuzz properties found, kept as plain tests so that the bugs they showed
 * stay fixed whatever seed the fuzz runs use.
 */
import assert from 'node:assert/strict';
import { analyzeDocument, analyzeDocumentWithDns } from '../../../src/core/analyzer/analyze';
import { MemoryResolver } from '../../../src/core/dns/memory-resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { DNS_RULE_SET } from '../analyzer-dns/dns-rule-set';
import { MAX_VALUE_FIXES_PER_RECORD } from '../../../src/core/analyzer/fixes';
import { readTxtInput } from '../../../src/core/readers/txt-input';
import { findSpfStrings } from '../../../src/core/readers/code/find-spf-strings';
import { parseRecord } from '../../../src/core/spf/parser';
import type { MacroString } from '../../../src/core/spf/ast';

/** The parts of a macro-string, as [kind, text] pairs, and whether they tile its range. */
function tiling(macroString: MacroString): { parts: [string, string][]; covers: boolean } {
  let cursor = macroString.range.start;
  for (const part of macroString.parts) {
    if (part.range.start !== cursor) return { parts: [], covers: false };
    cursor = part.range.end;
  }
  return { parts: macroString.parts.map((part) => [part.kind, part.text]), covers: cursor === macroString.range.end };
}

describe('fuzz regressions', () => {
  it('an invalid macro stays in the macro-string parts as literal text (parts cover the range)', () => {
    // Found by fuzz: "v=spf1 include:%%.%{s00}" and "v=spf1 redirect=t%{5.example.com ~all".
    const include = parseRecord('v=spf1 include:%%.%{s00}').mechanisms[0].domainSpec!;
    assert.deepEqual(tiling(include), { parts: [['escape', '%%'], ['literal', '.'], ['literal', '%{s00}']], covers: true });
    const redirect = parseRecord('v=spf1 redirect=t%{5.example.com ~all').redirect!.value;
    assert.deepEqual(tiling(redirect), { parts: [['literal', 't'], ['literal', '%{5.example.com']], covers: true });
    const badEscape = parseRecord('v=spf1 a:%x.example.com').mechanisms[0].domainSpec!;
    assert.deepEqual(tiling(badEscape), { parts: [['literal', '%x.example.com']], covers: true });
  });

  it('many SPF records at one name: each finding lists at most 10 related records (was every other one: quadratic)', () => {
    // Found by fuzz: a 300 KB zone with 4,000 SPF records at "@" took 55 s to analyse.
    const zone = `$ORIGIN example.com.\n${'@ TXT "v=spf1 -all"\n@ SPF "v=spf1 -all"\n'.repeat(30)}`;
    const findings = analyzeDocument(zone).findings;
    const multiple = findings.filter((finding) => finding.code === 'SPF003');
    assert.equal(multiple.length, 30);
    for (const finding of multiple) {
      assert.match(finding.message.text, /has 30 SPF records/);
      assert.equal(finding.related?.length, 10);
      assert.ok(finding.related?.every((related) => related.range.start !== finding.recordRange?.start), 'a record is not related to itself');
    }
    const spfType = findings.filter((finding) => finding.code === 'SPF004');
    assert.equal(spfType.length, 30);
    for (const finding of spfType) assert.equal(finding.related?.length, 10);
  });

  it('many records at one name: SPF025 groups them in one pass (each record used to copy the list before it: quadratic)', async () => {
    // 60,000 MX records at one name took about 25 s to group (past the test timeout); the name still gets its one finding.
    const zone = `$ORIGIN example.com.\n${'@ IN MX 10 mail\n'.repeat(60000)}`;
    const result = await analyzeDocumentWithDns(zone, { ruleSet: DNS_RULE_SET, dns: { resolver: new MemoryResolver([]), checkHost } });
    const missing = result.findings.filter((finding) => finding.code === 'SPF025');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message.text, /^example\.com receives mail \(it has MX records\) but has no SPF record/);
    assert.deepEqual(missing[0].recordRange, { start: 21, end: 36 });
  });

  it('a pasted record keeps a typographic quote inside it as written (the value is the text of its range)', () => {
    // Found by fuzz: "v=spf1 v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all" (the UTF-8 BOM read as Latin-1) read as ... a:\u00ef"\u00bf...
    const text = 'v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all\u201d';
    const read = readTxtInput(text);
    assert.ok(read.ok);
    assert.equal(read.input.value.value, text);
    assert.equal(read.input.notes.filter((note) => /typographic quote/.test(note.reason)).length, 2);
  });

  it('a record with thousands of fixable findings gets fixes for the first 50 only (each fix re-parses the record)', () => {
    // Found by fuzz: a 1.3 KB record of 130 repeated terms took 60 ms to analyse; 5 KB took over a second.
    const zone = `@ IN TXT "v=spf1 ${'mx '.repeat(400)}-all"\n`;
    const duplicates = analyzeDocument(zone).findings.filter((finding) => finding.code === 'SPF013');
    assert.equal(duplicates.length, 399);
    assert.equal(duplicates.filter((finding) => finding.fixes).length, MAX_VALUE_FIXES_PER_RECORD);
    assert.ok(duplicates.slice(0, MAX_VALUE_FIXES_PER_RECORD).every((finding) => finding.fixes?.length === 1));
  });

  it('a YAML document that is one scalar yields its SPF value once', () => {
    // Found by fuzz: findSpfStrings("v=spf1 ", "yaml") returned the same value twice.
    const found = findSpfStrings('v=spf1 -all\n', 'yaml').values;
    assert.deepEqual(found.map((value) => [value.value, value.range]), [['v=spf1 -all', { start: 0, end: 11 }]]);
    assert.equal(findSpfStrings('--- "v=spf1 mx -all"\n--- \'v=spf1 a -all\'\n', 'yaml').values.length, 2);
    assert.equal(findSpfStrings('a: v=spf1 -all\nb: [ "v=spf1 mx -all" ]\n', 'yaml').values.length, 2);
  });
});
