/**
 * Which TXT values are SPF records, and which only look like one (RFC 7208 §4.5: a record is SPF
 * only when it begins with `v=spf1` followed by a space or its end; anything else is discarded
 * by receivers, so a near miss silently leaves the domain without SPF).
 */
import { isSpfRecordText } from '../spf/parser';

/** How a TXT value relates to SPF. */
export type VersionClass = 'spf' | 'near-miss' | 'other';

/** How a near miss differs from a valid version tag. */
export type NearMissKind =
  /** Blank space or quote characters before `v=spf1`. */
  | 'leading-characters'
  /** `v=spf1` glued to the next term (`v=spf1ip4:…`, `v=spf1.`). */
  | 'no-space-after-tag'
  /** A mangled tag: `v=spf 1`, `v = spf1`, `spf1`, `v-spf1`, `v:spf1`. */
  | 'mangled-tag'
  /** `v=spf2.0/…`: a Sender ID record (RFC 4406), not SPF. */
  | 'sender-id';

export interface NearMiss {
  kind: NearMissKind;
  /** Value range of the offending prefix or tag. */
  start: number;
  end: number;
}

/** Only the start of a value is examined, so the checks are bounded whatever its length. */
const PREFIX_LENGTH = 64;
const MANGLED_TAG = /^v?\s*[=:-]?\s*spf\s*1(?=[\s"']|$)|^v\s*[=:-]\s*spf\s*1(?=\S)/i;
const SENDER_ID = /^spf2\.0\//i;

/** Classifies a TXT value (the concatenation of its strings). */
export function classifyVersion(value: string): VersionClass {
  if (isSpfRecordText(value)) return 'spf';
  return findNearMiss(value) ? 'near-miss' : 'other';
}

/** Describes how `value` misses the `v=spf1` tag, or undefined when it is not SPF-like at all. */
export function findNearMiss(value: string): NearMiss | undefined {
  if (isSpfRecordText(value) || !reachesSpf(value)) return undefined;
  const head = value.slice(0, PREFIX_LENGTH);
  const lower = head.toLowerCase();
  let leading = 0;
  while (leading < head.length && /[\s"']/.test(head[leading])) leading++;
  if (lower.startsWith('v=spf1', leading)) {
    if (leading > 0 && isSpfRecordText(value.slice(leading))) return { kind: 'leading-characters', start: 0, end: leading };
    if (leading === 0) return { kind: 'no-space-after-tag', start: 0, end: 6 };
    return { kind: 'leading-characters', start: 0, end: leading };
  }
  const rest = head.slice(leading);
  if (lower.startsWith('v=', leading) && SENDER_ID.test(rest.slice(2))) return { kind: 'sender-id', start: leading, end: leading + 9 };
  const mangled = MANGLED_TAG.exec(rest);
  if (mangled) return { kind: 'mangled-tag', start: leading, end: leading + mangled[0].length };
  return undefined;
}

const BLANK_OR_QUOTE = /[\s"']/;
const BLANK = /\s/;

/**
 * A necessary condition of every near miss, checked without copying the value: after blanks
 * and quotes, an optional `v`, blanks, one of `=:-`, blanks, then `spf` in any case. DMARC,
 * DKIM and verification TXT values (most TXT records) fail it at once.
 */
function reachesSpf(value: string): boolean {
  const limit = Math.min(value.length, PREFIX_LENGTH);
  let at = 0;
  while (at < limit && BLANK_OR_QUOTE.test(value[at])) at++;
  if ((value.charCodeAt(at) | 0x20) === 0x76) at++;
  while (at < limit && BLANK.test(value[at])) at++;
  const code = value.charCodeAt(at);
  if (code === 0x3d || code === 0x3a || code === 0x2d) at++;
  while (at < limit && BLANK.test(value[at])) at++;
  return (value.charCodeAt(at) | 0x20) === 0x73 && (value.charCodeAt(at + 1) | 0x20) === 0x70 && (value.charCodeAt(at + 2) | 0x20) === 0x66;
}
