/**
 * Where `analyze` and `explain` get DNS answers for names outside the analysed documents:
 * zone data (`--zone` files, and the zone files being analysed) for their own zones, then
 * live DNS (the system's servers, or `--dns SERVER[:PORT]`), or nothing with `--no-dns`
 * (an `OfflineResolver`: verdicts that need other names say they are incomplete).
 */
import { CachingResolver } from '../core/dns/caching-resolver';
import { MemoryResolver } from '../core/dns/memory-resolver';
import { NodeResolver } from '../core/dns/node-resolver';
import { OfflineResolver } from '../core/dns/offline-resolver';
import { OverlayResolver } from '../core/dns/overlay-resolver';
import type { Resolver } from '../core/dns/resolver';
import { parseMilliseconds, type Parsed } from './args';
import { formatFileProblem } from './output';
import { loadZoneFiles } from './zone-source';

/** The options both commands share, as `util.parseArgs` declares them. */
export const DNS_OPTIONS = {
  zone: { type: 'string', multiple: true },
  dns: { type: 'string', multiple: true },
  'no-dns': { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

export const DNS_OPTIONS_HELP = `  --zone FILE           zone data answering the names of its zone (repeatable)
  --no-dns              no network: names outside the zone data are not resolved,
                        and verdicts that need them say they are incomplete
  --dns SERVER[:PORT]   query this DNS server instead of the system's (repeatable)
  --timeout MS          DNS timeout per try in milliseconds (default 2000)`;

export interface DnsValues {
  zone?: string[];
  dns?: string[];
  'no-dns'?: boolean;
  timeout?: string;
}

/** The resolver for names outside the analysed documents, and what to say about it. */
export interface DnsPlan {
  resolver: Resolver;
  /** `file:line:col: message` problems of the zone data. */
  warnings: string[];
  /** `zone files …, DNS …` or `… (no network)`, for the report. */
  description: string;
  live: boolean;
}

const DEFAULT_TIMEOUT_MS = 2000;

/**
 * Builds the resolver: the zone files (`--zone` and `extraZoneFiles`, the zone files being
 * analysed) answer for their apexes; every other name goes to live DNS, or to an
 * `OfflineResolver` with `--no-dns`. Unreadable zone files and bad servers are usage errors.
 */
export function planDns(values: DnsValues, extraZoneFiles: readonly string[] = []): Parsed<DnsPlan> {
  if (values['no-dns'] && values.dns !== undefined) return { ok: false, message: '--no-dns and --dns cannot be used together' };
  let timeout = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const parsed = parseMilliseconds('--timeout', values.timeout);
    if (!parsed.ok) return parsed;
    timeout = parsed.value;
  }
  let outside: Resolver;
  let outsideDescription: string;
  if (values['no-dns']) {
    outside = new OfflineResolver('--no-dns was given');
    outsideDescription = 'no network (--no-dns)';
  } else {
    let node: NodeResolver;
    try {
      node = new NodeResolver({ ...(values.dns ? { servers: values.dns } : {}), timeout });
    } catch (error) {
      return { ok: false, message: `--dns: ${(error as Error).message}` };
    }
    outside = new CachingResolver(node);
    outsideDescription = `DNS ${node.getServers().join(', ')}`;
  }
  const zoneFiles = [...new Set([...(values.zone ?? []), ...extraZoneFiles])];
  const live = !values['no-dns'];
  if (zoneFiles.length === 0) return { ok: true, value: { resolver: outside, warnings: [], description: outsideDescription, live } };
  const zones = loadZoneFiles(zoneFiles);
  if (!zones.ok) return zones;
  const { records, existingNames, apexes } = zones.value;
  return {
    ok: true,
    value: {
      resolver: new OverlayResolver(new MemoryResolver(records, { existingNames }), outside, apexes),
      warnings: (values.zone ?? []).length > 0 ? zones.value.warnings.filter((problem) => values.zone?.includes(problem.file)).map(formatFileProblem) : [],
      description: `zone data for ${apexes.join(', ') || '(no zone)'}, ${outsideDescription} for other names`,
      live,
    },
  };
}
