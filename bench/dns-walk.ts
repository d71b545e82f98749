/**
 * Benchmark: the live DNS walk of an include tree. A local DNS server (127.0.0.1, ephemeral
 * port) delays every answer by 20 ms and serves a record with 5 includes, each with one nested
 * include that ends in ip4 ranges and -all. The client IP matches nothing, so every record is
 * fetched and evaluated (11 TXT queries). Each run uses a fresh NodeResolver (nothing cached).
 *
 * The lower bound is one round trip per tree level: the root record, then the 5 includes
 * (depth 1), then their nested includes (depth 2): (depth 2 + 1) × 20 ms = 60 ms. Reported:
 * wall time against that bound (target ≤ 1.3×) and the queries the server received, with the
 * include prefetch on (the default) and, for comparison, off (strictly sequential queries).
 *
 * Run: npm run bench, or
 *   npx esbuild bench/dns-walk.ts --bundle --platform=node --target=node20 --packages=external \
 *     --outfile=out/bench/dns-walk.js && node out/bench/dns-walk.js [runs]
 */
import { NodeResolver } from '../src/core/dns/node-resolver';
import { checkHost } from '../src/core/spf/check-host';
import { TestDnsServer, type TestRecord } from '../test/support/dns-server';
import { printTable } from './support/table';

const DELAY_MS = 20;
const INCLUDES = 5;
const TREE_DEPTH = 2;
const LOWER_BOUND_MS = (TREE_DEPTH + 1) * DELAY_MS;
const TARGET_RATIO = 1.3;
const CLIENT_IP = '192.0.2.77';
const runs = Number(process.argv[2] ?? 15);

function includeTree(): TestRecord[] {
  const includes = Array.from({ length: INCLUDES }, (_, index) => `include:i${index + 1}.walk.test`).join(' ');
  const records: TestRecord[] = [{ name: 'walk.test', type: 'TXT', value: [`v=spf1 ${includes} -all`] }];
  for (let index = 1; index <= INCLUDES; index++) {
    records.push({ name: `i${index}.walk.test`, type: 'TXT', value: [`v=spf1 ip4:198.51.100.${index}/32 include:n${index}.walk.test -all`] });
    records.push({ name: `n${index}.walk.test`, type: 'TXT', value: [`v=spf1 ip4:203.0.113.${index * 16}/28 ip6:2001:db8:${index}::/48 -all`] });
  }
  return records;
}

interface Measurement {
  label: string;
  /** Whether the target applies (it is about the default evaluation; the other is for comparison). */
  targeted: boolean;
  timesMs: number[];
  queriesPerRun: number;
  result: string;
  dnsTerms: number;
}

async function measure(server: TestDnsServer, label: string, prefetch: boolean): Promise<Measurement> {
  const targeted = prefetch;
  const timesMs: number[] = [];
  let queriesPerRun = 0;
  let result = '';
  let dnsTerms = 0;
  for (let run = -1; run < runs; run++) {
    const resolver = new NodeResolver({ servers: [server.address], timeout: 2000, tries: 1 });
    server.resetCounts();
    const started = performance.now();
    const outcome = await checkHost({ ip: CLIENT_IP, sender: 'postmaster@walk.test', helo: 'walk.test' }, { resolver, prefetch });
    const elapsed = performance.now() - started;
    if (run < 0) continue; // the first run warms up the code paths and is not counted
    timesMs.push(elapsed);
    queriesPerRun = server.count();
    result = outcome.result;
    dnsTerms = outcome.trace.dnsTerms.length;
  }
  return { label, targeted, timesMs, queriesPerRun, result, dnsTerms };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const server = new TestDnsServer(includeTree(), DELAY_MS);
  await server.start();
  let measurements: Measurement[];
  try {
    measurements = [await measure(server, 'prefetch on (default)', true), await measure(server, 'prefetch off (sequential)', false)];
  } finally {
    await server.stop();
  }
  console.log(
    `dns-walk: ${INCLUDES} includes × 1 nested include, every answer delayed ${DELAY_MS} ms, fresh NodeResolver per run, ${runs} runs, Node ${process.version}`,
  );
  console.log(`lower bound (tree depth ${TREE_DEPTH} + 1) × ${DELAY_MS} ms = ${LOWER_BOUND_MS} ms; target ≤ ${TARGET_RATIO}× = ${(LOWER_BOUND_MS * TARGET_RATIO).toFixed(0)} ms`);
  const header = ['evaluation', 'median ms', 'min ms', 'max ms', 'median / bound', 'target', 'queries/run', 'result', 'DNS terms'];
  const rows = measurements.map((measurement) => {
    const ratio = median(measurement.timesMs) / LOWER_BOUND_MS;
    return [
      measurement.label,
      median(measurement.timesMs).toFixed(1),
      Math.min(...measurement.timesMs).toFixed(1),
      Math.max(...measurement.timesMs).toFixed(1),
      `${ratio.toFixed(2)}×`,
      !measurement.targeted ? 'comparison' : ratio <= TARGET_RATIO ? 'met' : 'missed',
      String(measurement.queriesPerRun),
      measurement.result,
      `${measurement.dnsTerms}/10`,
    ];
  });
  printTable(header, rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
