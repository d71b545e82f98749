import * as assert from 'node:assert/strict';
import { CachingResolver } from '../../../src/core/dns/caching-resolver';
import { NodeResolver } from '../../../src/core/dns/node-resolver';
import type { DnsResponse, QueryType, Resolver } from '../../../src/core/dns/resolver';
import { TestDnsServer } from '../../support/dns-server';

/** A hand-set clock in milliseconds. */
class FakeClock {
  current = 1_000_000;
  now = (): number => this.current;
  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }
}

describe('CachingResolver', () => {
  const server = new TestDnsServer([
    { name: 'a.test', type: 'A', value: '192.0.2.1', ttl: 120 },
    { name: 'a.test', type: 'TXT', value: ['v=spf1 -all'] },
    { name: 'b.test', type: 'A', value: '192.0.2.2', ttl: 120 },
    { name: 'c.test', type: 'A', value: '192.0.2.3', ttl: 120 },
    { name: 'zero.test', type: 'A', value: '192.0.2.4', ttl: 0 },
    { name: 'slow.test', type: 'TXT', value: ['v=spf1 ?all'] },
  ]);
  let live: NodeResolver;
  let clock: FakeClock;

  before(async () => {
    await server.start();
    server.setBehaviour('slow.test', 'TXT', { delayMs: 20 });
    server.setBehaviour('broken.test', '*', { respond: 'servfail' });
    server.setBehaviour('hang.test', '*', { respond: 'never' });
    live = new NodeResolver({ servers: [server.address], timeout: 5000, tries: 1 });
  });
  after(() => server.stop());
  beforeEach(() => {
    server.resetCounts();
    clock = new FakeClock();
  });

  describe('TTLs', () => {
    it('keeps an answer for its TTL and counts the TTL down', async () => {
      const cache = new CachingResolver(live, { now: clock.now });
      assert.deepEqual(await cache.query('a.test', 'A'), { status: 'ok', records: ['192.0.2.1'], ttl: 120 });
      clock.advanceSeconds(30);
      assert.deepEqual(await cache.query('A.TEST.', 'A'), { status: 'ok', records: ['192.0.2.1'], ttl: 90 });
      clock.advanceSeconds(89);
      assert.equal((await cache.query('a.test', 'A')).status, 'ok');
      assert.equal(server.count({ name: 'a.test', type: 'A' }), 1);
      clock.advanceSeconds(1);
      assert.deepEqual(await cache.query('a.test', 'A'), { status: 'ok', records: ['192.0.2.1'], ttl: 120 });
      assert.equal(server.count({ name: 'a.test', type: 'A' }), 2);
      assert.deepEqual(cache.stats(), { hits: 2, misses: 2, inflightJoins: 0, evictions: 0, size: 1 });
    });

    it('keeps an answer without TTL (TXT over Node) for defaultTtl', async () => {
      const cache = new CachingResolver(live, { now: clock.now, defaultTtl: 10 });
      await cache.query('a.test', 'TXT');
      clock.advanceSeconds(9);
      await cache.query('a.test', 'TXT');
      assert.equal(server.count({ name: 'a.test', type: 'TXT' }), 1);
      clock.advanceSeconds(1);
      await cache.query('a.test', 'TXT');
      assert.equal(server.count({ name: 'a.test', type: 'TXT' }), 2);
    });

    it('keeps nxdomain and nodata for negativeTtl', async () => {
      const cache = new CachingResolver(live, { now: clock.now, negativeTtl: 5 });
      assert.deepEqual(await cache.query('none.test', 'TXT'), { status: 'nxdomain' });
      assert.deepEqual(await cache.query('b.test', 'MX'), { status: 'nodata' });
      clock.advanceSeconds(4);
      assert.deepEqual(await cache.query('none.test', 'TXT'), { status: 'nxdomain' });
      assert.deepEqual(await cache.query('b.test', 'MX'), { status: 'nodata' });
      assert.equal(server.count(), 2);
      clock.advanceSeconds(1);
      await cache.query('none.test', 'TXT');
      assert.equal(server.count({ name: 'none.test' }), 2);
    });

    it('does not cache an answer with TTL 0', async () => {
      const cache = new CachingResolver(live, { now: clock.now });
      await cache.query('zero.test', 'A');
      await cache.query('zero.test', 'A');
      assert.equal(server.count({ name: 'zero.test' }), 2);
    });

    it('does not cache errors by default, and keeps them for errorTtl when set', async () => {
      const uncached = new CachingResolver(live, { now: clock.now });
      assert.equal((await uncached.query('broken.test', 'TXT')).status, 'error');
      assert.equal((await uncached.query('broken.test', 'TXT')).status, 'error');
      assert.equal(server.count({ name: 'broken.test' }), 2);
      const cached = new CachingResolver(live, { now: clock.now, errorTtl: 5 });
      const first = await cached.query('broken.test', 'TXT');
      assert.deepEqual(await cached.query('broken.test', 'TXT'), first);
      assert.equal(server.count({ name: 'broken.test' }), 3);
    });
  });

  describe('joining queries in flight', () => {
    it('sends one upstream query for concurrent identical requests', async () => {
      const cache = new CachingResolver(live, { now: clock.now });
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => cache.query('slow.test', 'TXT')));
      for (const answer of answers) assert.deepEqual(answer, { status: 'ok', records: [['v=spf1 ?all']] });
      assert.equal(server.count({ name: 'slow.test', type: 'TXT' }), 1);
      assert.deepEqual(cache.stats(), { hits: 0, misses: 1, inflightJoins: 4, evictions: 0, size: 1 });
    });

    it('keeps the shared query alive while one caller still waits', async () => {
      const cache = new CachingResolver(live, { now: clock.now });
      const quitter = new AbortController();
      const abandoned = cache.query('slow.test', 'TXT', { signal: quitter.signal });
      const kept = cache.query('slow.test', 'TXT', { signal: new AbortController().signal });
      quitter.abort();
      assert.equal((await abandoned).status, 'error');
      assert.deepEqual(await kept, { status: 'ok', records: [['v=spf1 ?all']] });
      assert.equal(server.count({ name: 'slow.test' }), 1);
    });

    it('cancels the upstream query when every caller aborts, and caches nothing', async () => {
      let upstreamSignal: AbortSignal | undefined;
      const spy: Resolver = {
        query<T extends QueryType>(name: string, type: T, options?: { signal?: AbortSignal }): Promise<DnsResponse<T>> {
          upstreamSignal = options?.signal;
          return live.query(name, type, options);
        },
      };
      const cache = new CachingResolver(spy, { now: clock.now });
      const first = new AbortController();
      const second = new AbortController();
      const queries = [cache.query('hang.test', 'TXT', { signal: first.signal }), cache.query('hang.test', 'TXT', { signal: second.signal })];
      await server.waitForQuery({ name: 'hang.test' });
      first.abort();
      assert.equal(upstreamSignal?.aborted, false);
      second.abort();
      assert.equal(upstreamSignal?.aborted, true);
      for (const response of await Promise.all(queries)) {
        assert.deepEqual(response, { status: 'error', code: 'CANCELLED', message: 'TXT hang.test: query cancelled' });
      }
      assert.equal(cache.stats().size, 0);
    });
  });

  describe('size bound', () => {
    it('drops the least recently used answer beyond maxEntries', async () => {
      const cache = new CachingResolver(live, { now: clock.now, maxEntries: 2 });
      await cache.query('a.test', 'A');
      await cache.query('b.test', 'A');
      await cache.query('a.test', 'A');
      await cache.query('c.test', 'A');
      assert.equal(cache.stats().evictions, 1);
      assert.equal(cache.stats().size, 2);
      await cache.query('a.test', 'A');
      await cache.query('c.test', 'A');
      assert.equal(server.count({ name: 'a.test' }), 1);
      assert.equal(server.count({ name: 'c.test' }), 1);
      await cache.query('b.test', 'A');
      assert.equal(server.count({ name: 'b.test' }), 2);
    });
  });

  it('turns an upstream that rejects into an OTHER error instead of hanging', async () => {
    const rejecting: Resolver = { query: () => Promise.reject(new Error('plug-in bug')) };
    const response = await new CachingResolver(rejecting).query('x.test', 'TXT');
    assert.deepEqual(response, { status: 'error', code: 'OTHER', message: 'TXT x.test: Error: plug-in bug' });
  });
});
