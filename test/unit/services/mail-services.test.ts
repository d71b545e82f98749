import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_MAIL_SERVICES, findMailService, type MailService } from '../../../src/core/services/mail-services';

describe('findMailService', () => {
  const cases: Array<[string, string, string | null]> = [
    ['sv1234.xserver.jp', 'xserver', 'spf.sender.xserver.jp'],
    ['SV12.XBIZ.NE.JP.', 'xserver', 'spf.sender.xserver.jp'],
    ['www3001.sakura.ne.jp', 'sakura', null],
    ['mail-sor-f41.google.com', 'google-workspace', '_spf.google.com'],
    ['mail-ty1jpn01on2101.outbound.protection.outlook.com', 'microsoft-365', 'spf.protection.outlook.com'],
    ['a8-30.smtp-out.amazonses.com', 'amazon-ses', 'amazonses.com'],
    ['o1.ptr1234.sendgrid.net', 'sendgrid', 'sendgrid.net'],
    ['mail181-1.suw21.mcsv.net', 'mailchimp', 'servers.mcsv.net'],
    ['mail132-5.atl131.mandrillapp.com', 'mandrill', 'spf.mandrillapp.com'],
    ['mx-out.zendesk.com', 'zendesk', 'mail.zendesk.com'],
    ['mail-gw123.lolipop.jp', 'lolipop', '_spf.lolipop.jp'],
  ];
  for (const [host, id, include] of cases) {
    it(`maps ${host} to ${id}`, () => {
      const service = findMailService(host);
      assert.equal(service?.id, id);
      assert.equal(service?.include, include);
    });
  }

  it('matches suffixes at label boundaries only', () => {
    assert.equal(findMailService('evilsendgrid.net'), undefined);
    assert.equal(findMailService('sendgrid.net.example.com'), undefined);
    assert.equal(findMailService('sv1234.xserver.jp.example.com'), undefined);
    assert.equal(findMailService('www1.sakura.ne.jp.attacker.example'), undefined);
    assert.equal(findMailService('sendgrid.net')?.id, 'sendgrid');
  });

  it('returns undefined for unknown hosts, junk and over-long names', () => {
    assert.equal(findMailService('mail.shop.example.co.jp'), undefined);
    assert.equal(findMailService(''), undefined);
    assert.equal(findMailService('not a host'), undefined);
    assert.equal(findMailService(`${'a.'.repeat(200)}sendgrid.net`), undefined);
  });

  it('tries extra services (a user setting) before the built-in table', () => {
    const extra: MailService = {
      id: 'in-house',
      name: 'In-house relay',
      include: '_spf.relay.example-hosting.net',
      hostPatterns: [{ regex: /^relay\d+\.example-hosting\.net$/ }, { suffix: '.xserver.jp' }],
      source: 'https://example-hosting.net/spf',
      confidence: 'confirmed',
    };
    assert.equal(findMailService('relay7.example-hosting.net', [extra])?.id, 'in-house');
    assert.equal(findMailService('sv1.xserver.jp', [extra])?.id, 'in-house');
    assert.equal(findMailService('relay7.example-hosting.net'), undefined);
  });
});

describe('the mail services table', () => {
  it('has at least 30 services with unique ids, a source URL and a confidence each', () => {
    assert.ok(BUILT_IN_MAIL_SERVICES.length >= 30);
    assert.equal(new Set(BUILT_IN_MAIL_SERVICES.map((service) => service.id)).size, BUILT_IN_MAIL_SERVICES.length);
    for (const service of BUILT_IN_MAIL_SERVICES) {
      assert.match(service.source, /^https:\/\//, service.id);
      assert.ok(service.hostPatterns.length > 0, service.id);
      if (service.include !== null) assert.match(service.include, /^[a-z0-9_.-]+\.[a-z]{2,}$/, service.id);
    }
  });

  it('anchors every regex pattern so matching stays whole-name', () => {
    for (const service of BUILT_IN_MAIL_SERVICES) {
      for (const pattern of service.hostPatterns) {
        if ('regex' in pattern) assert.ok(pattern.regex.source.startsWith('^') && pattern.regex.source.endsWith('$'), service.id);
      }
    }
  });

  it('is documented entry by entry in docs/mail-services.md', () => {
    const doc = readFileSync(path.resolve(process.cwd(), 'docs/mail-services.md'), 'utf8');
    for (const service of BUILT_IN_MAIL_SERVICES) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${service.id}\` |`));
      assert.ok(row, `${service.id} missing from docs/mail-services.md`);
      assert.ok(row.includes(service.source), `${service.id}: source differs`);
      assert.ok(row.includes(service.include ? `include:${service.include}` : 'none shared'), `${service.id}: include differs`);
      assert.ok(row.includes(service.confidence), `${service.id}: confidence differs`);
    }
  });
});
