/**
 * Checks of record data for the types the analyzer resolves (A, AAAA, MX, CNAME, PTR, NS, SOA);
 * other types are kept as written.
 */
import * as ipaddr from 'ipaddr.js';
import type { TextIssue, TextRange } from '../../text/range';
import type { ZoneWord } from './zone-types';

const NAME_TYPES = new Set(['CNAME', 'PTR', 'NS', 'DNAME']);

/** Returns the problem with a record's data, or undefined when it is well formed. */
export function validateRdata(type: string, rdata: readonly ZoneWord[], emptyAt: TextRange): TextIssue | undefined {
  const quoted = rdata.find((word) => word.quoted);
  if (quoted && type !== 'SOA') return { range: quoted.range, reason: `${type} data cannot be a quoted string` };
  switch (type) {
    case 'A':
      if (rdata.length !== 1) return countProblem(type, 'one IPv4 address', rdata, emptyAt);
      return ipaddr.IPv4.isValidFourPartDecimal(rdata[0].text) ? undefined : { range: rdata[0].range, reason: `"${rdata[0].text}" is not an IPv4 address` };
    case 'AAAA':
      if (rdata.length !== 1) return countProblem(type, 'one IPv6 address', rdata, emptyAt);
      return ipaddr.IPv6.isValid(rdata[0].text) && !rdata[0].text.includes('%')
        ? undefined
        : { range: rdata[0].range, reason: `"${rdata[0].text}" is not an IPv6 address` };
    case 'MX': {
      if (rdata.length !== 2) return countProblem(type, 'a preference and an exchange name', rdata, emptyAt);
      const preference = rdata[0].text;
      if (!/^\d{1,5}$/.test(preference) || Number(preference) > 65535) {
        return { range: rdata[0].range, reason: `MX preference "${preference}" is not a number from 0 to 65535` };
      }
      return undefined;
    }
    case 'SOA':
      return rdata.length === 7 ? undefined : countProblem(type, 'seven fields', rdata, emptyAt);
    default:
      if (NAME_TYPES.has(type) && rdata.length !== 1) return countProblem(type, 'one domain name', rdata, emptyAt);
      return undefined;
  }
}

function countProblem(type: string, expected: string, rdata: readonly ZoneWord[], emptyAt: TextRange): TextIssue {
  const range = rdata.length ? { start: rdata[0].range.start, end: rdata[rdata.length - 1].range.end } : emptyAt;
  return { range, reason: `${type} data must be ${expected}, found ${rdata.length} field${rdata.length === 1 ? '' : 's'}` };
}
