/**
 * SPF017 string-too-long: a character-string of more than 255 octets in a zone file. A DNS
 * character-string holds at most 255 octets (RFC 1035 §3.3); longer SPF records must be split
 * into several strings of one TXT record, which receivers join (RFC 7208 §3.3). Zone loaders
 * refuse the record otherwise. DNS-as-code tools and provider panels split values themselves,
 * so only master-file strings are checked.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { asciiValueOctets } from '../readers/txt/txt-value';
import { ruleMeta } from './support';

const MAX_OCTETS = 255;

export const stringTooLongRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF017',
    alias: 'string-too-long',
    title: 'String over 255 octets',
    description: 'A quoted string of a zone file longer than 255 octets is rejected by zone loaders; split it into several strings.',
    defaultSeverity: 'error',
    rfc: '7208 §3.3; 1035 §3.3',
    fixable: true,
  }),
  messages: {
    tooLong: 'This string is {octets} octets long; a DNS character-string holds at most 255 (RFC 1035 §3.3), so the zone will not load or the record is cut. Split it into several strings in the same record ("…" "…"); receivers join them (RFC 7208 §3.3).',
    split: 'Split into strings of at most 255 octets',
  },
  checkRecord(context) {
    const { site } = context;
    // No string of a value of at most 255 ASCII characters can be longer (most records).
    if ((asciiValueOctets(site.value) ?? Infinity) <= MAX_OCTETS) return;
    for (const item of site.value.strings) {
      if (item.octets <= MAX_OCTETS || (item.syntax !== 'zone-quoted' && item.syntax !== 'zone-unquoted')) continue;
      // An empty insertion inside an over-long string makes the value writer re-split it.
      const at = item.valueStart + 1;
      const fix = context.valueFix(context.message('split'), [{ range: { start: at, end: at }, newText: '' }], { isPreferred: true });
      context.reportAt(item.range, context.message('tooLong', { octets: item.octets }), { fixes: [fix], recordRange: site.range });
    }
  },
};
