/**
 * Structural invariants of what the readers return, checked on every fuzz input: ranges inside
 * the text and in order, offset maps consistent, enums valid.
 */
import assert from 'node:assert/strict';
import type { MacroString, SpfRecord, SyntaxErrorCode } from '../../../src/core/spf/ast';
import { sourceOffsetOf, type TxtValue } from '../../../src/core/readers/txt/txt-value';
import type { TextIssue } from '../../../src/core/text/range';
import { assertInside, assertRange } from './fuzz-harness';

const SYNTAX_ERROR_CODES = new Set<SyntaxErrorCode>([
  'not-spf', 'unknown-mechanism', 'invalid-term', 'qualified-modifier', 'invalid-modifier-name', 'missing-domain', 'invalid-domain',
  'invalid-macro', 'macro-not-allowed', 'invalid-ip', 'invalid-cidr', 'unexpected-argument', 'duplicate-modifier', 'invalid-character',
]);
const MECHANISMS = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const QUALIFIERS = new Set(['+', '-', '~', '?']);

/** A macro-string's parts cover its range without gaps, and each part's text is its slice. */
export function checkMacroString(text: string, macroString: MacroString, what: string): void {
  assertRange(macroString.range, text.length, what);
  assert.equal(macroString.text, text.slice(macroString.range.start, macroString.range.end), `${what}: text is not its range`);
  let cursor = macroString.range.start;
  for (const part of macroString.parts) {
    assert.equal(part.range.start, cursor, `${what}: gap or overlap before part ${JSON.stringify(part.text)}`);
    assert.equal(part.text, text.slice(part.range.start, part.range.end), `${what}: part text is not its range`);
    if (part.kind === 'macro') {
      assert.match(part.letter, /^[slodiphcrtv]$/, `${what}: macro letter`);
      assertInside(part.letterRange, part.range, `${what}: letter range`);
      if (part.digits !== undefined) assert.ok(Number.isSafeInteger(part.digits) && part.digits >= 0, `${what}: digits ${part.digits}`);
      assert.ok(part.delimiters.length > 0 && /^[.\-+,/_=]+$/.test(part.delimiters), `${what}: delimiters ${JSON.stringify(part.delimiters)}`);
    }
    cursor = part.range.end;
  }
  if (macroString.parts.length > 0) assert.equal(cursor, macroString.range.end, `${what}: parts end before the range`);
}

/** Everything a parsed record promises (see src/core/spf/ast.ts). */
export function checkSpfRecord(text: string, record: SpfRecord): void {
  assert.equal(record.text, text);
  if (record.versionRange) assertRange(record.versionRange, text.length, 'versionRange');
  let previousEnd = record.versionRange?.end ?? 0;
  record.terms.forEach((term, index) => {
    const what = `term ${index} ${JSON.stringify(term.text)}`;
    assert.equal(term.index, index, `${what}: index`);
    assertRange(term.range, text.length, what);
    assert.ok(term.range.start >= previousEnd && term.range.end > term.range.start, `${what}: terms out of order or empty`);
    previousEnd = term.range.end;
    assert.equal(term.text, text.slice(term.range.start, term.range.end), `${what}: text is not its range`);
    if (term.kind === 'mechanism') {
      assert.ok(MECHANISMS.has(term.name), `${what}: mechanism name ${term.name}`);
      assert.ok(QUALIFIERS.has(term.qualifier), `${what}: qualifier`);
      assertInside(term.nameRange, term.range, `${what}: nameRange`);
      if (term.qualifierRange) assertInside(term.qualifierRange, term.range, `${what}: qualifierRange`);
      if (term.domainSpec) {
        assertInside(term.domainSpec.range, term.range, `${what}: domainSpec`);
        checkMacroString(text, term.domainSpec, `${what} domain-spec`);
      }
      if (term.cidr) {
        assertInside(term.cidr.range, term.range, `${what}: cidr`);
        for (const length of [term.cidr.ip4, term.cidr.ip6]) if (length) assertInside(length.valueRange, length.range, `${what}: cidr value`);
      }
      if (term.network) {
        assertInside(term.network.range, term.range, `${what}: network`);
        const max = term.name === 'ip4' ? 32 : 128;
        assert.ok(term.network.prefixLength >= 0 && term.network.prefixLength <= max, `${what}: prefix length ${term.network.prefixLength}`);
      }
    } else if (term.kind === 'modifier') {
      assertInside(term.nameRange, term.range, `${what}: nameRange`);
      assert.equal(term.name, term.name.toLowerCase(), `${what}: modifier name not lower-cased`);
      assertInside(term.value.range, term.range, `${what}: value`);
      checkMacroString(text, term.value, `${what} value`);
    }
  });
  const termErrors = new Set(record.errors.map((error) => error.termIndex).filter((index) => index !== undefined));
  for (const term of record.terms) if (term.kind === 'invalid') assert.ok(termErrors.has(term.index), `invalid term ${term.index} has no error`);
  for (const error of record.errors) {
    assertRange(error.range, text.length, `error ${error.code}`);
    assert.ok(SYNTAX_ERROR_CODES.has(error.code), `error code ${error.code}`);
    assert.ok(error.reason.length > 0, 'error without a reason');
    if (error.termIndex !== undefined) assert.ok(error.termIndex >= 0 && error.termIndex < record.terms.length, `error termIndex ${error.termIndex}`);
  }
  assert.deepEqual(record.mechanisms, record.terms.filter((term) => term.kind === 'mechanism'));
  assert.equal(record.redirect, record.terms.find((term) => term.kind === 'modifier' && term.name === 'redirect'));
  assert.equal(record.exp, record.terms.find((term) => term.kind === 'modifier' && term.name === 'exp'));
}

/** A TXT value's strings are in document order inside the text, and its offset map is monotonic and inside each string. */
export function checkTxtValue(text: string, value: TxtValue, what: string): void {
  let joined = '';
  let previousEnd = 0;
  for (const [index, item] of value.strings.entries()) {
    const label = `${what} string ${index}`;
    assertRange(item.range, text.length, label);
    assertInside(item.contentRange, item.range, `${label} content`);
    assert.ok(item.range.start >= previousEnd, `${label}: strings out of order`);
    previousEnd = item.range.end;
    assert.equal(item.valueStart, joined.length, `${label}: valueStart`);
    joined += item.text;
    assert.ok(Number.isInteger(item.octets) && item.octets >= 0, `${label}: octets ${item.octets}`);
    if (item.sourceOffsets) {
      assert.equal(item.sourceOffsets.length, item.text.length + 1, `${label}: offset map length`);
      for (let unit = 0; unit <= item.text.length; unit++) {
        const at = sourceOffsetOf(item, unit);
        assert.ok(at >= item.contentRange.start && at <= item.contentRange.end, `${label}: unit ${unit} maps to ${at}, outside ${JSON.stringify(item.contentRange)}`);
        if (unit > 0) assert.ok(at >= sourceOffsetOf(item, unit - 1), `${label}: offset map goes backwards at unit ${unit}`);
      }
      assert.equal(sourceOffsetOf(item, item.text.length), item.contentRange.end, `${label}: offset map does not end at the content end`);
    } else {
      assert.equal(item.contentRange.end - item.contentRange.start, item.text.length, `${label}: one-to-one map but lengths differ`);
      if (item.syntax === 'plain' || item.syntax === 'zone-unquoted') {
        assert.equal(item.text, text.slice(item.contentRange.start, item.contentRange.end), `${label}: plain text is not its range`);
      }
    }
  }
  assert.equal(value.value, joined, `${what}: value is not the strings joined`);
  if (value.strings.length > 0) {
    assert.deepEqual(value.range, { start: value.strings[0].range.start, end: value.strings[value.strings.length - 1].range.end }, `${what}: range`);
  }
  if (value.genericRange) assertRange(value.genericRange, text.length, `${what} genericRange`);
}

/** Issues have a range inside the text and a reason. */
export function checkIssues(text: string, issues: readonly TextIssue[], what: string): void {
  for (const issue of issues) {
    assertRange(issue.range, text.length, `${what} ${JSON.stringify(issue.reason)}`);
    assert.ok(issue.reason.length > 0, `${what}: issue without a reason`);
  }
}
