import assert from 'node:assert/strict';
import { analyzeDocument, type DocumentAnalysis } from '../../../src/core/analyzer/analyze';
import { applyFixes } from '../../../src/core/analyzer/fixes';
import type { Finding } from '../../../src/core/analyzer/types';
import { BUILTIN_RULES } from '../../../src/core/rules/registry';
import { LineIndex } from '../../../src/core/text/line-index';
import { byPosition, readExpectations, ruleFixtures, type ExpectedFinding } from '../../support/rule-fixtures';

/** Codes whose findings mean the record no longer parses. */
/** Syntax errors the parser finds in the document's SPF records (near misses are not SPF records). */
function parserErrors(analysis: DocumentAnalysis): number {
  return analysis.document.sites.filter((site) => site.version === 'spf').reduce((sum, site) => sum + site.record.errors.length, 0);
}

function actualFindings(text: string): ExpectedFinding[] {
  const lines = new LineIndex(text);
  return analyzeDocument(text, { kind: 'zone' }).findings.map((finding) => {
    const { line, column } = lines.positionAt(finding.range.start);
    return { code: finding.code, line, column };
  }).sort(byPosition);
}

function count(findings: readonly Finding[], predicate: (finding: Finding) => boolean): number {
  return findings.filter(predicate).length;
}

/** From the start of the record's first line to the end of its last line (line break included). */
function recordLines(text: string, finding: Finding): { start: number; end: number } {
  const range = finding.recordRange ?? finding.range;
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const newline = text.indexOf('\n', range.end);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

describe('rule fixtures', () => {
  const fixtures = ruleFixtures();

  it('there is a fixture for every rule, and each fixture expects its own rule', () => {
    // DNS rules (needsDns) have theirs in test/fixtures/rules-dns (test/unit/analyzer-dns).
    for (const rule of BUILTIN_RULES.filter((candidate) => !candidate.meta.needsDns)) {
      const fixture = fixtures.find((candidate) => candidate.name.startsWith(`${rule.meta.code}-`));
      assert.ok(fixture, `no fixture for ${rule.meta.code}`);
      assert.ok(readExpectations(fixture.text).some((expected) => expected.code === rule.meta.code), `${fixture.name} expects no ${rule.meta.code}`);
    }
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: findings are exactly the inline markers`, () => {
      assert.deepEqual(actualFindings(fixture.text), readExpectations(fixture.text).sort(byPosition));
    });

    it(`${fixture.name}: every fix removes its finding, keeps the syntax and touches only its record`, () => {
      const before = analyzeDocument(fixture.text, { kind: 'zone' });
      const syntaxBefore = parserErrors(before);
      const zoneErrorsBefore = before.document.zone?.errors.length ?? 0;
      let fixesTried = 0;
      for (const finding of before.findings) {
        for (const fix of finding.fixes ?? []) {
          fixesTried++;
          const applied = applyFixes(fixture.text, [fix]);
          assert.ok(applied.ok, `${finding.code} "${fix.title.text}" could not be applied`);
          const after = analyzeDocument(applied.text, { kind: 'zone' });
          const label = `${finding.code} at ${finding.range.start}, fix "${fix.title.text}"`;
          assert.ok(
            count(after.findings, (other) => other.code === finding.code) < count(before.findings, (other) => other.code === finding.code),
            `${label}: the finding is still there`,
          );
          assert.ok(parserErrors(after) <= syntaxBefore, `${label}: new syntax error`);
          assert.ok((after.document.zone?.errors.length ?? 0) <= zoneErrorsBefore, `${label}: new zone error`);
          const lines = recordLines(fixture.text, finding);
          const tail = fixture.text.length - lines.end;
          assert.equal(applied.text.slice(0, lines.start), fixture.text.slice(0, lines.start), `${label}: text before the record changed`);
          assert.equal(applied.text.slice(applied.text.length - tail), fixture.text.slice(lines.end), `${label}: text after the record changed`);
        }
      }
      const fixable = BUILTIN_RULES.find((rule) => fixture.name.startsWith(`${rule.meta.code}-`))?.meta.fixable;
      if (fixable) assert.ok(fixesTried > 0, `${fixture.name} offers no fix although its rule is fixable`);
    });
  }
});
