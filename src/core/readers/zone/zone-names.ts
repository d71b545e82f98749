/** Owner and data names of the master-file format (RFC 1035 §5.1: `@`, relative and absolute names). */
import { domainNameProblem } from '../../spf/domain-name';

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
  // Joined into one flat string: a read zone keeps one name per record, and a `+` or template
  // concatenation would keep a tree of string pieces taking about twice the memory.
  return origin === '.' ? `${written}.` : [written, origin].join('.');
}

/**
 * The origin a zone file's name implies when the file sets none, as BIND's `named.conf` usually
 * gives it: `db.example.com`, `example.com.zone` and `example.com.zonefile` stand for
 * `example.com` (lower-cased, no trailing dot). Undefined when the rest is not a valid domain
 * name with at least two labels (`db.local`, `example.zone`).
 */
export function originFromFileName(fileName: string): string | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  const match = /^db\.(.+)$/.exec(base) ?? /^(.+)\.(?:zone|zonefile)$/.exec(base);
  const name = match?.[1];
  return name !== undefined && name.includes('.') && domainNameProblem(name) === undefined ? name : undefined;
}
