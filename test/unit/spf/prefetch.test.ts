import * as assert from 'node:assert/strict';
import type { DnsResponse, QueryOptions, QueryType, Resolver } from '../../../src/core/dns/resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { testZone, type TestNameRecords } from './zone-helper';

/** Answers from a zone one event-loop turn later and records how many queries were in flight. */
class InFlightResolver implements Resolver {
  inFlight = 0;
  maxInFlight = 0;
  queries: string[] = [];
  constructor(private readonly zone: Record<string, TestNameRecords>) {}
  query<T extends QueryType>(name: string, type: T, options?: QueryOptions): Promise<DnsResponse<T>> {
    this.queries.push(`${type} ${name}`);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve) => {
      setImmediate(() => {
        this.inFlight--;
        resolve(testZone(this.zone).query(name, type, options));
      });
    });
  }
}

/** example.com includes i1…i5; each includes n1…n5 (a tree of depth 2). */
function includeTree(): Record<string, TestNameRecords> {
  const zone: Record<string, TestNameRecords> = {
    'example.com': { TXT: [`v=spf1 ${[1, 2, 3, 4, 5].map((index) => `include:i${index}.example.com`).join(' ')} -all`] },
  };
  for (let index = 1; index <= 5; index++) {
    zone[`i${index}.example.com`] = { TXT: [`v=spf1 include:n${index}.example.com -all`] };
    zone[`n${index}.example.com`] = { TXT: [`v=spf1 ip4:198.51.100.${index} -all`] };
  }
  return zone;
}

describe('include prefetching', () => {
  it('sends include targets ahead and keeps the sequential result, trace and counters', async () => {
    const request = { ip: '198.51.100.5', sender: 'user@example.com', helo: 'mail.example.com' };
    const parallel = new InFlightResolver(includeTree());
    const sequential = new InFlightResolver(includeTree());
    const fast = await checkHost(request, { resolver: parallel });
    const slow = await checkHost(request, { resolver: sequential, prefetch: false });
    assert.equal(sequential.maxInFlight, 1);
    assert.ok(parallel.maxInFlight >= 5, `max in flight ${parallel.maxInFlight}`);
    assert.equal(fast.result, 'pass');
    assert.equal(slow.result, 'pass');
    assert.deepEqual(fast.trace.dnsTerms, slow.trace.dnsTerms);
    assert.equal(fast.trace.dnsTerms.length, 10);
    assert.deepEqual(fast.trace.decidedBy, slow.trace.decidedBy);
    // The include's own qualifier decides (RFC 7208 §5.2), in the top record.
    assert.deepEqual([fast.trace.decidedBy?.domain, fast.trace.decidedBy?.term], ['example.com', 'include:i5.example.com']);
    assert.equal(fast.trace.queryCount, slow.trace.queryCount);
  });

  it('sends at most as many queries ahead as the DNS-term limit', async () => {
    const zone: Record<string, TestNameRecords> = {
      'example.com': { TXT: [`v=spf1 ${Array.from({ length: 40 }, (_, index) => `include:i${index}.example.com`).join(' ')} -all`] },
    };
    const resolver = new InFlightResolver(zone);
    const outcome = await checkHost({ ip: '192.0.2.1', sender: 'user@example.com', helo: 'h.example.com' }, { resolver });
    assert.equal(outcome.result, 'permerror');
    assert.ok(resolver.queries.length <= 1 + 10, `${resolver.queries.length} queries`);
  });
});
