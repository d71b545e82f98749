import * as assert from 'node:assert/strict';
import { analyzeSelection, type SelectionAnalysis } from '../../../src/core/analyze-selection';

function reader(analysis: SelectionAnalysis): { reader: unknown; input: string } {
  assert.equal(analysis.kind, 'spf-record');
  return analysis.kind === 'spf-record' ? { reader: analysis.reader, input: analysis.input } : { reader: undefined, input: '' };
}

describe('analyzeSelection: which reader reads a record selection', () => {
  it('reads a whole zone (directives, SOA or other records around the record) with the zone reader', () => {
    const zone = '$ORIGIN example.com.\n@ IN TXT "v=spf1 -all"\n';
    assert.deepEqual(reader(analyzeSelection(zone)), { reader: { kind: 'zone' }, input: zone });
    const records = 'www IN A 192.0.2.1\n@ IN TXT "v=spf1 -all"\n';
    assert.deepEqual(reader(analyzeSelection(records)), { reader: { kind: 'zone' }, input: records });
  });

  it('reads one record line (owner, TTL, class optional) with the TXT-line reader, comments around it ignored', () => {
    const text = '; the record\nexample.com. 300 IN TXT "v=spf1 mx -all"\n';
    assert.deepEqual(reader(analyzeSelection(text)), { reader: { kind: 'txt-line' }, input: 'example.com. 300 IN TXT "v=spf1 mx -all"' });
    assert.deepEqual(reader(analyzeSelection('TXT "v=spf1 -all"')), { reader: { kind: 'txt-line' }, input: 'TXT "v=spf1 -all"' });
  });

  it('reads a value without a type word (as pasted from a provider panel or dig +short) with the raw reader', () => {
    assert.deepEqual(reader(analyzeSelection('"v=spf1 include:_spf.example.net " "~all"')), { reader: { kind: 'raw' }, input: 'v=spf1 include:_spf.example.net ~all' });
    assert.deepEqual(reader(analyzeSelection('Value: v=spf1 a -all')), { reader: { kind: 'raw' }, input: 'v=spf1 a -all' });
  });

  it('reads the selection as code when it comes from a DNS-as-code document', () => {
    const yaml = 'value: "v=spf1 -all"';
    assert.deepEqual(reader(analyzeSelection(yaml, { codeLanguage: 'yaml' })), { reader: { kind: 'code', language: 'yaml' }, input: yaml });
  });

  it('takes a bounce that quotes a record as a bounce', () => {
    const text = '550 5.7.23 SPF validation failed: example.com publishes "v=spf1 -all"';
    assert.equal(analyzeSelection(text).kind, 'bounce');
  });
});
