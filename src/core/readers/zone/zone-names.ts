/** Owner and data names of the master-file format (RFC 1035 §5.1: `@`, relative and absolute names). */

/** True when a name ends with a dot that is not escaped (`a\.` is relative). */
export function isAbsoluteName(name: string): boolean {
  if (!name.endsWith('.')) return false;
  let backslashes = 0;
  for (let i = name.length - 2; i >= 0 && name.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Makes an origin absolute (adds the trailing dot). */
export function absoluteOrigin(origin: string): string {
  return isAbsoluteName(origin) ? origin : `${origin}.`;
}

/**
 * Resolves a name as written against the origin: `@` is the origin, an absolute name stays,
 * a relative name gets the origin appended. Without an origin a relative name is returned as is.
 */
export function resolveName(written: string, origin: string | undefined): string {
  if (written === '@') return origin ?? '@';
  if (isAbsoluteName(written) || origin === undefined) return written;
  return origin === '.' ? `${written}.` : `${written}.${origin}`;
}
