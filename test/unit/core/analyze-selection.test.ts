import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeSelection, MAX_SELECTION_BYTES } from '../../../src/core/analyze-selection';

describe('analyzeSelection', () => {
  it('reports an empty or whitespace-only selection', () => {
    assert.equal(analyzeSelection('').kind, 'empty');
    const result = analyzeSelection(' \n\t ');
    assert.equal(result.kind, 'empty');
    assert.match(result.reason, /empty/);
  });

  it('refuses text over 2 MB, counting UTF-8 bytes', () => {
    const result = analyzeSelection(`v=spf1 ${'a'.repeat(MAX_SELECTION_BYTES)}`);
    assert.equal(result.kind, 'too-large');
    assert.match(result.reason, /2 MB/);
    // 0x100000 three-byte characters are 3 MB of UTF-8 although only 1 Mi UTF-16 code units.
    assert.equal(analyzeSelection('\u20ac'.repeat(0x100000)).kind, 'too-large');
    assert.equal(analyzeSelection('a'.repeat(MAX_SELECTION_BYTES)).kind, 'unknown');
  });

  it('reports binary input with the offset of the first control character', () => {
    const result = analyzeSelection('v=spf1 -all\u0000\u0001');
    assert.deepEqual(result, {
      kind: 'binary',
      offset: 11,
      reason: 'The selection looks binary: it contains the control character U+0000 at offset 11.',
    });
    assert.equal(analyzeSelection('line one\r\n\tline two\f').kind, 'unknown');
  });

  it('finds an unquoted SPF record and its range', () => {
    const text = 'example.com. 300 IN TXT v=spf1 mx -all  \nnext line';
    const result = analyzeSelection(text);
    assert.equal(result.kind, 'spf-record');
    if (result.kind !== 'spf-record') return;
    assert.equal(result.record, 'v=spf1 mx -all');
    assert.equal(text.slice(result.range.start, result.range.end), 'v=spf1 mx -all');
  });

  it('joins a record split into quoted strings across lines and maps its range to the input', () => {
    const text = '@ IN TXT ( "v=spf1 ip4:192.0.2.1 " ; part one\n    "include:_spf.google.com ~all" )';
    const result = analyzeSelection(text);
    assert.equal(result.kind, 'spf-record');
    if (result.kind !== 'spf-record') return;
    assert.equal(result.record, 'v=spf1 ip4:192.0.2.1 include:_spf.google.com ~all');
    assert.equal(result.range.start, text.indexOf('v=spf1'));
    assert.equal(result.range.end, text.indexOf('~all"') + '~all'.length);
    const unjoined = analyzeSelection('"v=spf1 -all" ; done\n"other text"');
    assert.equal(unjoined.kind === 'spf-record' && unjoined.record, 'v=spf1 -all');
    const closed = analyzeSelection('( "v=spf1 " )\n"-all"');
    assert.equal(closed.kind === 'spf-record' && closed.record, 'v=spf1 ');
  });

  it('decodes zone-file escapes inside quoted strings', () => {
    const result = analyzeSelection('"v=spf1 exp=%{d}\\059x \\"q\\" -all"');
    assert.equal(result.kind === 'spf-record' && result.record, 'v=spf1 exp=%{d};x "q" -all');
  });

  it('matches the version case-insensitively but not inside another word', () => {
    assert.equal(analyzeSelection('"V=SPF1 -all"').kind, 'spf-record');
    assert.equal(analyzeSelection('xv=spf1 -all').kind, 'unknown');
    assert.equal(analyzeSelection('v=spf10 -all').kind, 'unknown');
  });

  it('recognises a Gmail SPF bounce by its SMTP reply and enhanced status code', () => {
    const text = [
      '550-5.7.26 This mail has been blocked because the sender is unauthenticated.',
      '550-5.7.26 SPF check for [shop.example.co.jp] did not pass with ip: [203.0.113.45].',
    ].join('\n');
    const result = analyzeSelection(text);
    assert.equal(result.kind, 'bounce');
    if (result.kind !== 'bounce') return;
    assert.equal(result.replyCode, '550');
    assert.equal(result.enhancedStatus, '5.7.26');
    assert.equal(text.slice(result.range.start, result.range.end), '550-5.7.26');
  });

  it('recognises a delivery status notification by its Status field', () => {
    const text = 'Final-Recipient: rfc822; user@example.org\nAction: failed\nStatus: 5.7.1\n';
    const result = analyzeSelection(text);
    assert.equal(result.kind, 'bounce');
    if (result.kind !== 'bounce') return;
    assert.equal(result.replyCode, undefined);
    assert.equal(text.slice(result.range.start, result.range.end), '5.7.1');
  });

  it('hands a message with a base64 body to the bounce reader, which alone can decode it', () => {
    const text = readFileSync(resolve(process.cwd(), 'test/fixtures/bounces/exim-bad-spf-base64.eml'), 'utf8');
    const result = analyzeSelection(text);
    assert.equal(result.kind, 'bounce');
    if (result.kind !== 'bounce') return;
    assert.equal(result.enhancedStatus, undefined);
    assert.equal(text.slice(result.range.start, result.range.end), 'Content-Transfer-Encoding: base64');
  });

  it('does not take an encoding field without any message header for a message', () => {
    const result = analyzeSelection('Content-Transfer-Encoding: base64\nv=spf1 -all');
    assert.equal(result.kind, 'spf-record');
  });

  it('explains what it looked for when the text is neither', () => {
    const result = analyzeSelection('250 2.0.0 OK queued as 12345');
    assert.equal(result.kind, 'unknown');
    assert.match(result.reason, /v=spf1/);
    assert.match(result.reason, /5\.7\.26/);
  });

  it('stays fast on adversarial input', () => {
    // Each scan is a single linear regex or loop; this input would expose backtracking.
    const text = `${'"v=spf1 '.repeat(20000)}${' 550-'.repeat(20000)}`;
    assert.equal(analyzeSelection(text).kind, 'spf-record');
    assert.equal(analyzeSelection('5'.repeat(500000)).kind, 'unknown');
  });
});
