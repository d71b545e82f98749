import * as assert from 'node:assert/strict';
import { checkHost } from '../../../src/core/spf/check-host';
import { testZone, type TestNameRecords } from './zone-helper';

async function check(zone: Record<string, TestNameRecords>, ip = '192.0.2.1') {
  return checkHost({ ip, sender: 'user@example.com', helo: 'mail.example.com' }, { resolver: testZone(zone) });
}

/** example.com includes i1 … iN, each with a harmless record. */
function includeFanOut(count: number): Record<string, TestNameRecords> {
  const zone: Record<string, TestNameRecords> = {};
  const includes = Array.from({ length: count }, (_, index) => `include:i${index + 1}.example.com`);
  zone['example.com'] = { TXT: [`v=spf1 ${includes.join(' ')} -all`] };
  for (let index = 1; index <= count; index++) zone[`i${index}.example.com`] = { TXT: ['v=spf1 ip4:198.51.100.1 -all'] };
  return zone;
}

describe('RFC 7208 §4.6.4 limits', () => {
  it('allows 10 DNS-querying terms', async () => {
    const outcome = await check(includeFanOut(10));
    assert.equal(outcome.result, 'fail');
    assert.equal(outcome.trace.dnsTerms.length, 10);
  });

  it('gives permerror at the 11th DNS-querying term and names it', async () => {
    const outcome = await check(includeFanOut(11));
    assert.equal(outcome.result, 'permerror');
    assert.equal(outcome.trace.dnsTerms.length, 11);
    const last = outcome.trace.root.terms[10];
    assert.equal(last.term, 'include:i11.example.com');
    assert.equal(last.outcome, 'error');
    assert.equal(last.dnsTermCount, 11);
    assert.equal(outcome.trace.root.decidingTerm, 10);
    assert.match(outcome.trace.root.reason, /number 11/);
  });

  it('counts terms inside includes and redirects towards the same 10', async () => {
    const zone: Record<string, TestNameRecords> = {
      'example.com': { TXT: ['v=spf1 include:a.example.com redirect=b.example.com'] },
      'a.example.com': { TXT: ['v=spf1 a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com -all'] },
      'b.example.com': { TXT: ['v=spf1 a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com ~all'] },
    };
    for (let index = 1; index <= 5; index++) zone[`h${index}.example.com`] = { A: ['198.51.100.7'] };
    const outcome = await check(zone);
    // include (1) + 4 in a + redirect (6) + 5 in b = 11.
    assert.equal(outcome.result, 'permerror');
    assert.deepEqual(outcome.trace.dnsTerms.map((event) => event.domain), [
      'example.com', 'a.example.com', 'a.example.com', 'a.example.com', 'a.example.com',
      'example.com', 'b.example.com', 'b.example.com', 'b.example.com', 'b.example.com', 'b.example.com',
    ]);
  });

  it('does not count ip4, ip6, all and exp', async () => {
    const outcome = await check({ 'example.com': { TXT: ['v=spf1 ip4:198.51.100.1 ip6:2001:db8::1 exp=e.example.com -all'] } });
    assert.equal(outcome.result, 'fail');
    assert.equal(outcome.trace.dnsTerms.length, 0);
  });

  it('allows 2 void lookups and gives permerror at the 3rd, naming each term', async () => {
    const two = await check({ 'example.com': { TXT: ['v=spf1 a:n1.example.com mx:n2.example.com -all'] } });
    assert.equal(two.result, 'fail');
    assert.equal(two.trace.voidLookups.length, 2);
    const three = await check({ 'example.com': { TXT: ['v=spf1 a:n1.example.com mx:n2.example.com exists:n3.example.com -all'] } });
    assert.equal(three.result, 'permerror');
    assert.deepEqual(three.trace.voidLookups.map((event) => event.term), ['a:n1.example.com', 'mx:n2.example.com', 'exists:n3.example.com']);
    assert.equal(three.trace.root.terms[2].voidLookupCount, 3);
  });

  it('gives permerror for more than 10 MX names, none for 10', async () => {
    const zone = (count: number): Record<string, TestNameRecords> => ({
      'example.com': {
        TXT: ['v=spf1 mx -all'],
        MX: Array.from({ length: count }, (_, index): [number, string] => [index, `mx${index}.example.com`]),
      },
    });
    assert.equal((await check(zone(10))).result, 'fail');
    const eleven = await check(zone(11));
    assert.equal(eleven.result, 'permerror');
    assert.match(eleven.trace.root.reason, /11 MX records/);
  });

  it('looks at no more than 10 PTR names (the rest are ignored)', async () => {
    const names = Array.from({ length: 11 }, (_, index) => `h${index}.example.com`);
    const zone: Record<string, TestNameRecords> = {
      'example.com': { TXT: ['v=spf1 ptr -all'] },
      '1.2.0.192.in-addr.arpa': { PTR: names },
      'h10.example.com': { A: ['192.0.2.1'] },
    };
    for (const name of names.slice(0, 10)) zone[name] = { A: ['198.51.100.1'] };
    assert.equal((await check(zone)).result, 'fail');
    zone['1.2.0.192.in-addr.arpa'] = { PTR: names.slice(1) };
    assert.equal((await check(zone)).result, 'pass');
  });

  it('takes other limits when asked', async () => {
    const outcome = await checkHost(
      { ip: '192.0.2.1', sender: 'user@example.com', helo: 'h.example.com' },
      { resolver: testZone(includeFanOut(3)), limits: { dnsTerms: 2 } },
    );
    assert.equal(outcome.result, 'permerror');
    assert.equal(outcome.trace.limits.dnsTerms, 2);
  });
});
