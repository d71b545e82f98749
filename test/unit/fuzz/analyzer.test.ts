import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, type AnalyzeDocumentOptions, type DocumentAnalysis } from '../../../src/core/analyzer/analyze';
import { fixAll } from '../../../src/core/analyzer/fix-all';
import { applyFixes, selectFixAll } from '../../../src/core/analyzer/fixes';
import type { Finding, Fix } from '../../../src/core/analyzer/types';
import type { CodeLanguage } from '../../../src/core/readers/code/find-spf-strings';
import { applyEdits, type TextEdit } from '../../../src/core/text/range';
import { codeSnippet, corpus, hostileText, mutated, spfRecord, splitQuoted, zoneFile } from '../../support/arbitraries';
import { assertInside, assertRange, budgetFor, CaseCounter, checkProperty, FUZZ_TIMEOUT_MS, preview, withinBudget } from './fuzz-harness';

type Kind = 'zone' | 'txt-line' | 'raw' | 'code';
interface Document { text: string; kind: Kind; language?: CodeLanguage }

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function options(document: Document): AnalyzeDocumentOptions {
  return document.language ? { kind: document.kind, language: document.language } : { kind: document.kind };
}

/**
 * Full analysis builds and proves a fix for most findings: about 600 ms per MB of a zone where
 * every record has findings, so large documents get 1,000 ms per MB (still linear: a quadratic
 * path on megabytes takes minutes).
 */
const ANALYSIS_MS_PER_MB = 1000;

function analyze(document: Document, text = document.text): DocumentAnalysis {
  return withinBudget(`analyzeDocument(${document.kind})`, text, () => analyzeDocument(text, options(document)), budgetFor(text.length, ANALYSIS_MS_PER_MB));
}

/** Syntax errors of the document's SPF records (near misses are not SPF records) and of the zone. */
function syntaxErrors(analysis: DocumentAnalysis): { spf: number; zone: number } {
  const spf = analysis.document.sites.filter((site) => site.version === 'spf').reduce((sum, site) => sum + site.record.errors.length, 0);
  return { spf, zone: analysis.document.zone?.errors.length ?? 0 };
}

function checkFindings(text: string, analysis: DocumentAnalysis): void {
  assert.deepEqual(analysis.ruleFailures, [], 'a rule crashed');
  let previous: Finding | undefined;
  for (const finding of analysis.findings) {
    const what = `${finding.code} ${JSON.stringify(finding.message.text)}`;
    assert.match(finding.code, /^SPF\d{3}$/);
    assert.ok(SEVERITIES.has(finding.severity), `${what}: severity ${finding.severity}`);
    assertRange(finding.range, text.length, what);
    if (previous) assert.ok(previous.range.start < finding.range.start || (previous.range.start === finding.range.start && previous.range.end <= finding.range.end), `${what}: findings out of order`);
    previous = finding;
    if (finding.recordRange) assertRange(finding.recordRange, text.length, `${what} recordRange`);
    for (const piece of finding.pieces ?? []) assertInside(piece, finding.range, `${what} piece`);
    for (const related of finding.related ?? []) if (!related.uri) assertRange(related.range, text.length, `${what} related`);
  }
}

/** Where `offset` of the old text lands after `edits` (inside an edit: its start, or its new end for `side` 'end'). */
function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of edits) {
    const { start, end } = edit.range;
    const delta = edit.newText.length - (end - start);
    if (end <= offset && !(side === 'start' && start === offset && end === offset)) shift += delta;
    else if (start <= offset && offset < end) return start + shift + (side === 'end' ? edit.newText.length : 0);
  }
  return offset + shift;
}

/** From the start of the record's first line to the end of its last line. */
function recordLines(text: string, finding: Finding): { start: number; end: number } {
  const range = finding.recordRange ?? finding.range;
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const newline = text.indexOf('\n', range.end);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

function checkFix(document: Document, before: DocumentAnalysis, finding: Finding, fix: Fix): void {
  const { text } = document;
  const label = `${finding.code} at ${finding.range.start}, fix "${fix.title.text}" on ${preview(text)}`;
  const applied = applyFixes(text, [fix]);
  assert.ok(applied.ok, `${label}: could not be applied`);
  const after = analyze(document, applied.text);
  checkFindings(applied.text, after);
  const errorsBefore = syntaxErrors(before);
  const errorsAfter = syntaxErrors(after);
  assert.ok(errorsAfter.spf <= errorsBefore.spf, `${label}: new SPF syntax error in ${preview(applied.text)}`);
  assert.ok(errorsAfter.zone <= errorsBefore.zone, `${label}: new zone error in ${preview(applied.text)}`);
  const lines = recordLines(text, finding);
  const tail = text.length - lines.end;
  assert.equal(applied.text.slice(0, lines.start), text.slice(0, lines.start), `${label}: text before the record changed`);
  assert.equal(applied.text.slice(applied.text.length - tail), text.slice(lines.end), `${label}: text after the record changed`);
  const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
  const start = mapOffset(finding.range.start, edits, 'start');
  const end = mapOffset(finding.range.end, edits, 'end');
  const same = after.findings.find((other) => other.code === finding.code && other.message.text === finding.message.text && other.range.start === start && other.range.end === end);
  assert.equal(same, undefined, `${label}: the same finding is reported at the same place after the fix: ${preview(applied.text)}`);
}

function checkDocument(document: Document): void {
  const before = analyze(document);
  checkFindings(document.text, before);
  for (const finding of before.findings) for (const fix of finding.fixes ?? []) checkFix(document, before, finding, fix);
  // Fix-all re-analyses once per pass (at most 10 passes): the budget of 11 analyses.
  const fixed = withinBudget('fixAll', document.text, () => fixAll(document.text, options(document)), 11 * budgetFor(document.text.length, ANALYSIS_MS_PER_MB));
  const reread = analyze(document, fixed.text);
  checkFindings(fixed.text, reread);
  const errorsBefore = syntaxErrors(before);
  const errorsAfter = syntaxErrors(reread);
  assert.ok(errorsAfter.spf <= errorsBefore.spf && errorsAfter.zone <= errorsBefore.zone, `fixAll added a syntax error: ${preview(fixed.text)}`);
  if (fixed.passes < 10) assert.deepEqual(selectFixAll(reread.findings), [], `fixAll left preferred fixes: ${preview(fixed.text)}`);
  const replayed = fixed.edit ? applyEdits(document.text, [fixed.edit]) : { ok: true as const, text: document.text };
  assert.ok(replayed.ok && replayed.text === fixed.text, 'the single fix-all edit does not give the fixed text');
}

const ruleZones = corpus().zones;
const txtLine = fc.tuple(fc.constantFrom('', '@ ', 'example.com. 300 IN '), fc.constantFrom('TXT ', 'SPF '), spfRecord, fc.array(fc.nat(300), { maxLength: 2 })).map(([head, type, value, cuts]) => `${head}${type}${splitQuoted(value, cuts)}`);
const codeLanguage = fc.constantFrom<CodeLanguage>('yaml', 'json', 'hcl', 'javascript', 'typescript');

const documentArbitrary: fc.Arbitrary<Document> = fc.oneof(
  { weight: 3, arbitrary: zoneFile(2).map((text) => ({ text, kind: 'zone' as const })) },
  { weight: 3, arbitrary: mutated(fc.constantFrom(...ruleZones), 4).map((text) => ({ text, kind: 'zone' as const })) },
  { weight: 2, arbitrary: fc.oneof(txtLine, mutated(txtLine, 2)).map((text) => ({ text, kind: 'txt-line' as const })) },
  { weight: 2, arbitrary: fc.oneof(spfRecord, spfRecord.map((v) => `"${v}"`)).map((text) => ({ text, kind: 'raw' as const })) },
  { weight: 2, arbitrary: codeLanguage.chain((language) => fc.oneof(codeSnippet(language), mutated(codeSnippet(language), 2)).map((text) => ({ text, kind: 'code' as const, language }))) },
  { weight: 1, arbitrary: fc.tuple(hostileText(200), fc.constantFrom<Kind>('zone', 'txt-line', 'raw', 'code')).map(([text, kind]) => ({ text, kind, language: 'javascript' as const })) },
);

describe('fuzz: analyzer and fixes (analyzeDocument, applyFixes, fixAll)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('analyzeDocument');

  it('well-formed findings; every offered fix round-trips; fix-all converges', () => {
    checkProperty(counter, documentArbitrary, 1, checkDocument);
  });

  it('10 MB documents are refused or analysed in time proportional to their size', () => {
    const record = (index: number) => `r${index} 300 IN TXT ( "v=spf1 ip4:192.0.2.0/24 ptr " ; c\n "include:_spf.example.net +all" )\n`;
    const documents: Document[] = [
      // A large zone of SPF records (2 MB: every record has findings and fixes, analysed at about 600 ms per MB).
      { text: `$ORIGIN example.com.\n${Array.from({ length: 22_000 }, (_, index) => record(index)).join('')}`, kind: 'zone' },
      { text: `; ${'x'.repeat(10_000_000)}\n`, kind: 'zone' },
      { text: `@ TXT ${'('.repeat(10_000_000)}`, kind: 'zone' },
      { text: `v=spf1 ${'a '.repeat(5_000_000)}`, kind: 'raw' },
      { text: `@ TXT "v=spf1 ${'a '.repeat(5_000_000)}"`, kind: 'txt-line' },
      { text: JSON.stringify({ records: Array.from({ length: 700_000 }, () => 'v=spf2 mx') }), kind: 'code', language: 'json' },
    ];
    for (const document of documents) checkFindings(document.text, analyze(document));
  });

  counter.defineReport();
});
