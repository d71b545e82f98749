/** The providers of the flattening tests: records answered by a MemoryResolver. */
import type { MemoryRecord } from '../../../src/core/dns/memory-resolver';

const txt = (name: string, value: string): MemoryRecord => ({ name, type: 'TXT', value: [value] });
const a = (name: string, value: string): MemoryRecord => ({ name, type: 'A', value });

/**
 * Two providers, 11 lookups in all:
 * - _spf.mailer.example (5): nested includes, an mx and an a;
 * - _spf.crm.example (4): a softfailed /26 before passed networks, a nested include whose
 *   address a wider passed network already covers.
 */
export const PROVIDERS: MemoryRecord[] = [
  txt('_spf.mailer.example', 'v=spf1 include:_a1.mailer.example include:_a2.mailer.example a:out.mailer.example ~all'),
  txt('_a1.mailer.example', 'v=spf1 ip4:198.51.100.0/24 ip4:198.51.100.7 -all'),
  txt('_a2.mailer.example', 'v=spf1 ip6:2001:db8:a::/48 mx:mailer.example -all'),
  { name: 'mailer.example', type: 'MX', value: { preference: 10, exchange: 'mx1.mailer.example' } },
  a('mx1.mailer.example', '203.0.113.5'),
  a('out.mailer.example', '203.0.113.10'),
  txt('_spf.crm.example', 'v=spf1 ~ip4:192.0.2.0/26 ip4:192.0.2.0/28 ip4:192.0.2.128/25 a:crm.example include:_b1.crm.example ?all'),
  txt('_b1.crm.example', 'v=spf1 a:relay.crm.example -all'),
  a('relay.crm.example', '192.0.2.200'),
  { name: 'relay.crm.example', type: 'AAAA', value: '2001:db8:c::1' },
  a('crm.example', '203.0.113.77'),
  { name: 'example.com', type: 'MX', value: { preference: 10, exchange: 'mail.example.com' } },
  a('mail.example.com', '203.0.113.25'),
  a('www.example.com', '203.0.113.80'),
];
