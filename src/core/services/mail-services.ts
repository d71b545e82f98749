/**
 * Which mail service a sending host belongs to, from its host name or PTR name, and the SPF
 * `include:` that service documents (RFC 7208 §5.2). Used by the bounce → fix loop to offer
 * "include the service's record" next to the exact `ip4:`/`ip6:` fix.
 */
import { MAIL_SERVICES } from './mail-service-table';

/** How a host name is recognised: a label-boundary suffix (`.sendgrid.net`) or an anchored regex. */
export type HostPattern = { suffix: string } | { regex: RegExp };

/** A mail service and its documented SPF include. */
export interface MailService {
  id: string;
  name: string;
  /** The domain to `include:`; null when the service documents no shared one. */
  include: string | null;
  hostPatterns: readonly HostPattern[];
  /** URL of the provider's SPF documentation. */
  source: string;
  /** Whether `include` was checked against that documentation (see mail-service-table.ts). */
  confidence: 'confirmed' | 'unconfirmed';
  note?: string;
}

/** The built-in table (see mail-service-table.ts for its sources). */
export const BUILT_IN_MAIL_SERVICES: readonly MailService[] = MAIL_SERVICES;

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/;

/**
 * The service that `hostOrPtr` (a relay host name or PTR name, trailing dot allowed) belongs to,
 * or undefined. `extraServices` (a user setting) are tried before the built-in table. Matching is
 * linear: suffixes match at a label boundary, regexes must be anchored (`^...$`) and are only
 * tried on valid host names of at most 253 characters.
 */
export function findMailService(hostOrPtr: string, extraServices: readonly MailService[] = []): MailService | undefined {
  const host = hostOrPtr.trim().toLowerCase().replace(/\.$/, '');
  if (!HOST_NAME.test(host)) return undefined;
  for (const service of [...extraServices, ...BUILT_IN_MAIL_SERVICES]) {
    if (service.hostPatterns.some((pattern) => matches(host, pattern))) return service;
  }
  return undefined;
}

function matches(host: string, pattern: HostPattern): boolean {
  if ('suffix' in pattern) {
    const suffix = pattern.suffix.toLowerCase();
    const bare = suffix.startsWith('.') ? suffix.slice(1) : suffix;
    return host === bare || host.endsWith(`.${bare}`);
  }
  return pattern.regex.test(host);
}
