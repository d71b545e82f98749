import assert from 'node:assert/strict';
import { flattenRecord } from '../../../src/core/analyzer/dns/flatten';
import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { parseRecord } from '../../../src/core/spf/parser';
import { PROVIDERS } from './flatten-records';

const txt = (name: string, value: string): MemoryRecord => ({ name, type: 'TXT', value: [value] });
const a = (name: string, value: string): MemoryRecord => ({ name, type: 'A', value });

const OVER_LIMIT = 'v=spf1 include:_spf.mailer.example include:_spf.crm.example mx a:www.example.com -all';

const MAILER_NETWORKS = 'ip4:198.51.100.0/24 ip6:2001:db8:a::/48 ip4:203.0.113.5 ip4:203.0.113.10';
const CRM_NETWORKS = 'ip4:192.0.2.128/25 ip4:203.0.113.77 ip6:2001:db8:c::1';

async function flatten(record: string, records: MemoryRecord[] = PROVIDERS, options: { keep?: string[]; only?: string[]; timeouts?: string[] } = {}) {
  const resolver = new MemoryResolver([...records, txt('example.com', record)], { timeouts: options.timeouts ?? [] });
  return flattenRecord('example.com', parseRecord(record), { resolver, keep: options.keep, only: options.only });
}

describe('SPF flattening (flattenRecord)', () => {
  it('replaces both includes by the networks they pass now, in their places, and re-counts the lookups', async () => {
    const result = await flatten(OVER_LIMIT);
    assert.equal(result.value, `v=spf1 ${MAILER_NETWORKS} ${CRM_NETWORKS} mx a:www.example.com -all`);
    assert.equal(result.lookupsBefore, 11);
    assert.equal(result.lookupsAfter, 2);
    assert.equal(result.lookupsComplete, true);
    assert.deepEqual(result.flattened.map((term) => [term.term, term.lookupsSaved, term.networks]), [
      ['include:_spf.mailer.example', 5, ['198.51.100.0/24', '2001:db8:a::/48', '203.0.113.5', '203.0.113.10']],
      ['include:_spf.crm.example', 4, ['192.0.2.128/25', '203.0.113.77', '2001:db8:c::1']],
    ]);
    assert.deepEqual(result.kept, []);
    assert.equal(result.size, 'ok');
  });

  it('never authorises networks the included record softfails, and drops passed networks that an earlier softfail covers', async () => {
    const result = await flatten(OVER_LIMIT);
    assert.deepEqual(result.flattened[1].notAuthorized, ['192.0.2.0/26']);
    const resolver = new MemoryResolver([...PROVIDERS, txt('example.com', result.value)]);
    const request = (ip: string) => ({ ip, domain: 'example.com', sender: 'a@example.com', helo: 'example.com' });
    // 192.0.2.5 is in the softfailed /26 and in the passed /28 after it: the include never passed it.
    assert.equal((await checkHost(request('192.0.2.5'), { resolver })).result, 'fail');
    assert.equal((await checkHost(request('192.0.2.130'), { resolver })).result, 'pass');
  });

  it('applies the include qualifier to the flattened networks (an include matches only on pass, RFC 7208 §5.2)', async () => {
    const result = await flatten('v=spf1 ~include:_spf.crm.example -all');
    assert.equal(result.value, 'v=spf1 ~ip4:192.0.2.128/25 ~ip4:203.0.113.77 ~ip6:2001:db8:c::1 -all');
  });

  it('keeps the includes of the keep list (with or without the include: prefix)', async () => {
    for (const keep of [['include:_spf.crm.example'], ['_SPF.crm.example.']]) {
      const result = await flatten(OVER_LIMIT, PROVIDERS, { keep });
      assert.equal(result.value, `v=spf1 ${MAILER_NETWORKS} include:_spf.crm.example mx a:www.example.com -all`);
      assert.equal(result.lookupsAfter, 6);
      assert.deepEqual(result.kept.map((term) => [term.term, term.reason]), [['include:_spf.crm.example', 'keep-list']]);
    }
  });

  it('keeps an include that includes a name of the keep list further down', async () => {
    const result = await flatten(OVER_LIMIT, PROVIDERS, { keep: ['_a2.mailer.example'] });
    assert.equal(result.value, `v=spf1 include:_spf.mailer.example ${CRM_NETWORKS} mx a:www.example.com -all`);
    assert.deepEqual(result.kept.map((term) => term.reason), ['keeps-kept-include']);
  });

  it('flattens only the chosen includes when asked', async () => {
    const result = await flatten(OVER_LIMIT, PROVIDERS, { only: ['_spf.mailer.example'] });
    assert.equal(result.value, `v=spf1 ${MAILER_NETWORKS} include:_spf.crm.example mx a:www.example.com -all`);
    assert.deepEqual(result.kept.map((term) => [term.term, term.reason]), [['include:_spf.crm.example', 'not-chosen']]);
  });

  it('keeps includes with macros, and includes whose records use macros, exists or ptr', async () => {
    const records = [
      ...PROVIDERS,
      txt('_macro.example', 'v=spf1 include:%{ir}.list.example -all'),
      txt('_exists.example', 'v=spf1 exists:listed.example ip4:192.0.2.9 -all'),
      a('listed.example', '127.0.0.2'),
      txt('_ptr.example', 'v=spf1 ptr:mailer.example -all'),
    ];
    const result = await flatten('v=spf1 include:%{d}.spf.example include:_macro.example include:_exists.example include:_ptr.example include:_spf.crm.example -all', records);
    assert.equal(result.value, `v=spf1 include:%{d}.spf.example include:_macro.example include:_exists.example include:_ptr.example ${CRM_NETWORKS} -all`);
    assert.deepEqual(result.kept.map((term) => [term.term, term.reason]), [
      ['include:%{d}.spf.example', 'macro'],
      ['include:_macro.example', 'client-dependent'],
      ['include:_exists.example', 'client-dependent'],
      ['include:_ptr.example', 'client-dependent'],
    ]);
  });

  it('keeps an include that could not be resolved, naming the query', async () => {
    const result = await flatten('v=spf1 include:_spf.down.example include:_spf.crm.example -all', PROVIDERS, { timeouts: ['_spf.down.example'] });
    assert.equal(result.value, `v=spf1 include:_spf.down.example ${CRM_NETWORKS} -all`);
    assert.equal(result.kept[0].reason, 'unresolved');
    assert.match(result.kept[0].detail, /TXT _spf\.down\.example/);
    assert.equal(result.lookupsComplete, false);
  });

  it('keeps includes whose records deny part of a passed network first, end in +all, or are errors', async () => {
    const records = [
      ...PROVIDERS,
      txt('_hole.example', 'v=spf1 -ip4:192.0.2.66 ip4:192.0.2.0/24 -all'),
      txt('_open.example', 'v=spf1 ip4:192.0.2.1 +all'),
      txt('_none.example', 'v=spf1 include:nothing.example -all'),
    ];
    const result = await flatten('v=spf1 include:_hole.example include:_open.example include:_none.example -all', records);
    assert.equal(result.value, 'v=spf1 include:_hole.example include:_open.example include:_none.example -all');
    assert.deepEqual(result.kept.map((term) => term.reason), ['denies-inside', 'passes-all', 'error']);
    assert.deepEqual(result.flattened, []);
  });

  it('removes an include that passes no address, and leaves out networks an earlier ip4 already covers', async () => {
    const records = [...PROVIDERS, txt('_nothing.example', 'v=spf1 -ip4:192.0.2.1 -all')];
    const result = await flatten('v=spf1 ip4:203.0.113.0/24 include:_nothing.example include:_spf.crm.example -all', records);
    assert.equal(result.value, 'v=spf1 ip4:203.0.113.0/24 ip4:192.0.2.128/25 ip6:2001:db8:c::1 -all');
    assert.deepEqual(result.flattened[0].replacement, []);
  });

  it('an include written twice is flattened once (the second copy is covered by the first)', async () => {
    const result = await flatten('v=spf1 include:_spf.crm.example include:_spf.crm.example -all');
    assert.equal(result.value, `v=spf1 ${CRM_NETWORKS} -all`);
  });

  it('flattens a redirect into its target\'s whole record at the end, qualifiers and all included', async () => {
    const records = [...PROVIDERS, txt('_hole.example', 'v=spf1 -ip4:192.0.2.66 ip4:192.0.2.0/24 include:_spf.crm.example ~all')];
    const result = await flatten('v=spf1 redirect=_hole.example a:www.example.com', records);
    assert.equal(result.value, `v=spf1 a:www.example.com -ip4:192.0.2.66 ip4:192.0.2.0/24 ip4:203.0.113.77 ip6:2001:db8:c::1 ~all`);
    assert.equal(result.lookupsAfter, 1);
  });

  it('flags a record over 450 octets and marks one over 512 as too long', async () => {
    const many = (count: number) => Array.from({ length: count }, (_, index) => `ip4:198.18.${index}.0/24`).join(' ');
    const big = await flatten('v=spf1 include:_big.example -all', [txt('_big.example', `v=spf1 ${many(24)} -all`)]);
    assert.equal(big.octets, big.value.length);
    assert.ok(big.octets > 450 && big.octets <= 512, String(big.octets));
    assert.equal(big.size, 'over-warning');
    const huge = await flatten('v=spf1 include:_big.example -all', [txt('_big.example', `v=spf1 ${many(30)} -all`)]);
    assert.ok(huge.octets > 512);
    assert.equal(huge.size, 'too-long');
  });
});
