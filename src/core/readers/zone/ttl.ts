/**
 * TTL values of the master-file format: plain seconds (RFC 1035 §5.1) or BIND's unit form
 * (`1w2d`, `1h30m`, `90s`; units w, d, h, m, s in any case). RFC 2181 §8: at most 2^31 - 1.
 */
const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
const MAX_TTL = 2147483647;

/** Parses a TTL, returning seconds or a reason it is not one. */
export function parseTtl(token: string): { ok: true; seconds: number } | { ok: false; reason: string } {
  if (token.length === 0 || token.length > 40) return { ok: false, reason: `"${token.slice(0, 40)}" is not a TTL` };
  let total = 0;
  let number = -1;
  let sawUnit = false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      number = (number < 0 ? 0 : number * 10) + (code - 48);
      continue;
    }
    const unit = UNIT_SECONDS[token[i].toLowerCase()];
    if (unit === undefined || number < 0) return { ok: false, reason: `"${token}" is not a TTL (units are w, d, h, m, s)` };
    total += number * unit;
    number = -1;
    sawUnit = true;
  }
  if (number >= 0) {
    // A bare number after units ("1h30") counts as seconds, as BIND reads it.
    total += number;
  } else if (!sawUnit) {
    return { ok: false, reason: `"${token}" is not a TTL` };
  }
  if (total > MAX_TTL) return { ok: false, reason: `TTL ${token} exceeds 2147483647 seconds (RFC 2181 §8)` };
  return { ok: true, seconds: total };
}

/** True when a token could only be meant as a TTL (it starts with a digit). */
export function looksLikeTtl(token: string): boolean {
  const code = token.charCodeAt(0);
  return code >= 48 && code <= 57;
}
