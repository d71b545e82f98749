import * as assert from 'node:assert/strict';
import { checkHost, type CheckHostOptions } from '../../../src/core/spf/check-host';
import { renderTrace } from '../../../src/core/spf/trace';
import { testZone, type TestNameRecords } from './zone-helper';

async function check(zone: Record<string, TestNameRecords>, ip: string, options: Partial<CheckHostOptions> = {}, timeouts: string[] = []) {
  return checkHost({ ip, sender: 'user@example.com', helo: 'mail.example.com' }, { resolver: testZone(zone, timeouts), ...options });
}

describe('checkHost (RFC 7208)', () => {
  it('passes an authorised IPv4 and gives the deciding term', async () => {
    const outcome = await check({ 'example.com': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] } }, '192.0.2.10');
    assert.equal(outcome.result, 'pass');
    assert.equal(outcome.trace.root.decidingTerm, 0);
    assert.equal(outcome.trace.root.terms[0].term, 'ip4:192.0.2.0/24');
    assert.equal(outcome.trace.root.terms[0].outcome, 'match');
  });

  it('treats an IPv4-mapped IPv6 client as IPv4', async () => {
    const outcome = await check({ 'example.com': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] } }, '::ffff:192.0.2.10');
    assert.equal(outcome.result, 'pass');
  });

  it('applies dual CIDR on a and mx per client family', async () => {
    const zone = {
      'example.com': { TXT: ['v=spf1 a/24//64 mx:mx.example.com/30 -all'], A: ['198.51.100.1'], AAAA: ['2001:db8:1::1'] },
      'mx.example.com': { MX: [[10, 'host.example.com']] as Array<[number, string]> },
      'host.example.com': { A: ['203.0.113.1'] },
    };
    assert.equal((await check(zone, '198.51.100.200')).result, 'pass');
    assert.equal((await check(zone, '2001:db8:1::ffff')).result, 'pass');
    assert.equal((await check(zone, '2001:db8:2::1')).result, 'fail');
    assert.equal((await check(zone, '203.0.113.3')).result, 'pass');
    assert.equal((await check(zone, '203.0.113.4')).result, 'fail');
  });

  it('returns none without a record and permerror with two (RFC 7208 §4.5)', async () => {
    assert.equal((await check({ 'example.com': { TXT: ['google-site-verification=x'] } }, '192.0.2.1')).result, 'none');
    assert.equal((await check({ 'other.com': {} }, '192.0.2.1')).result, 'none');
    const two = await check({ 'example.com': { TXT: ['v=spf1 -all', 'v=spf1 +all'] } }, '192.0.2.1');
    assert.equal(two.result, 'permerror');
    assert.match(two.trace.root.reason, /more than one SPF record/);
  });

  it('returns none for malformed domains (RFC 7208 §4.3)', async () => {
    const resolver = testZone({});
    for (const domain of ['example', 'a..example.com', `${'a'.repeat(64)}.example.com`, '[192.0.2.1]']) {
      const outcome = await checkHost({ ip: '192.0.2.1', domain, sender: 'x@example.com', helo: 'h.example.com' }, { resolver });
      assert.equal(outcome.result, 'none', domain);
      assert.equal(outcome.trace.queryCount, 0);
    }
  });

  it('returns temperror on DNS errors and permerror on syntax errors', async () => {
    assert.equal((await check({ 'example.com': {} }, '192.0.2.1', {}, ['example.com'])).result, 'temperror');
    const zone = { 'example.com': { TXT: ['v=spf1 a:slow.example.com -all'] }, 'slow.example.com': {} };
    const temp = await check(zone, '192.0.2.1', {}, ['slow.example.com']);
    assert.equal(temp.result, 'temperror');
    assert.match(temp.trace.root.reason, /slow\.example\.com/);
    const syntax = await check({ 'example.com': { TXT: ['v=spf1 ip4:192.0.2.300 -all'] } }, '192.0.2.1');
    assert.equal(syntax.result, 'permerror');
    assert.equal(syntax.trace.root.errors?.[0].code, 'invalid-ip');
  });

  it('maps include results as RFC 7208 §5.2 says', async () => {
    const zone = (included: string): Record<string, TestNameRecords> => ({
      'example.com': { TXT: ['v=spf1 include:inc.example.com -all'] },
      'inc.example.com': { TXT: included ? [included] : [] },
    });
    assert.equal((await check(zone('v=spf1 +all'), '192.0.2.1')).result, 'pass');
    assert.equal((await check(zone('v=spf1 -all'), '192.0.2.1')).result, 'fail');
    assert.equal((await check(zone('v=spf1 ?all'), '192.0.2.1')).result, 'fail');
    assert.equal((await check(zone('v=spf1 bogus'), '192.0.2.1')).result, 'permerror');
    assert.equal((await check(zone(''), '192.0.2.1')).result, 'permerror');
  });

  it('follows redirect= only when nothing matched and uses the target exp (RFC 7208 §6)', async () => {
    const zone = {
      'example.com': { TXT: ['v=spf1 ip4:192.0.2.1 redirect=target.example.com exp=own.example.com'] },
      'target.example.com': { TXT: ['v=spf1 -all exp=why.example.com'] },
      'why.example.com': { TXT: ['%{i} is not allowed to send for %{d}'] },
      'own.example.com': { TXT: ['own explanation'] },
    };
    assert.equal((await check(zone, '192.0.2.1')).result, 'pass');
    const redirected = await check(zone, '192.0.2.2');
    assert.equal(redirected.result, 'fail');
    assert.equal(redirected.explanation, '192.0.2.2 is not allowed to send for target.example.com');
    assert.equal(redirected.trace.root.terms[1].child?.domain, 'target.example.com');
    const none = await check({ 'example.com': { TXT: ['v=spf1 redirect=nothing.example.com'] } }, '192.0.2.2');
    assert.equal(none.result, 'permerror');
  });

  it('uses the default explanation when exp= gives nothing usable', async () => {
    const zone = {
      'example.com': { TXT: ['v=spf1 -all exp=why.example.com'] },
      'why.example.com': { TXT: ['bad %{z} macro'] },
    };
    const outcome = await check(zone, '192.0.2.1', { defaultExplanation: 'rejected %{i}' });
    assert.equal(outcome.explanation, 'rejected 192.0.2.1');
    assert.match(outcome.trace.root.explanation?.problem ?? '', /syntax error/);
  });

  it('expands %{p} with a validated name and matches ptr', async () => {
    const zone = {
      'example.com': { TXT: ['v=spf1 ptr -all exp=why.example.com'] },
      'why.example.com': { TXT: ['connect from %{p}'] },
      '1.2.0.192.in-addr.arpa': { PTR: ['mail.example.com.', 'fake.example.com'] },
      'mail.example.com': { A: ['192.0.2.1'] },
      'fake.example.com': { A: ['192.0.2.99'] },
      '2.2.0.192.in-addr.arpa': { PTR: ['fake.example.com'] },
    };
    assert.equal((await check(zone, '192.0.2.1')).result, 'pass');
    const fail = await check(zone, '192.0.2.2');
    assert.equal(fail.result, 'fail');
    assert.equal(fail.explanation, 'connect from unknown');
  });

  it('renders a readable trace with counters', async () => {
    const zone = {
      'example.com': { TXT: ['v=spf1 include:a.example.com a:none.example.com ~all'] },
      'a.example.com': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
    };
    const outcome = await check(zone, '192.0.2.1');
    assert.equal(outcome.result, 'softfail');
    const text = renderTrace(outcome.trace);
    assert.match(text, /= softfail/);
    assert.match(text, /include:a\.example\.com.*no-match.*DNS terms 1/);
    assert.match(text, /a\.example\.com: "v=spf1 ip4:198\.51\.100\.0\/24 -all" → fail/);
    assert.match(text, /a:none\.example\.com.*void lookups 1/);
    assert.match(text, /~all: match.*◀ decides/);
    assert.match(text, /DNS-querying terms: 2\/10/);
    assert.match(text, /void lookups: 1\/2 \(a:none\.example\.com in example\.com\)/);
    assert.deepEqual(outcome.trace.dnsTerms.map((event) => [event.count, event.term, event.domain]), [
      [1, 'include:a.example.com', 'example.com'],
      [2, 'a:none.example.com', 'example.com'],
    ]);
    const query = outcome.trace.root.terms[1].queries[0];
    assert.equal(query.name, 'none.example.com');
    assert.equal(query.type, 'A');
    assert.equal(query.response.status, 'nxdomain');
    assert.ok(query.elapsedMs >= 0);
  });

  it('answers temperror when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await check({ 'example.com': { TXT: ['v=spf1 -all'] } }, '192.0.2.1', { signal: controller.signal });
    assert.equal(outcome.result, 'temperror');
  });

  it('returns permerror for a client IP that is not an address', async () => {
    assert.equal((await check({}, 'not-an-ip')).result, 'permerror');
  });
});

describe('checkHost trace: deciding term', () => {
  it('follows redirect= to the term that decided', async () => {
    const outcome = await check(
      {
        'example.com': { TXT: ['v=spf1 ip4:198.51.100.1 redirect=_spf.example.com'] },
        '_spf.example.com': { TXT: ['v=spf1 a:host.example.com ~all'] },
      },
      '192.0.2.1',
    );
    assert.equal(outcome.result, 'softfail');
    assert.deepEqual(outcome.trace.decidedBy, { domain: '_spf.example.com', term: '~all', termIndex: 1, range: { start: 26, end: 30 } });
    assert.match(renderTrace(outcome.trace), /decided by: ~all in _spf\.example\.com/);
  });
});

describe('checkHost with a resolver that breaks its contract', () => {
  it('turns a rejected query into temperror instead of throwing', async () => {
    const resolver = { query: () => Promise.reject(new Error('boom')) };
    const outcome = await checkHost({ ip: '192.0.2.1', sender: 'user@example.com', helo: 'h.example.com' }, { resolver });
    assert.equal(outcome.result, 'temperror');
    assert.match(outcome.trace.root.reason, /boom/);
  });
});
