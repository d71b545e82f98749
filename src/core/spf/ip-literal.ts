/**
 * Reading IP address literals (RFC 7208 §5.6 `ip4-network` / `ip6-network`, and A / AAAA record
 * data) with one pass over the text for the usual spellings: a dotted quad, and IPv6 written as
 * hex groups with at most one `::`. Anything else (an embedded IPv4 tail, a zone index, a
 * malformed literal) goes to ipaddr.js, so the results are exactly ipaddr.js's, only faster.
 */
import ipaddr from 'ipaddr.js';

const DOT = 46;
const COLON = 58;
const ZERO = 48;

/**
 * The IPv4 address of a strict four-part decimal (`192.0.2.1`: no leading zeros, each part at
 * most 255), as `ipaddr.IPv4.isValidFourPartDecimal` accepts; undefined otherwise.
 */
export function parseFourPartDecimal(text: string): ipaddr.IPv4 | undefined {
  const octets: number[] = [];
  let value = -1;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : DOT;
    if (code === DOT) {
      if (digits === 0 || value > 255 || octets.length === 4) return undefined;
      octets.push(value);
      value = -1;
      digits = 0;
      continue;
    }
    if (code < ZERO || code > ZERO + 9 || value === 0 || ++digits > 3) return undefined;
    value = (value < 0 ? 0 : value * 10) + (code - ZERO);
  }
  return octets.length === 4 ? new ipaddr.IPv4(octets) : undefined;
}

/**
 * The IPv6 address of `text`, or undefined when it is not one: what `ipaddr.IPv6.parse` reads,
 * except that a zone index (`%eth0`) is refused, as neither SPF nor zone data allows one.
 */
export function parseIpv6(text: string): ipaddr.IPv6 | undefined {
  if (!text.includes(':') || text.includes('%')) return undefined;
  const parts = hexGroups(text);
  if (parts) return new ipaddr.IPv6(parts);
  try {
    return ipaddr.IPv6.parse(text);
  } catch {
    return undefined;
  }
}

/** The eight 16-bit parts of hex groups with at most one `::`, or undefined for any other spelling. */
function hexGroups(text: string): number[] | undefined {
  const head: number[] = [];
  const tail: number[] = [];
  let current = head;
  let compressed = false;
  let i = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return undefined;
    compressed = true;
    current = tail;
    i = 2;
  }
  while (i < text.length) {
    let value = 0;
    const groupStart = i;
    for (; i < text.length && i - groupStart < 5; i++) {
      const digit = hexValue(text.charCodeAt(i));
      if (digit < 0) break;
      value = value * 16 + digit;
    }
    const width = i - groupStart;
    if (width === 0 || width > 4) return undefined;
    current.push(value);
    if (i === text.length) break;
    if (text.charCodeAt(i) !== COLON) return undefined;
    i++;
    if (text.charCodeAt(i) === COLON) {
      if (compressed) return undefined;
      compressed = true;
      current = tail;
      i++;
    } else if (i === text.length) {
      return undefined;
    }
  }
  const written = head.length + tail.length;
  if (compressed ? written > 7 : written !== 8) return undefined;
  const zeros: number[] = new Array<number>(8 - written).fill(0);
  return [...head, ...zeros, ...tail];
}

function hexValue(code: number): number {
  if (code >= ZERO && code <= ZERO + 9) return code - ZERO;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}
