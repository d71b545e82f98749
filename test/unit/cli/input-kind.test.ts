/** How `analyze` tells its inputs apart: content first (zone markers, bounce markers), then the file name. */
import * as assert from 'node:assert/strict';
import { detectInputKind } from '../../../src/cli/input-kind';

describe('detectInputKind', () => {
  const cases: Array<[string, string, string, string]> = [
    ['$ORIGIN in a .txt file', 'notes.txt', '$ORIGIN example.com.\n@ IN TXT "v=spf1 -all"\n', 'zone'],
    ['an SOA record without directives', 'records', 'example.com. 3600 IN SOA ns1 host 1 2 3 4 5\n', 'zone'],
    ['IN TXT lines only', 'export', 'www IN TXT "v=spf1 -all"\n', 'zone'],
    ['a .zone name with a record missing IN', 'x.zone', '@ TXT "v=spf1 -all"\n', 'zone'],
    ['RFC 3464 fields', 'message', 'Reporting-MTA: dns; mx.example.com\nFinal-Recipient: rfc822; a@example.net\n', 'bounce'],
    ['an SMTP reply with an enhanced status code', 'pasted', 'said: 550 5.7.26 unauthenticated\n', 'bounce'],
    ['an .eml name', 'x.eml', 'From: MAILER-DAEMON\n\nhello\n', 'bounce'],
    ['JSON without a telling name', 'records', '{"TXT": "v=spf1 -all"}', 'code:json'],
    ['Terraform HCL by content', 'main', 'resource "aws_route53_record" "spf" {\n  records = ["v=spf1 -all"]\n}\n', 'code:hcl'],
    ['DNSControl JavaScript by content', 'dnsconfig', 'D("example.com", REG, TXT("@", "v=spf1 -all"));\n', 'code:javascript'],
    ['YAML by name', 'octodns.yml', "'':\n  type: TXT\n  value: v=spf1 -all\n", 'code:yaml'],
    ['a pasted record value', 'value', 'v=spf1 ip4:192.0.2.1 -all\n', 'raw'],
    ['one zone line with its owner', 'line', 'example.com. TXT "v=spf1 -all"\n', 'txt-line'],
  ];
  for (const [what, file, text, expected] of cases) {
    it(`reads ${what} as ${expected}`, () => {
      const detected = detectInputKind(file, text);
      assert.equal(detected.kind === 'code' ? `code:${detected.language}` : detected.kind, expected);
    });
  }

  it('refuses binary data and text it cannot place, with a reason', () => {
    assert.deepEqual(detectInputKind('x.bin', 'PNG\0\0data'), { kind: 'unknown', reason: 'binary data, not a zone file, bounce message or DNS-as-code file' });
    assert.equal(detectInputKind('notes', 'just some words').kind, 'unknown');
  });
});
