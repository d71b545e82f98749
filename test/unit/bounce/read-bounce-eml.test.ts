import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readBounce } from '../../../src/core/readers/bounce/read-bounce';
import { readFixture, rangeOf, spanOf } from './fixture-text';

describe('readBounce on .eml (multipart/report)', () => {
  it('reads a CRLF multipart/report: DSN fields, folded Diagnostic-Code, returned message/rfc822', async () => {
    const text = readFixture('gmail-dmarc-report.eml');
    assert.ok(text.includes('\r\n'), 'fixture keeps CRLF line ends');
    const report = await readBounce(text);
    assert.equal(report.classification, 'dmarc');
    assert.equal(report.provider, 'gmail');
    assert.equal(report.fromDomain, 'shop.example.co.jp');
    assert.equal(report.spfDomain, 'mail.shop.example.co.jp');
    assert.equal(report.reportingMta, 'relay.example-hosting.net');
    assert.equal(report.remoteMta, 'gmail-smtp-in.l.google.com');
    assert.equal(report.enhancedStatus, '5.7.26');
    assert.deepEqual(report.checks, { spf: 'unknown', dkim: 'unknown', dmarc: 'fail' });
    // Gmail named no IP; the relay wrote the report and connected to Gmail itself. Its address is
    // the one the bounce's own Received header shows for it, never the submitting web server.
    assert.equal(report.relayHost, 'relay.example-hosting.net');
    assert.equal(report.clientIp, '198.51.100.77');
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '198.51.100.77'));
    assert.deepEqual(report.evidence.reportingMta, rangeOf(text, 'relay.example-hosting.net', 'Reporting-MTA'));
    assert.deepEqual(report.evidence.remoteMta, rangeOf(text, 'gmail-smtp-in.l.google.com', 'Remote-MTA'));
    assert.deepEqual(report.evidence.enhancedStatus, rangeOf(text, '5.7.26', 'Diagnostic-Code'));
    assert.deepEqual(report.evidence.fromDomain, rangeOf(text, 'shop.example.co.jp', 'Diagnostic-Code'));
    assert.deepEqual(report.evidence.spfDomain, rangeOf(text, 'mail.shop.example.co.jp', 'Return-Path'));
    assert.deepEqual(report.evidence.classification, spanOf(text, 'Unauthenticated email from', 'DMARC policy', 'Diagnostic-Code'));
  });

  it('maps quoted-printable text back exactly and takes the receiver-side Received hop as the client', async () => {
    const text = readFixture('microsoft-5.7.23-qp-receiver-side.eml');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.provider, 'microsoft');
    assert.equal(report.enhancedStatus, '5.7.23');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.equal(report.relayHost, 'sv1234.xserver.jp');
    assert.equal(report.spfDomain, 'shop.example.co.jp');
    assert.equal(report.reportingMta, 'db8pr01mb0001.eurprd01.prod.outlook.com');
    // The reply spans a QP soft line break ("Send=" CRLF "er Policy").
    assert.deepEqual(report.evidence.classification, spanOf(text, 'rejected because of Send=', 'er Policy Framework violation'));
    assert.equal(report.evidence.classification?.encoded, undefined);
    assert.deepEqual(report.evidence.statusCode, rangeOf(text, '550', 'Remote Server returned'));
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '203.0.113.45', 'text/rfc822-headers'));
    assert.deepEqual(report.evidence.relayHost, rangeOf(text, 'sv1234.xserver.jp', 'text/rfc822-headers'));
  });

  it('reads Outlook.com 5.7.515 verdicts "Spf= Fail , Dkim= Pass , DMARC= Pass" as an SPF failure', async () => {
    const text = readFixture('microsoft-5.7.515-verdicts.eml');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.deepEqual(report.checks, { spf: 'fail', dkim: 'pass', dmarc: 'pass' });
    assert.equal(report.fromDomain, 'shop.example.co.jp');
    assert.equal(report.enhancedStatus, '5.7.515');
    assert.deepEqual(report.evidence.fromDomain, rangeOf(text, 'SHOP.EXAMPLE.CO.JP'));
    assert.deepEqual(report.evidence.checks.spf, rangeOf(text, 'Fail', 'Spf='));
    assert.deepEqual(report.evidence.checks.dkim, rangeOf(text, 'Pass', 'Dkim='));
    assert.deepEqual(report.evidence.checks.dmarc, rangeOf(text, 'Pass', 'DMARC='));
  });

  it('gives coarse evidence (the whole encoded body) for facts in a base64 part', async () => {
    const text = readFixture('exim-bad-spf-base64.eml');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.equal(report.spfDomain, 'shop.example.co.jp');
    const bodyStart = text.indexOf('\r\n\r\n') + 4;
    const body = { start: bodyStart, end: text.length, encoded: 'base64' };
    assert.deepEqual(report.evidence.clientIp, body);
    assert.deepEqual(report.evidence.spfDomain, body);
  });
});

describe('readBounce on bad input', () => {
  it('says why an empty selection is not a bounce', async () => {
    const report = await readBounce('  \n\t ');
    assert.equal(report.classification, 'not-a-bounce');
    assert.match(report.reason ?? '', /empty/);
  });

  it('returns not-a-bounce for 5 MB of random bytes without throwing', async () => {
    const report = await readBounce(randomBytes(5 * 1024 * 1024).toString('latin1'));
    assert.equal(report.classification, 'not-a-bounce');
    assert.match(report.reason ?? '', /binary/);
  });

  it('returns not-a-bounce for megabytes of ordinary text with no bounce in it', async () => {
    const report = await readBounce('The quick brown fox jumps over the lazy dog.\n'.repeat(120_000));
    assert.equal(report.classification, 'not-a-bounce');
    assert.match(report.reason ?? '', /No bounce/);
  });

  it('does not fall over on a broken .eml (unterminated multipart, stray boundaries)', async () => {
    const broken = 'MIME-Version: 1.0\r\nContent-Type: multipart/report; boundary="x"\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--x\r\n--x';
    const report = await readBounce(broken);
    assert.equal(report.classification, 'unknown-user');
    assert.equal(report.enhancedStatus, '5.1.1');
    assert.deepEqual(report.evidence.enhancedStatus, rangeOf(broken, '5.1.1'));
  });

  it('survives pathological repetition of reply prefixes and brackets', async () => {
    const report = await readBounce(`said: 550-5.7.26 [${'550-5.7.26 ['.repeat(50_000)}\n`);
    assert.notEqual(report.classification, 'not-a-bounce');
    assert.equal(report.clientIp, null);
  });
});
