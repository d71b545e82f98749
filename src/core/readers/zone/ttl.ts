/**
 * TTL values of the master-file format: plain seconds (RFC 1035 §5.1) or BIND's unit form
 * (`1w2d`, `1h30m`, `90s`; units w, d, h, m, s in any case). RFC 2181 §8: at most 2^31 - 1.
 */
const MAX_TTL = 2147483647;

/** Parses a TTL, returning seconds or a reason it is not one. */
export function parseTtl(token: string): { ok: true; seconds: number } | { ok: false; reason: string } {
  return parseTtlAt(token, 0, token.length);
}

/** {@link parseTtl} of `text` from `start` to `end`, copying the token only to explain an error. */
export function parseTtlAt(text: string, start: number, end: number): { ok: true; seconds: number } | { ok: false; reason: string } {
  const seconds = ttlSecondsAt(text, start, end);
  if (seconds >= 0) return { ok: true, seconds };
  const token = text.slice(start, end);
  switch (seconds) {
    case BAD_LENGTH:
      return { ok: false, reason: `"${token.slice(0, 40)}" is not a TTL` };
    case BAD_UNIT:
      return { ok: false, reason: `"${token}" is not a TTL (units are w, d, h, m, s)` };
    case TOO_LARGE:
      return { ok: false, reason: `TTL ${token} exceeds 2147483647 seconds (RFC 2181 §8)` };
    default:
      return { ok: false, reason: `"${token}" is not a TTL` };
  }
}

/** Why {@link ttlSecondsAt} found no TTL (negative, unlike any number of seconds). */
const BAD_LENGTH = -1;
const BAD_UNIT = -2;
const NO_NUMBER = -3;
const TOO_LARGE = -4;

/**
 * The seconds of the TTL written in `text` from `start` to `end`, or a negative number when it
 * is not one ({@link parseTtlAt} says why); allocates nothing.
 */
export function ttlSecondsAt(text: string, start: number, end: number): number {
  if (end - start === 0 || end - start > 40) return BAD_LENGTH;
  let total = 0;
  let number = -1;
  let sawUnit = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      number = (number < 0 ? 0 : number * 10) + (code - 48);
      continue;
    }
    const unit = unitSeconds(code);
    if (unit === 0 || number < 0) return BAD_UNIT;
    total += number * unit;
    number = -1;
    sawUnit = true;
  }
  if (number >= 0) {
    // A bare number after units ("1h30") counts as seconds, as BIND reads it.
    total += number;
  } else if (!sawUnit) {
    return NO_NUMBER;
  }
  return total > MAX_TTL ? TOO_LARGE : total;
}

/** Seconds of a unit letter w, d, h, m or s in either case; 0 for any other character. */
function unitSeconds(code: number): number {
  switch (code | 0x20) {
    case 119: // w
      return 604800;
    case 100: // d
      return 86400;
    case 104: // h
      return 3600;
    case 109: // m
      return 60;
    case 115: // s
      return 1;
    default:
      return 0;
  }
}

/** True when a token could only be meant as a TTL (it starts with a digit). */
export function looksLikeTtl(token: string): boolean {
  return isDigit(token.charCodeAt(0));
}

/** True when a character code is an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
