/**
 * Sends the TXT queries of `include:` and `redirect=` targets ahead of the evaluation, so that
 * a tree of includes costs about one round trip per level instead of one per include.
 *
 * The evaluation itself stays sequential (RFC 7208 §4.6): an answer is only used, and the
 * §4.6.4 limits only counted, when the evaluation reaches the term. Only targets without macros
 * are fetched ahead, at most `budget` of them per `check_host()`, so a hostile record cannot
 * make it send more than that many extra queries.
 */
import type { DnsResponse, Resolver } from '../dns/resolver';
import { normalizeName } from '../dns/resolver';
import type { SpfRecord } from './ast';
import { domainNameProblem } from './domain-name';
import { isSpfRecordText, parseRecord } from './parser';

export class RecordPrefetcher {
  private readonly pending = new Map<string, Promise<DnsResponse<'TXT'>>>();

  constructor(
    private readonly resolver: Resolver,
    private readonly signal: AbortSignal | undefined,
    private budget: number,
  ) {}

  /** The answer fetched ahead for `name`, if any (each is handed out once). */
  take(name: string): Promise<DnsResponse<'TXT'>> | undefined {
    if (this.pending.size === 0) return undefined;
    const key = normalizeName(name);
    const promise = this.pending.get(key);
    if (promise) this.pending.delete(key);
    return promise;
  }

  /** Starts the TXT queries of the record's macro-free include and redirect targets. */
  prefetchTargets(record: SpfRecord): void {
    for (const mechanism of record.mechanisms) {
      if (mechanism.name === 'include' && mechanism.domainSpec && !mechanism.domainSpec.hasMacros) this.start(mechanism.domainSpec.text);
    }
    if (record.redirect && !record.redirect.value.hasMacros) this.start(record.redirect.value.text);
  }

  private start(name: string): void {
    if (this.budget <= 0 || this.signal?.aborted) return;
    const key = normalizeName(name);
    if (this.pending.has(key) || domainNameProblem(key) !== undefined) return;
    this.budget--;
    const promise = this.resolver.query(key, 'TXT', this.signal ? { signal: this.signal } : undefined);
    // A rejection (which the Resolver contract forbids) is reported when the answer is taken.
    promise.catch(() => undefined);
    this.pending.set(key, promise);
    promise.then((response) => {
      if (response.status !== 'ok') return;
      const texts = response.records.map((strings) => strings.join('')).filter(isSpfRecordText);
      if (texts.length === 1) this.prefetchTargets(parseRecord(texts[0]));
    }, () => undefined);
  }
}
