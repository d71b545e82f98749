/**
 * A resolver for when live DNS must not be used (untrusted workspaces, `--zone` analysis):
 * every query fails with code `OTHER` and a message naming it, so an analysis can list
 * exactly which names it could not resolve instead of silently treating them as missing.
 */
import type { DnsResponse, QueryOptions, QueryType, Resolver } from './resolver';

/** The default reason given in every answer of an {@link OfflineResolver}. */
export const LIVE_DNS_OFF = 'live DNS is off';

/** Answers every query `{ status: 'error', code: 'OTHER', message: '<TYPE> <name>: not resolved, <reason>' }`. */
export class OfflineResolver implements Resolver {
  constructor(private readonly reason: string = LIVE_DNS_OFF) {}

  query<T extends QueryType>(name: string, type: T, options?: QueryOptions): Promise<DnsResponse<T>> {
    if (options?.signal?.aborted) {
      return Promise.resolve({ status: 'error', code: 'CANCELLED', message: `${type} ${name}: query cancelled` });
    }
    return Promise.resolve({ status: 'error', code: 'OTHER', message: `${type} ${name}: not resolved, ${this.reason}` });
  }
}
