/**
 * Checks of record data for the types the analyzer resolves (A, AAAA, MX, CNAME, PTR, NS, SOA);
 * other types are kept as written.
 */
import * as ipaddr from 'ipaddr.js';
import type { TextIssue, TextRange } from '../../text/range';
import { isDottedQuadAt, isHexGroupsIPv6At } from '../../spf/network-text';
import { WORD, type EntryTokens } from './zone-lexer';

const NAME_TYPES = new Set(['CNAME', 'PTR', 'NS', 'DNAME']);

/**
 * Returns the problem with a record's data, the entry's tokens from index `first` on, or
 * undefined when it is well formed. Missing data is reported at offset `emptyAt`.
 */
export function validateRdata(type: string, tokens: EntryTokens, first: number, emptyAt: number): TextIssue | undefined {
  const { text, starts, ends } = tokens;
  const count = tokens.count - first;
  if (type !== 'SOA') {
    for (let i = first; i < tokens.count; i++) {
      if (tokens.kinds[i] !== WORD) return { range: tokenRange(tokens, i), reason: `${type} data cannot be a quoted string` };
    }
  }
  switch (type) {
    case 'A': {
      if (count !== 1) return countProblem(type, 'one IPv4 address', tokens, first, emptyAt);
      // Exactly what ipaddr.IPv4.isValidFourPartDecimal accepts, without building an address.
      if (isDottedQuadAt(text, starts[first], ends[first])) return undefined;
      return { range: tokenRange(tokens, first), reason: `"${text.slice(starts[first], ends[first])}" is not an IPv4 address` };
    }
    case 'AAAA': {
      if (count !== 1) return countProblem(type, 'one IPv6 address', tokens, first, emptyAt);
      // Plain hex groups are valid without building an address (nor copying them).
      if (isHexGroupsIPv6At(text, starts[first], ends[first])) return undefined;
      const address = text.slice(starts[first], ends[first]);
      // No zone index ("%eth0"): a record holds an address, not an interface. ipaddr.js decides
      // every form other than plain hex groups.
      const valid = !address.includes('%') && ipaddr.IPv6.isValid(address);
      return valid ? undefined : { range: tokenRange(tokens, first), reason: `"${address}" is not an IPv6 address` };
    }
    case 'MX': {
      if (count !== 2) return countProblem(type, 'a preference and an exchange name', tokens, first, emptyAt);
      if (!isPreference(text, starts[first], ends[first])) {
        return { range: tokenRange(tokens, first), reason: `MX preference "${text.slice(starts[first], ends[first])}" is not a number from 0 to 65535` };
      }
      return undefined;
    }
    case 'SOA':
      return count === 7 ? undefined : countProblem(type, 'seven fields', tokens, first, emptyAt);
    default:
      if (NAME_TYPES.has(type) && count !== 1) return countProblem(type, 'one domain name', tokens, first, emptyAt);
      return undefined;
  }
}

/** Whether `text` from `start` to `end` is one to five decimal digits of a number up to 65535. */
function isPreference(text: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 5) return false;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    value = value * 10 + code - 48;
  }
  return value <= 65535;
}

function tokenRange(tokens: EntryTokens, index: number): TextRange {
  return { start: tokens.starts[index], end: tokens.ends[index] };
}

function countProblem(type: string, expected: string, tokens: EntryTokens, first: number, emptyAt: number): TextIssue {
  const count = tokens.count - first;
  const range = count ? { start: tokens.starts[first], end: tokens.ends[tokens.count - 1] } : { start: emptyAt, end: emptyAt };
  return { range, reason: `${type} data must be ${expected}, found ${count} field${count === 1 ? '' : 's'}` };
}
