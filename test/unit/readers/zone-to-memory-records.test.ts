import * as assert from 'node:assert/strict';
import { readZone } from '../../../src/core/readers/zone/zone-reader';
import { zoneOwnerNames, zoneToMemoryRecords } from '../../../src/core/readers/zone/zone-to-memory-records';
import { readFixture } from './fixture-helpers';

describe('zoneToMemoryRecords', () => {
  it('converts the seed zone with absolute names, resolved data names and TXT strings', () => {
    const records = zoneToMemoryRecords(readZone(readFixture('zones', 'shop.example.co.jp.zone')));
    assert.deepEqual(records, [
      { name: 'shop.example.co.jp', ttl: 3600, type: 'MX', value: { preference: 10, exchange: 'mail.shop.example.co.jp' } },
      { name: 'shop.example.co.jp', ttl: 3600, type: 'A', value: '198.51.100.10' },
      { name: 'mail.shop.example.co.jp', ttl: 3600, type: 'A', value: '198.51.100.25' },
      { name: 'www.shop.example.co.jp', ttl: 3600, type: 'CNAME', value: 'shop.example.co.jp' },
      { name: 'shop.example.co.jp', ttl: 3600, type: 'TXT', value: ['v=spf1 +a:sv1234.xserver.jp +a:shop.example.co.jp +mx include:spf.sender.xserver.jp ~all'] },
    ]);
  });

  it('keeps TXT strings unjoined, decodes generic TXT, and leaves out the SPF type and other classes (an omitted class is the previous one)', () => {
    const zone = readZone([
      '$ORIGIN example.net.',
      'a 60 TXT "v=spf1 " "-all"',
      'g TYPE16 \\# 3 02686a',
      'old SPF "v=spf1 -all"',
      'r PTR host.example.org.',
      'v6 AAAA 2001:db8::1',
      'ch CH TXT "chaos"',
      'after-ch A 192.0.2.1',
    ].join('\n'));
    assert.deepEqual(zoneToMemoryRecords(zone), [
      { name: 'a.example.net', ttl: 60, type: 'TXT', value: ['v=spf1 ', '-all'] },
      { name: 'g.example.net', ttl: 60, type: 'TXT', value: ['hj'] },
      { name: 'r.example.net', ttl: 60, type: 'PTR', value: 'host.example.org' },
      { name: 'v6.example.net', ttl: 60, type: 'AAAA', value: '2001:db8::1' },
    ]);
    assert.deepEqual(zoneOwnerNames(zone), ['a.example.net', 'g.example.net', 'old.example.net', 'r.example.net', 'v6.example.net', 'ch.example.net', 'after-ch.example.net']);
  });
});
