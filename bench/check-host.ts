/**
 * Benchmark: time per case of SPF Doctor's checkHost() over the OpenSPF RFC 7208 suite, with
 * the in-memory resolver, in-process; beside it `mailauth`'s SPF checker (dev dependency)
 * answering from the same zone data through its `resolver` option. Prints a table.
 *
 * Run:
 *   npx esbuild bench/check-host.ts --bundle --platform=node --target=node20 \
 *     --external:mailauth --outfile=out/bench/check-host.js && node out/bench/check-host.js
 *
 * Options: --iterations N (timed runs per case, default 200), --suite rfc4408-tests.yml.
 */
import { MemoryResolver } from '../src/core/dns/memory-resolver';
import type { QueryType } from '../src/core/dns/resolver';
import { checkHost } from '../src/core/spf/check-host';
import { loadConformanceSuite, type ConformanceCase } from '../test/support/conformance-suite';
import { printTable } from './support/table';

interface MailauthSpf {
  spf(options: {
    sender: string;
    ip: string;
    helo: string;
    mta: string;
    resolver: (name: string, type: string) => Promise<unknown>;
  }): Promise<{ status: { result: string } }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mailauth = require('mailauth/lib/spf') as MailauthSpf;

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const iterations = Number(argument('iterations', '200'));
const suite = argument('suite', 'rfc7208-tests.yml');

/** The same answers as `resolver`, in the shape of `dns.promises.resolve` (errors thrown with Node's codes). */
function mailauthResolver(resolver: MemoryResolver): (name: string, type: string) => Promise<unknown> {
  return async (name, type) => {
    if (!['A', 'AAAA', 'TXT', 'MX', 'PTR'].includes(type)) throw Object.assign(new Error(`no ${type}`), { code: 'ENODATA' });
    const answer = resolver.answer(name, type as QueryType);
    switch (answer.status) {
      case 'ok':
        return type === 'MX'
          ? (answer.records as Array<{ preference: number; exchange: string }>).map((mx) => ({ exchange: mx.exchange, priority: mx.preference }))
          : answer.records;
      case 'nxdomain':
        throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      case 'nodata':
        throw Object.assign(new Error(`queryTxt ENODATA ${name}`), { code: 'ENODATA' });
      case 'error':
        throw Object.assign(new Error(answer.message), { code: answer.code === 'TIMEOUT' ? 'ETIMEOUT' : 'ESERVFAIL' });
    }
  };
}

type Runner = (testCase: ConformanceCase) => Promise<string>;

const BATCHES = 10;

/** Mean time of `runs` evaluations of one case, in µs. */
async function timeBatch(run: Runner, testCase: ConformanceCase, runs: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let index = 0; index < runs; index++) await run(testCase);
  return Number(process.hrtime.bigint() - started) / 1000 / runs;
}

/**
 * Time per case of each implementation: batches alternate between the implementations (so a
 * busy machine slows both alike) and the median batch is kept (so a stray pause does not count).
 */
async function timeCase(runs: Runner[], testCase: ConformanceCase): Promise<number[]> {
  for (const run of runs) for (let warm = 0; warm < 20; warm++) await run(testCase);
  const batches = runs.map((): number[] => []);
  const perBatch = Math.max(1, Math.round(iterations / BATCHES));
  for (let batch = 0; batch < BATCHES; batch++) {
    for (const [index, run] of runs.entries()) batches[index].push(await timeBatch(run, testCase, perBatch));
  }
  return batches.map((times) => times.sort((left, right) => left - right)[Math.floor(times.length / 2)]);
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function main(): Promise<void> {
  const scenarios = loadConformanceSuite(suite);
  const implementations: Array<{ name: string; runners: Map<ConformanceCase, Runner> }> = [
    { name: 'spf-doctor checkHost', runners: new Map() },
    { name: 'mailauth 4.13.3 spf', runners: new Map() },
  ];
  for (const scenario of scenarios) {
    const resolver = new MemoryResolver(scenario.records, { timeouts: scenario.timeouts, existingNames: scenario.names });
    const viaMailauth = mailauthResolver(resolver);
    for (const testCase of scenario.cases) {
      implementations[0].runners.set(testCase, async (item) =>
        (await checkHost({ ip: item.host, sender: item.mailfrom, helo: item.helo }, { resolver, defaultExplanation: 'DEFAULT' })).result,
      );
      implementations[1].runners.set(testCase, async (item) =>
        (await mailauth.spf({ sender: item.mailfrom, ip: item.host, helo: item.helo, mta: 'mx.bench.test', resolver: viaMailauth })).status.result,
      );
    }
  }
  const times = implementations.map((): number[] => []);
  const conforming = implementations.map(() => 0);
  for (const testCase of implementations[0].runners.keys()) {
    const runs = implementations.map((implementation) => implementation.runners.get(testCase) as Runner);
    for (const [index, run] of runs.entries()) {
      if (testCase.results.includes(await run(testCase))) conforming[index]++;
    }
    for (const [index, microseconds] of (await timeCase(runs, testCase)).entries()) times[index].push(microseconds);
  }
  const rows = implementations.map((implementation, index) => {
    const sorted = times[index].sort((left, right) => left - right);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
    return [
      implementation.name,
      percentile(sorted, 0.5).toFixed(2),
      mean.toFixed(2),
      percentile(sorted, 0.9).toFixed(2),
      `${conforming[index]}/${sorted.length}`,
    ];
  });
  const header = ['implementation', 'median µs/case', 'mean µs/case', 'p90 µs/case', `results conforming (${suite})`];
  console.log(`${suite}: ${iterations} timed runs per case and implementation (median of ${BATCHES} batches), Node ${process.version}`);
  printTable(header, rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
