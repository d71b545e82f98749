import * as assert from 'node:assert/strict';
import { checkHost } from '../../../src/core/spf/check-host';
import { parseRecord } from '../../../src/core/spf/parser';
import { testZone, type TestNameRecords } from './zone-helper';

async function check(zone: Record<string, TestNameRecords>, sender = 'user@example.com', ip = '192.0.2.1') {
  return checkHost({ ip, sender, helo: 'mail.example.com' }, { resolver: testZone(zone) });
}

describe('hostile records', () => {
  it('ends an include loop with permerror and says so', async () => {
    const outcome = await check({
      'example.com': { TXT: ['v=spf1 include:loop.example.com -all'] },
      'loop.example.com': { TXT: ['v=spf1 include:example.com -all'] },
    });
    assert.equal(outcome.result, 'permerror');
    assert.ok(outcome.trace.queryCount < 10);
    assert.match(outcome.trace.root.terms[0].child?.reason ?? '', /include loop: example\.com → loop\.example\.com → example\.com/);
  });

  it('ends a redirect loop (also to itself) with permerror', async () => {
    assert.equal((await check({ 'example.com': { TXT: ['v=spf1 redirect=example.com'] } })).result, 'permerror');
    const outcome = await check({
      'example.com': { TXT: ['v=spf1 redirect=b.example.com'] },
      'b.example.com': { TXT: ['v=spf1 redirect=EXAMPLE.com.'] },
    });
    assert.equal(outcome.result, 'permerror');
  });

  it('ends a loop through macros with the term limit', async () => {
    // Every level includes a new name built from the previous one: no name repeats.
    const outcome = await check({ 'example.com': { TXT: ['v=spf1 include:x.%{d} -all'] } });
    assert.equal(outcome.result, 'permerror');
    const wildcard: Record<string, TestNameRecords> = { 'example.com': { TXT: ['v=spf1 include:x.%{d} -all'] } };
    let name = 'example.com';
    for (let depth = 0; depth < 30; depth++) {
      name = `x.${name}`;
      wildcard[name] = { TXT: ['v=spf1 include:x.%{d} -all'] };
    }
    const deep = await check(wildcard);
    assert.equal(deep.result, 'permerror');
    assert.equal(deep.trace.dnsTerms.length, 11);
  });

  it('gives permerror for 11 nested includes and fail for 10', async () => {
    const chain = (depth: number): Record<string, TestNameRecords> => {
      const zone: Record<string, TestNameRecords> = { 'example.com': { TXT: ['v=spf1 include:n1.example.com -all'] } };
      for (let level = 1; level < depth; level++) zone[`n${level}.example.com`] = { TXT: [`v=spf1 include:n${level + 1}.example.com -all`] };
      zone[`n${depth}.example.com`] = { TXT: ['v=spf1 ip4:198.51.100.1 -all'] };
      return zone;
    };
    assert.equal((await check(chain(10))).result, 'fail');
    const eleven = await check(chain(11));
    assert.equal(eleven.result, 'permerror');
    assert.equal(eleven.trace.dnsTerms.length, 11);
  });

  it('bounds macro expansions that grow huge', async () => {
    const macros = '%{s}%{l}%{o}'.repeat(3000);
    const sender = `${'a.'.repeat(2000)}b@${'c.'.repeat(100)}example.com`;
    const outcome = await checkHost(
      { ip: '192.0.2.1', domain: 'example.com', sender, helo: 'mail.example.com' },
      {
        resolver: testZone({
          'example.com': { TXT: [`v=spf1 exists:${macros}.example.com -all exp=e.example.com`] },
          'e.example.com': { TXT: ['%{s}'.repeat(5000)] },
        }),
      },
    );
    assert.equal(outcome.result, 'fail');
    const target = outcome.trace.root.terms[0].target ?? '';
    assert.ok(target.length > 0 && target.length <= 253, `target length ${target.length}`);
    assert.ok((outcome.explanation ?? '').length <= 1024);
  });

  it('handles 10 MX names each with many addresses', async () => {
    const zone: Record<string, TestNameRecords> = {
      'example.com': { TXT: ['v=spf1 mx -all'], MX: Array.from({ length: 10 }, (_, index): [number, string] => [index, `mx${index}.example.com`]) },
    };
    for (let index = 0; index < 10; index++) {
      zone[`mx${index}.example.com`] = { A: Array.from({ length: 2000 }, (_, host) => `10.${index}.${host >> 8}.${host & 255}`) };
    }
    assert.equal((await check(zone, 'user@example.com', '192.0.2.1')).result, 'fail');
    assert.equal((await check(zone, 'user@example.com', '10.9.7.207')).result, 'pass');
  });

  it('parses a huge record with odd bytes without trouble', () => {
    const text = `v=spf1 ${'ip4:192.0.2.1 %{ a:%{ir. '.repeat(5000)}\u0000\uffff -all`;
    const record = parseRecord(text);
    assert.equal(record.terms.length, 15002);
    // 5000 lone "%{" terms and the control-character term.
    assert.equal(record.errors.filter((error) => error.code === 'invalid-term').length, 5001);
    assert.equal(record.errors.filter((error) => error.code === 'invalid-macro').length, 5000);
  });
});
