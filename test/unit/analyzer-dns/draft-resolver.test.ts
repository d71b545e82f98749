import assert from 'node:assert/strict';
import { draftResolver } from '../../../src/core/analyzer/dns/draft-resolver';
import { readDocument } from '../../../src/core/analyzer/document';
import { MemoryResolver } from '../../../src/core/dns/memory-resolver';
import { checkHost } from '../../../src/core/spf/check-host';

/** The live side: the domain's A, MX and mail host, and its published (old) SPF record. */
const outside = new MemoryResolver([
  { name: 'shop.example.co.jp', type: 'A', value: '198.51.100.10' },
  { name: 'shop.example.co.jp', type: 'MX', value: { preference: 10, exchange: 'mail.shop.example.co.jp' } },
  { name: 'shop.example.co.jp', type: 'TXT', value: ['v=spf1 -all'] },
  { name: 'mail.shop.example.co.jp', type: 'A', value: '198.51.100.25' },
]);

const SNIPPET = 'shop.example.co.jp. 3600 IN TXT "v=spf1 +a:shop.example.co.jp +mx ~all"\n';

async function resultFor(zoneText: string, ip: string): Promise<string> {
  const resolver = draftResolver(readDocument(zoneText, { kind: 'zone' }), outside);
  const { result } = await checkHost({ ip, sender: 'order@shop.example.co.jp', helo: 'web.example' }, { resolver });
  return result;
}

describe('draftResolver', () => {
  it('a zone fragment (no SOA, no $ORIGIN) replaces only the records it holds: the A and MX of its name come from outside', async () => {
    assert.equal(await resultFor(SNIPPET, '198.51.100.10'), 'pass', 'a:shop.example.co.jp matches the live A record');
    assert.equal(await resultFor(SNIPPET, '198.51.100.25'), 'pass', 'mx matches the live mail host');
    assert.equal(await resultFor(SNIPPET, '203.0.113.45'), 'softfail', 'the draft TXT record, not the live -all, decides');
  });

  it('a zone with an SOA record is authoritative below its apex: a name it lacks has no records', async () => {
    const zone = [
      '$ORIGIN shop.example.co.jp.',
      '@ IN SOA ns1.example. hostmaster.example. 1 3600 900 1209600 300',
      '@ IN TXT "v=spf1 +a:shop.example.co.jp ~all"',
      '',
    ].join('\n');
    assert.equal(await resultFor(zone, '198.51.100.10'), 'softfail', 'the zone has no A record for its apex, so a: cannot match');
  });
});
