import * as assert from 'node:assert/strict';
import { NodeResolver } from '../../../src/core/dns/node-resolver';
import type { DnsResponse } from '../../../src/core/dns/resolver';
import { TestDnsServer, type TestRecord } from '../../support/dns-server';

const ZONE: TestRecord[] = [
  { name: 'spf.test', type: 'TXT', value: ['v=spf1 ip4:192.0.2.0/24 ', 'include:other.test -all'], ttl: 600 },
  { name: 'spf.test', type: 'TXT', value: ['google-site-verification=abc'] },
  { name: 'spf.test', type: 'A', value: '192.0.2.10', ttl: 120 },
  { name: 'spf.test', type: 'A', value: '192.0.2.11', ttl: 90 },
  { name: 'spf.test', type: 'AAAA', value: '2001:db8::10', ttl: 45 },
  { name: 'spf.test', type: 'MX', value: { preference: 10, exchange: 'mx1.spf.test' } },
  { name: 'spf.test', type: 'MX', value: { preference: 20, exchange: 'mx2.spf.test' } },
  { name: '10.2.0.192.in-addr.arpa', type: 'PTR', value: 'mail.spf.test' },
  { name: 'alias1.test', type: 'CNAME', value: 'alias2.test' },
  { name: 'alias2.test', type: 'CNAME', value: 'spf.test' },
  { name: 'loop-a.test', type: 'CNAME', value: 'loop-b.test' },
  { name: 'loop-b.test', type: 'CNAME', value: 'loop-a.test' },
  { name: 'dangling.test', type: 'CNAME', value: 'missing.test' },
  { name: 'big.test', type: 'TXT', value: ['v=spf1 ' + 'ip4:198.51.100.1 '.repeat(12) + '-all'] },
  { name: 'big.test', type: 'TXT', value: ['second record'] },
];

function errorOf(response: DnsResponse): { code: string; message: string } {
  assert.equal(response.status, 'error', `expected an error, got ${JSON.stringify(response)}`);
  return response as { code: string; message: string };
}

describe('NodeResolver over the wire', () => {
  const server = new TestDnsServer(ZONE);
  let resolver: NodeResolver;

  before(async () => {
    await server.start();
    resolver = new NodeResolver({ servers: [server.address], timeout: 2000, tries: 1 });
  });
  after(() => server.stop());
  beforeEach(() => server.resetCounts());

  describe('answers', () => {
    it('returns TXT records as unjoined character-string lists', async () => {
      const response = await resolver.query('spf.test', 'TXT');
      assert.equal(response.status, 'ok');
      assert.deepEqual(
        response.status === 'ok' && [...response.records].sort(),
        [['google-site-verification=abc'], ['v=spf1 ip4:192.0.2.0/24 ', 'include:other.test -all']],
      );
      assert.equal(response.status === 'ok' && response.ttl, undefined, 'Node exposes no TTL for TXT');
    });

    it('returns A and AAAA addresses with the smallest TTL of the answer', async () => {
      const a = await resolver.query('spf.test', 'A');
      assert.deepEqual(a.status === 'ok' && [...a.records].sort(), ['192.0.2.10', '192.0.2.11']);
      assert.equal(a.status === 'ok' && a.ttl, 90);
      assert.deepEqual(await resolver.query('spf.test', 'AAAA'), { status: 'ok', records: ['2001:db8::10'], ttl: 45 });
    });

    it('returns MX preference and exchange, and PTR names', async () => {
      const mx = await resolver.query('spf.test', 'MX');
      assert.deepEqual(
        mx.status === 'ok' && [...mx.records].sort((x, y) => x.preference - y.preference),
        [{ preference: 10, exchange: 'mx1.spf.test' }, { preference: 20, exchange: 'mx2.spf.test' }],
      );
      assert.deepEqual(await resolver.query('10.2.0.192.in-addr.arpa', 'PTR'), { status: 'ok', records: ['mail.spf.test'] });
    });

    it('accepts any case and a trailing dot', async () => {
      assert.deepEqual(await resolver.query('SPF.Test.', 'AAAA'), { status: 'ok', records: ['2001:db8::10'], ttl: 45 });
    });

    it('still answers when the server delays its reply', async () => {
      server.setBehaviour('slow.test', 'A', { delayMs: 20 });
      server.addRecords({ name: 'slow.test', type: 'A', value: '192.0.2.99' });
      const response = await resolver.query('slow.test', 'A');
      assert.deepEqual(response.status === 'ok' && response.records, ['192.0.2.99']);
    });
  });

  describe('void lookups (RFC 7208 §4.6.4)', () => {
    it('maps NXDOMAIN to nxdomain', async () => {
      assert.deepEqual(await resolver.query('nowhere.test', 'TXT'), { status: 'nxdomain' });
      assert.equal(server.count({ name: 'nowhere.test', type: 'TXT' }), 1);
    });

    it('maps an empty answer for an existing name to nodata', async () => {
      assert.deepEqual(await resolver.query('spf.test', 'PTR'), { status: 'nodata' });
      assert.deepEqual(await resolver.query('mx1.test', 'A'), { status: 'nxdomain' });
      server.setBehaviour('empty.test', 'TXT', { respond: 'nodata' });
      assert.deepEqual(await resolver.query('empty.test', 'TXT'), { status: 'nodata' });
    });

    it('maps a CNAME to a missing name to nxdomain', async () => {
      assert.deepEqual(await resolver.query('dangling.test', 'TXT'), { status: 'nxdomain' });
    });
  });

  describe('errors', () => {
    const cases = [
      { respond: 'servfail', code: 'SERVFAIL', says: 'answered SERVFAIL' },
      { respond: 'refused', code: 'REFUSED', says: 'answered REFUSED' },
      { respond: 'formerr', code: 'FORMERR', says: 'answered FORMERR' },
      { respond: 'notimp', code: 'NOTIMP', says: 'answered NOTIMP' },
    ] as const;
    for (const { respond, code, says } of cases) {
      it(`maps ${code} to an error naming the query and the server`, async () => {
        const name = `${respond}.test`;
        server.setBehaviour(name, '*', { respond });
        const error = errorOf(await resolver.query(name, 'TXT'));
        assert.equal(error.code, code);
        assert.equal(error.message, `TXT ${name}: server ${server.address} ${says}${code === 'FORMERR' ? ' (it could not read the query)' : ''}`);
      });
    }

    it('maps a server that never answers to TIMEOUT after the configured tries', async () => {
      server.setBehaviour('silent.test', '*', { respond: 'never' });
      const impatient = new NodeResolver({ servers: [server.address], timeout: 100, tries: 2 });
      const error = errorOf(await impatient.query('silent.test', 'MX'));
      assert.equal(error.code, 'TIMEOUT');
      assert.match(error.message, new RegExp(`^MX silent\\.test: no answer from server ${server.address} \\(timeout 100 ms`));
      assert.equal(server.count({ name: 'silent.test', type: 'MX', transport: 'udp' }), 2);
    });

    it('maps a closed port to CONNREFUSED', async () => {
      const closed = new TestDnsServer();
      await closed.start();
      const address = closed.address;
      await closed.stop();
      const error = errorOf(await new NodeResolver({ servers: [address], timeout: 500, tries: 1 }).query('spf.test', 'TXT'));
      assert.equal(error.code, 'CONNREFUSED');
      assert.equal(error.message, `TXT spf.test: server ${address} refused the connection`);
    });
  });

  describe('truncation', () => {
    for (const truncateUdp of ['empty', 'partial'] as const) {
      it(`retries over TCP when the UDP answer is truncated (${truncateUdp})`, async () => {
        server.setBehaviour('big.test', 'TXT', { truncateUdp });
        const response = await resolver.query('big.test', 'TXT');
        assert.equal(response.status, 'ok');
        assert.equal(response.status === 'ok' && response.records.length, 2);
        assert.equal(server.count({ name: 'big.test', transport: 'udp' }), 1);
        assert.equal(server.count({ name: 'big.test', transport: 'tcp' }), 1);
      });
    }
  });

  describe('CNAME', () => {
    it('follows a CNAME chain to the final records with one query', async () => {
      const txt = await resolver.query('alias1.test', 'TXT');
      assert.equal(txt.status === 'ok' && txt.records.length, 2);
      const a = await resolver.query('alias1.test', 'A');
      assert.deepEqual(a.status === 'ok' && [...a.records].sort(), ['192.0.2.10', '192.0.2.11']);
      assert.equal(server.count(), 2);
    });

    it('maps a CNAME chain that ends at a name without the asked type to nodata', async () => {
      assert.deepEqual(await resolver.query('alias1.test', 'PTR'), { status: 'nodata' });
    });

    for (const type of ['TXT', 'A', 'MX'] as const) {
      it(`reports a CNAME loop as LOOP for ${type}`, async () => {
        const error = errorOf(await resolver.query('loop-a.test', type));
        assert.equal(error.code, 'LOOP');
        assert.equal(error.message, `${type} loop-a.test: CNAME loop loop-a.test → loop-b.test → loop-a.test`);
      });
    }

    it('treats an answer holding only another record type as nodata, not a loop', async () => {
      server.setBehaviour('liar.test', '*', { respond: 'lie' });
      assert.deepEqual(await resolver.query('liar.test', 'TXT'), { status: 'nodata' });
      assert.deepEqual(await resolver.query('liar.test', 'A'), { status: 'nodata' });
    });
  });

  describe('abort', () => {
    it('answers CANCELLED when the signal aborts, leaving other queries alone', async () => {
      server.setBehaviour('hang.test', '*', { respond: 'never' });
      server.setBehaviour('late.test', 'A', { delayMs: 50 });
      server.addRecords({ name: 'late.test', type: 'A', value: '192.0.2.50' });
      const patient = new NodeResolver({ servers: [server.address], timeout: 5000, tries: 1 });
      const controller = new AbortController();
      const hanging = patient.query('hang.test', 'TXT', { signal: controller.signal });
      const other = patient.query('late.test', 'A', { signal: new AbortController().signal });
      await server.waitForQuery({ name: 'hang.test' });
      controller.abort();
      const error = errorOf(await hanging);
      assert.equal(error.code, 'CANCELLED');
      assert.equal(error.message, 'TXT hang.test: query cancelled');
      const otherResponse = await other;
      assert.deepEqual(otherResponse.status === 'ok' && otherResponse.records, ['192.0.2.50']);
    });

    it('does not query at all when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      assert.equal(errorOf(await resolver.query('spf.test', 'TXT', { signal: controller.signal })).code, 'CANCELLED');
      assert.equal(server.count(), 0);
    });
  });

  describe('configuration', () => {
    it('takes host:port and [IPv6]:port servers', () => {
      const configured = new NodeResolver({ servers: ['127.0.0.1:5353', '[::1]:5353', '192.0.2.53'] });
      assert.deepEqual(configured.getServers(), ['127.0.0.1:5353', '[::1]:5353', '192.0.2.53']);
    });

    it('rejects a server that is not an address', () => {
      assert.throws(() => new NodeResolver({ servers: ['dns.example'] }), /invalid DNS server list/);
    });
  });
});
