import * as assert from 'node:assert/strict';
import { MemoryResolver } from '../../../src/core/dns/memory-resolver';

describe('MemoryResolver', () => {
  const resolver = new MemoryResolver(
    [
      { name: 'Example.COM.', type: 'TXT', value: ['v=spf1 ', 'include:x.example.com -all'], ttl: 300 },
      { name: 'example.com', type: 'MX', value: { preference: 10, exchange: 'mx.example.com' } },
      { name: 'alias.example.com', type: 'CNAME', value: 'Example.com.' },
      { name: 'loop1.example.com', type: 'CNAME', value: 'loop2.example.com' },
      { name: 'loop2.example.com', type: 'CNAME', value: 'loop1.example.com' },
      { name: 'slow.example.com', type: 'A', value: '192.0.2.1' },
    ],
    { timeouts: ['slow.example.com', 'gone.example.com'], existingNames: ['empty.example.com'] },
  );

  it('answers records case-insensitively, TXT as character-strings', async () => {
    assert.deepEqual(await resolver.query('EXAMPLE.com', 'TXT'), { status: 'ok', records: [['v=spf1 ', 'include:x.example.com -all']], ttl: 300 });
    assert.deepEqual(await resolver.query('example.com.', 'MX'), { status: 'ok', records: [{ preference: 10, exchange: 'mx.example.com' }], ttl: 300 });
  });

  it('tells NXDOMAIN from NODATA', async () => {
    assert.equal((await resolver.query('nothing.example.com', 'A')).status, 'nxdomain');
    assert.equal((await resolver.query('example.com', 'A')).status, 'nodata');
    assert.equal((await resolver.query('empty.example.com', 'TXT')).status, 'nodata');
  });

  it('follows CNAME chains and reports loops as LOOP', async () => {
    assert.equal((await resolver.query('alias.example.com', 'TXT')).status, 'ok');
    const loop = await resolver.query('loop1.example.com', 'A');
    assert.equal(loop.status, 'error');
    assert.equal(loop.status === 'error' ? loop.code : undefined, 'LOOP');
  });

  it('times out for listed names only for types without records', async () => {
    assert.equal((await resolver.query('slow.example.com', 'A')).status, 'ok');
    const timeout = await resolver.query('slow.example.com', 'TXT');
    assert.equal(timeout.status === 'error' ? timeout.code : undefined, 'TIMEOUT');
    const gone = await resolver.query('gone.example.com', 'A');
    assert.equal(gone.status === 'error' ? gone.code : undefined, 'TIMEOUT');
  });

  it('answers CANCELLED for an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const answer = await resolver.query('example.com', 'TXT', { signal: controller.signal });
    assert.equal(answer.status === 'error' ? answer.code : undefined, 'CANCELLED');
  });
});
