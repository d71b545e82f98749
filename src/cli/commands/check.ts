/**
 * `spf-doctor check`: runs `check_host()` (RFC 7208 §4) for one client IP and sender, against
 * zone files (`--zone`, no network), DNS servers (`--dns`), or both (zone files first), and
 * prints the result, the explanation and the trace.
 */
import { CachingResolver } from '../../core/dns/caching-resolver';
import { MemoryResolver } from '../../core/dns/memory-resolver';
import { NodeResolver } from '../../core/dns/node-resolver';
import { OverlayResolver } from '../../core/dns/overlay-resolver';
import type { Resolver } from '../../core/dns/resolver';
import { checkHost, type CheckHostResult, type SpfRequest } from '../../core/spf/check-host';
import { parseCommandLine, parseDomain, parseIpAddress, parseMilliseconds, parseSender, type Parsed } from '../args';
import { describeCheck, toCheckReport, type DnsSource } from '../check-report';
import { EXIT_OK, EXIT_USAGE, colourEnabled, createStyle, formatFileProblem, type CliIo } from '../output';
import { loadZoneFiles } from '../zone-source';

export const CHECK_USAGE = `Usage: spf-doctor check --ip IP (--sender ADDRESS | --domain DOMAIN) [options]

Evaluates SPF (RFC 7208 check_host()) for a client IP and prints the result, the
explanation and the trace: every term, every DNS query, the counters of DNS-querying
terms (n/10) and void lookups (n/2), and the term that decided.

Options:
  --ip IP               the SMTP client's IPv4 or IPv6 address (required)
  --sender ADDRESS      MAIL FROM: local@domain, or a bare domain (= postmaster@domain);
                        '' is the null sender (then postmaster@HELO is checked)
  --domain DOMAIN       the domain to check (default: the sender's domain)
  --helo NAME           the HELO/EHLO name (default: the checked domain)
  --zone FILE           answer from this zone file only, no network; repeat for more
                        files; names outside the files do not exist (NXDOMAIN)
  --dns SERVER[:PORT]   query this DNS server (repeatable); with --zone, the zone files
                        answer for their own zones and the server for the rest
  --timeout MS          DNS timeout per try in milliseconds (default 2000)
  --json                print the result and the trace as JSON
  -h, --help            show this help

Without --zone and --dns the system's DNS servers are used.
Exit codes: 0 the check ran (whatever its result), 2 bad usage or unreadable input.`;

const OPTIONS = {
  ip: { type: 'string' },
  sender: { type: 'string' },
  domain: { type: 'string' },
  helo: { type: 'string' },
  zone: { type: 'string', multiple: true },
  dns: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Default DNS timeout per try; c-ares lengthens later tries. */
const DEFAULT_TIMEOUT_MS = 2000;

interface CheckPlan {
  request: SpfRequest;
  resolver: Resolver;
  source: DnsSource;
  warnings: string[];
  json: boolean;
}

/** Runs `check` with its arguments (after the command name); returns the exit code. */
export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  if (!parsed.ok) return usageError(io, parsed.message);
  if (parsed.value.values.help) {
    io.stdout(`${CHECK_USAGE}\n`);
    return EXIT_OK;
  }
  const plan = planCheck(parsed.value.values);
  if (!plan.ok) return usageError(io, plan.message);
  const { request, resolver, source, warnings, json } = plan.value;
  for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
  const outcome: CheckHostResult = await checkHost(request, { resolver });
  if (json) {
    io.stdout(`${JSON.stringify(toCheckReport(outcome, source, warnings), null, 2)}\n`);
  } else {
    io.stdout(`${describeCheck(outcome, source, createStyle(colourEnabled(io)))}\n`);
  }
  return EXIT_OK;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`spf-doctor check: ${message}\nRun 'spf-doctor check --help' for usage.\n`);
  return EXIT_USAGE;
}

interface CheckValues {
  ip?: string;
  sender?: string;
  domain?: string;
  helo?: string;
  zone?: string[];
  dns?: string[];
  timeout?: string;
  json?: boolean;
}

/** Validates the options and builds the request and the resolver. */
function planCheck(values: CheckValues): Parsed<CheckPlan> {
  if (values.ip === undefined) return { ok: false, message: '--ip is required' };
  const ip = parseIpAddress(values.ip);
  if (!ip.ok) return ip;
  const request = buildRequest(ip.value, values);
  if (!request.ok) return request;
  let timeout = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const parsedTimeout = parseMilliseconds('--timeout', values.timeout);
    if (!parsedTimeout.ok) return parsedTimeout;
    timeout = parsedTimeout.value;
  }
  const answers = buildResolver(values.zone ?? [], values.dns ?? [], timeout);
  if (!answers.ok) return answers;
  return { ok: true, value: { request: request.value, ...answers.value, json: values.json === true } };
}

/**
 * Zone files alone (no network), DNS servers alone (the system's when none are given), or
 * both: the zone files answer for their zones, the servers for every other name.
 */
function buildResolver(zoneFiles: string[], servers: string[], timeout: number): Parsed<Pick<CheckPlan, 'resolver' | 'source' | 'warnings'>> {
  let live: Resolver | undefined;
  let liveServers: string[] = [];
  if (zoneFiles.length === 0 || servers.length > 0) {
    let nodeResolver: NodeResolver;
    try {
      nodeResolver = new NodeResolver({ ...(servers.length > 0 ? { servers } : {}), timeout });
    } catch (error) {
      return { ok: false, message: `--dns: ${(error as Error).message}` };
    }
    liveServers = nodeResolver.getServers();
    live = new CachingResolver(nodeResolver);
  }
  if (live !== undefined && zoneFiles.length === 0) {
    return { ok: true, value: { resolver: live, source: { zoneFiles, servers: liveServers }, warnings: [] } };
  }
  const zones = loadZoneFiles(zoneFiles);
  if (!zones.ok) return zones;
  const { records, existingNames, apexes } = zones.value;
  const fromZones = new MemoryResolver(records, { existingNames });
  return {
    ok: true,
    value: {
      resolver: live === undefined ? fromZones : new OverlayResolver(fromZones, live, apexes),
      source: { zoneFiles, servers: liveServers, zoneApexes: apexes },
      warnings: zones.value.warnings.map(formatFileProblem),
    },
  };
}

/** The `check_host()` inputs from --sender, --domain and --helo (RFC 7208 §4.1, §2.4). */
function buildRequest(ip: string, values: CheckValues): Parsed<SpfRequest> {
  let domain: string | undefined;
  if (values.domain !== undefined) {
    const parsedDomain = parseDomain('--domain', values.domain);
    if (!parsedDomain.ok) return parsedDomain;
    domain = parsedDomain.value;
  }
  if (values.sender === undefined && domain === undefined) return { ok: false, message: 'give --sender ADDRESS or --domain DOMAIN' };
  let sender = domain === undefined ? '' : `postmaster@${domain}`;
  if (values.sender !== undefined) {
    const parsedSender = parseSender(values.sender);
    if (!parsedSender.ok) return parsedSender;
    sender = parsedSender.value;
  }
  if (sender === '' && values.helo === undefined) {
    return { ok: false, message: 'a null sender (--sender \'\') checks postmaster@HELO (RFC 7208 §2.4): give --helo NAME' };
  }
  const helo = values.helo ?? domain ?? sender.slice(sender.lastIndexOf('@') + 1);
  return { ok: true, value: domain === undefined ? { ip, sender, helo } : { ip, sender, helo, domain } };
}
