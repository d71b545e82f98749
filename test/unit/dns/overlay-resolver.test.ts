import * as assert from 'node:assert/strict';
import { NodeResolver } from '../../../src/core/dns/node-resolver';
import { OfflineResolver } from '../../../src/core/dns/offline-resolver';
import { OverlayResolver } from '../../../src/core/dns/overlay-resolver';
import { normalizeName, type DnsResponse, type QueryType, type Resolver } from '../../../src/core/dns/resolver';
import { TestDnsServer } from '../../support/dns-server';

/** A draft zone holding TXT records only, counting the queries it is asked. */
class DraftZone implements Resolver {
  readonly asked: string[] = [];
  constructor(private readonly txt: Record<string, string[][]>) {}

  query<T extends QueryType>(name: string, type: T): Promise<DnsResponse<T>> {
    this.asked.push(`${type} ${normalizeName(name)}`);
    const records = this.txt[normalizeName(name)];
    if (!records) return Promise.resolve({ status: 'nxdomain' });
    if (type !== 'TXT') return Promise.resolve({ status: 'nodata' });
    return Promise.resolve({ status: 'ok', records } as DnsResponse<T>);
  }
}

describe('OverlayResolver', () => {
  const server = new TestDnsServer([
    { name: 'shop.test', type: 'TXT', value: ['v=spf1 -all'] },
    { name: 'shop.test', type: 'A', value: '192.0.2.80' },
    { name: 'mail.shop.test', type: 'A', value: '192.0.2.25' },
    { name: 'notshop.test', type: 'TXT', value: ['v=spf1 ?all'] },
    { name: 'provider.test', type: 'TXT', value: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  ]);
  let live: NodeResolver;
  let draft: DraftZone;
  let overlay: OverlayResolver;

  before(async () => {
    await server.start();
    live = new NodeResolver({ servers: [server.address], timeout: 2000, tries: 1 });
  });
  after(() => server.stop());
  beforeEach(() => {
    server.resetCounts();
    draft = new DraftZone({ 'shop.test': [['v=spf1 include:provider.test -all']] });
    overlay = new OverlayResolver(draft, live, ['SHOP.test.']);
  });

  it('answers names of the draft zone from the draft, not from live DNS', async () => {
    assert.deepEqual(await overlay.query('shop.test', 'TXT'), { status: 'ok', records: [['v=spf1 include:provider.test -all']] });
    assert.deepEqual(draft.asked, ['TXT shop.test']);
    assert.equal(server.count(), 0);
  });

  it('answers a name or type the draft lacks under its apex as nxdomain/nodata without a live query', async () => {
    assert.deepEqual(await overlay.query('mail.shop.test', 'A'), { status: 'nxdomain' });
    assert.deepEqual(await overlay.query('shop.test', 'A'), { status: 'nodata' });
    assert.equal(server.count(), 0);
  });

  it('answers names outside the draft zones from live DNS', async () => {
    assert.deepEqual(await overlay.query('provider.test', 'TXT'), { status: 'ok', records: [['v=spf1 ip4:198.51.100.0/24 -all']] });
    assert.deepEqual(await overlay.query('notshop.test', 'TXT'), { status: 'ok', records: [['v=spf1 ?all']] });
    assert.equal(server.count({ name: 'provider.test', type: 'TXT' }), 1);
    assert.equal(server.count({ name: 'notshop.test', type: 'TXT' }), 1);
    assert.deepEqual(draft.asked, []);
  });

  it('tells which names the draft is authoritative for', () => {
    assert.deepEqual(overlay.zones(), ['shop.test']);
    assert.equal(overlay.isAuthoritative('Mail.Shop.Test.'), true);
    assert.equal(overlay.isAuthoritative('shop.test'), true);
    assert.equal(overlay.isAuthoritative('notshop.test'), false);
    assert.equal(overlay.isAuthoritative('test'), false);
  });

  it('hands the abort signal to the resolver it asks', async () => {
    server.setBehaviour('hang.test', '*', { respond: 'never' });
    const controller = new AbortController();
    const pending = overlay.query('hang.test', 'TXT', { signal: controller.signal });
    await server.waitForQuery({ name: 'hang.test' });
    controller.abort();
    const response = await pending;
    assert.equal(response.status === 'error' && response.code, 'CANCELLED');
  });

  it('with an offline live side, resolves the draft and names every other query it could not resolve', async () => {
    const offline = new OverlayResolver(draft, new OfflineResolver(), ['shop.test']);
    assert.equal((await offline.query('shop.test', 'TXT')).status, 'ok');
    assert.deepEqual(await offline.query('provider.test', 'TXT'), {
      status: 'error',
      code: 'OTHER',
      message: 'TXT provider.test: not resolved, live DNS is off',
    });
    assert.equal(server.count(), 0);
  });
});

describe('OfflineResolver', () => {
  it('answers every type with an OTHER error naming the query and the reason', async () => {
    const untrusted = new OfflineResolver('the workspace is not trusted');
    for (const type of ['A', 'AAAA', 'TXT', 'MX', 'PTR'] as const) {
      assert.deepEqual(await untrusted.query('example.test', type), {
        status: 'error',
        code: 'OTHER',
        message: `${type} example.test: not resolved, the workspace is not trusted`,
      });
    }
  });

  it('answers CANCELLED for an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const response = await new OfflineResolver().query('example.test', 'TXT', { signal: controller.signal });
    assert.equal(response.status === 'error' && response.code, 'CANCELLED');
  });
});
