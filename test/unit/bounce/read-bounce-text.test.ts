import * as assert from 'node:assert/strict';
import { readBounce } from '../../../src/core/readers/bounce/read-bounce';
import { readFixture, rangeOf, spanOf } from './fixture-text';

describe('readBounce on pasted text', () => {
  it('reads the seed Gmail 550-5.7.26 bounce via Postfix, not taking the MX address for the client', async () => {
    const text = readFixture('gmail-5.7.26-via-postfix.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'unauthenticated');
    assert.equal(report.provider, 'gmail');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.notEqual(report.clientIp, '142.250.102.26');
    assert.equal(report.spfDomain, 'shop.example.co.jp');
    assert.equal(report.remoteMta, 'gmail-smtp-in.l.google.com');
    assert.equal(report.reportingMta, 'mail-proxy101.phy.example-hosting.com');
    assert.equal(report.relayHost, 'mail-proxy101.phy.example-hosting.com');
    assert.equal(report.statusCode, '550');
    assert.equal(report.enhancedStatus, '5.7.26');
    assert.deepEqual(report.checks, { spf: 'fail', dkim: 'fail', dmarc: 'unknown' });
    assert.equal(report.fromDomain, null);
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '203.0.113.45'));
    assert.deepEqual(report.evidence.spfDomain, rangeOf(text, 'shop.example.co.jp'));
    assert.deepEqual(report.evidence.remoteMta, rangeOf(text, 'gmail-smtp-in.l.google.com'));
    assert.deepEqual(report.evidence.reportingMta, rangeOf(text, 'mail-proxy101.phy.example-hosting.com'));
    assert.deepEqual(report.evidence.relayHost, rangeOf(text, 'mail-proxy101.phy.example-hosting.com'));
    assert.deepEqual(report.evidence.statusCode, rangeOf(text, '550'));
    assert.deepEqual(report.evidence.enhancedStatus, rangeOf(text, '5.7.26'));
    assert.deepEqual(report.evidence.classification, spanOf(text, 'DKIM checks did not pass', '[203.0.113.45]'));
    assert.deepEqual(report.evidence.checks.dkim, rangeOf(text, 'did not pass', 'DKIM checks'));
  });

  it('reads through re-wrapped replies: prefixes mid-sentence, split domain and split IP', async () => {
    const text = readFixture('gmail-hard-fail-rewrapped.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.equal(report.spfDomain, 'shop.example.co.jp');
    assert.equal(report.enhancedStatus, '5.7.26');
    const reply = text.indexOf('<someone@gmail.com>');
    const domainStart = text.indexOf('[shop.example.co.', reply) + 1;
    assert.deepEqual(report.evidence.spfDomain, { start: domainStart, end: text.indexOf('jp]', domainStart) + 2 });
    const ipStart = text.indexOf('[203.0.113.', reply) + 1;
    assert.deepEqual(report.evidence.clientIp, { start: ipStart, end: text.indexOf('45]', ipStart) + 2 });
    assert.deepEqual(report.evidence.classification, spanOf(text, 'The MAIL FROM domain', '45]', '<someone@gmail.com>'));
    assert.deepEqual(report.evidence.enhancedStatus, rangeOf(text, '5.7.26', '<someone@gmail.com>'));
  });

  it('reads Gmail "Authentication results" with an IPv6 client through an Exim bounce', async () => {
    const text = readFixture('gmail-auth-results-via-exim.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'unauthenticated');
    assert.equal(report.clientIp, '2001:db8:10::45');
    assert.equal(report.remoteMta, 'gmail-smtp-in.l.google.com');
    assert.deepEqual(report.checks, { spf: 'fail', dkim: 'fail', dmarc: 'unknown' });
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '2001:db8:10::45'));
    assert.deepEqual(report.evidence.spfDomain, rangeOf(text, 'shop.example.co.jp', 'SPF ['));
    assert.deepEqual(report.evidence.checks.spf, rangeOf(text, 'did not pass', '2001:db8:10::45'));
    assert.deepEqual(report.evidence.checks.dkim, rangeOf(text, 'did not pass', 'DKIM ='));
  });

  it('reads the temporary 421-4.7.27 SPF rejection', async () => {
    const text = readFixture('gmail-421-4.7.27-spf.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.statusCode, '421');
    assert.equal(report.enhancedStatus, '4.7.27');
    assert.equal(report.spfDomain, 'mail.shop.example.co.jp');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.deepEqual(report.evidence.spfDomain, rangeOf(text, 'mail.shop.example.co.jp', 'results:'));
    assert.deepEqual(report.evidence.statusCode, rangeOf(text, '421', 'said:'));
  });

  it('reads policyd-spf: client and MAIL FROM domain from the explanation URL split after ";"', async () => {
    const text = readFixture('policyd-spf-postfix.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.provider, 'policyd-spf');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.equal(report.spfDomain, 'shop.example.co.jp');
    assert.equal(report.enhancedStatus, '5.7.23');
    assert.equal(report.remoteMta, 'mx1.example.net');
    assert.equal(report.reportingMta, 'mail.shop.example.co.jp');
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '203.0.113.45', 'ip='));
    assert.deepEqual(report.evidence.spfDomain, rangeOf(text, 'shop.example.co.jp', 'id=orders@'));
    assert.deepEqual(report.evidence.remoteMta, rangeOf(text, 'mx1.example.net', 'Remote-MTA'));
    assert.deepEqual(report.evidence.reportingMta, rangeOf(text, 'mail.shop.example.co.jp', 'Reporting-MTA'));
    assert.deepEqual(report.evidence.checks.spf, rangeOf(text, 'fail', 'SPF fail'));
  });

  it('reads the cPanel/Exim "SPF: ip is not allowed to send mail from domain" text', async () => {
    const text = readFixture('cpanel-exim-spf-not-allowed.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.provider, 'cpanel');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.equal(report.spfDomain, 'shop.example.co.jp');
    assert.equal(report.remoteMta, 'mail.example.net');
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '203.0.113.45'));
    assert.deepEqual(report.evidence.spfDomain, rangeOf(text, 'shop.example.co.jp', 'send mail from'));
  });

  it('reads "Bad SPF records for [domain:ipv6]" and the relay from the returned headers', async () => {
    const text = readFixture('exim-bad-spf-records.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.clientIp, '2001:db8::45');
    assert.equal(report.spfDomain, 'shop.example.co.jp');
    assert.equal(report.fromDomain, 'shop.example.co.jp');
    assert.equal(report.relayHost, 'sv1234.xserver.jp');
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '2001:db8::45'));
    assert.deepEqual(report.evidence.fromDomain, rangeOf(text, 'shop.example.co.jp', 'From: Shop'));
    assert.deepEqual(report.evidence.relayHost, rangeOf(text, 'sv1234.xserver.jp', 'by sv1234'));
  });

  it('reads a Sendmail transcript: <<< reply lines and "while talking to"', async () => {
    const text = readFixture('sendmail-transcript-gmail.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'spf');
    assert.equal(report.remoteMta, 'gmail-smtp-in.l.google.com');
    assert.equal(report.clientIp, '203.0.113.45');
    assert.deepEqual(report.evidence.remoteMta, rangeOf(text, 'gmail-smtp-in.l.google.com', 'while talking to'));
    assert.deepEqual(report.evidence.clientIp, rangeOf(text, '203.0.113.45'));
  });

  it('reads Yahoo 5.7.9 and does not take the hop into the relay for the client', async () => {
    const text = readFixture('yahoo-5.7.9-no-ip.txt');
    const report = await readBounce(text);
    assert.equal(report.classification, 'unauthenticated');
    assert.equal(report.provider, 'yahoo');
    assert.equal(report.clientIp, null);
    assert.equal(report.relayHost, 'relay.example-hosting.net');
    assert.equal(report.spfDomain, 'mail.shop.example.co.jp');
    assert.equal(report.fromDomain, 'shop.example.co.jp');
    assert.deepEqual(report.evidence.spfDomain, rangeOf(text, 'mail.shop.example.co.jp', 'Return-Path'));
    assert.deepEqual(report.evidence.fromDomain, rangeOf(text, 'shop.example.co.jp', 'From: Shop'));
    assert.deepEqual(report.evidence.classification, rangeOf(text, 'Yahoo\n    requires all senders to authenticate with either SPF or DKIM'));
  });
});

describe('readBounce traps: look like SPF, are not', () => {
  const cases: Array<[string, string, string]> = [
    ['trap-null-mx-5.7.27.txt', 'null-mx', 'null MX'],
    ['trap-smtp-auth-required.txt', 'smtp-auth-required', 'Authentication required'],
    ['trap-relay-access-denied.txt', 'relay-denied', 'Relay access denied'],
    ['trap-spamhaus-blocklist.txt', 'blocklist', 'blocked using'],
    ['trap-gmail-reputation.txt', 'blocklist', 'reputation'],
    ['docomo-unknown-user.txt', 'unknown-user', 'Unknown user'],
    ['au-user-unknown.txt', 'unknown-user', 'User unknown'],
  ];
  for (const [name, classification, phrase] of cases) {
    it(`${name} is ${classification}, with no SPF facts`, async () => {
      const text = readFixture(name);
      const report = await readBounce(text);
      assert.equal(report.classification, classification);
      assert.equal(report.checks.spf, 'unknown');
      assert.equal(report.clientIp, null);
      assert.equal(report.spfDomain, null);
      const phraseStart = text.indexOf(phrase, text.indexOf('\n\n'));
      assert.deepEqual(report.evidence.classification, { start: phraseStart, end: phraseStart + phrase.length });
    });
  }

  it('names the Japanese carrier from its MX host', async () => {
    const docomo = readFixture('docomo-unknown-user.txt');
    const report = await readBounce(docomo);
    assert.equal(report.provider, 'docomo');
    assert.deepEqual(report.evidence.provider, rangeOf(docomo, 'mfsmax.docomo.ne.jp', 'while talking to'));
  });
});
