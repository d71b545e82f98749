/**
 * The fuzz harness: seeded fast-check runs with a per-reader case count and a per-input CPU
 * budget (issue 7, "Robustness": every input finishes in under 50 ms, no catastrophic regular
 * expression backtracking).
 *
 * Environment: `FUZZ_SEED` (default {@link DEFAULT_SEED}) makes every run reproducible;
 * `FUZZ_RUNS` is the number of cases per reader (default 10,000, as `npm test` requires);
 * `npm run fuzz` sets both (a random seed, many more runs). A failure names the seed, the
 * fast-check path and the counterexample.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';

export const DEFAULT_SEED = 7208;
export const SEED = readInteger('FUZZ_SEED', DEFAULT_SEED);
/** Cases per reader: each reader's properties share this many runs by weight. */
export const RUNS_PER_READER = readInteger('FUZZ_RUNS', 10_000);

/** Mocha timeout of a fuzz suite: 20 ms per case, at least two minutes (a loaded machine runs slowly). */
export const FUZZ_TIMEOUT_MS = Math.max(120_000, RUNS_PER_READER * 20);

/**
 * The per-input budget, in CPU milliseconds. The issue asks for 50 ms per input. The test
 * measures CPU time of the process (`process.cpuUsage`), not wall time, so a loaded 2-core
 * machine that deschedules the test does not count against the reader; and an input over
 * budget is run once more and fails only when the second run is slow too, which filters a
 * garbage-collection pause that happened to land on it. A backtracking regex is slow every time.
 */
export const BUDGET_MS = 50;
/**
 * Budget of the large explicit inputs (up to 10 MB): {@link BUDGET_MS} plus 300 ms per MB of
 * input. The readers' linear throughput measured on the 2-core test machine under load is
 * 10–250 ms per MB (the SPF parser on a record of 5 million terms is the slowest); a
 * quadratic path on a 10 MB input takes minutes, so this bound still tells the two apart.
 */
export const LARGE_INPUT_MS_PER_MB = 300;
export function budgetFor(length: number, msPerMb = LARGE_INPUT_MS_PER_MB): number {
  return BUDGET_MS + (msPerMb * length) / 1_000_000;
}

function readInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** A short, escaped view of an input for failure messages. */
export function preview(input: unknown): string {
  const text = typeof input === 'string' ? input : JSON.stringify(input) ?? String(input);
  const shown = text.length > 600 ? `${text.slice(0, 300)} … [${text.length} chars] … ${text.slice(-200)}` : text;
  return JSON.stringify(shown);
}

/**
 * Runs `work` on `input`, failing when it takes more than `budgetMs` CPU time twice in a row.
 * `rerun` is the second run (by default `work` again); a reader that caches its results must
 * pass one that misses the cache.
 */
export function withinBudget<T>(label: string, input: unknown, work: () => T, budgetMs = BUDGET_MS, rerun: () => unknown = work): T {
  const before = cpuMs();
  const result = work();
  const spent = cpuMs() - before;
  if (spent > budgetMs) {
    const again = cpuMs();
    rerun();
    const second = cpuMs() - again;
    if (second > budgetMs) assert.fail(`${label}: ${spent.toFixed(1)} ms then ${second.toFixed(1)} ms CPU (budget ${budgetMs} ms) on ${preview(input)}`);
  }
  return result;
}

/** The asynchronous form of {@link withinBudget} (readBounce, checkHost). */
export async function withinBudgetAsync<T>(label: string, input: unknown, work: () => Promise<T>, budgetMs = BUDGET_MS): Promise<T> {
  const before = cpuMs();
  const result = await work();
  const spent = cpuMs() - before;
  if (spent > budgetMs) {
    const again = cpuMs();
    await work();
    const second = cpuMs() - again;
    if (second > budgetMs) assert.fail(`${label}: ${spent.toFixed(1)} ms then ${second.toFixed(1)} ms CPU (budget ${budgetMs} ms) on ${preview(input)}`);
  }
  return result;
}

/** Counts the cases run for one reader, prints `fuzz: <reader> N cases` and checks the total. */
export class CaseCounter {
  private count = 0;
  private readonly shares: number[] = [];

  constructor(readonly reader: string) {}

  /** Runs for a property taking `weight` of the reader's cases (weights of one reader should sum to 1). */
  runs(weight: number): number {
    const runs = Math.max(1, Math.round(RUNS_PER_READER * weight));
    this.shares.push(runs);
    return runs;
  }

  tick(): void {
    this.count++;
  }

  get total(): number {
    return this.count;
  }

  /** A mocha test that reports the count and fails when fewer cases ran than asked for. */
  defineReport(): void {
    it(`ran at least ${RUNS_PER_READER} cases`, () => {
      console.log(`      fuzz: ${this.reader} ${this.count} cases (seed ${SEED})`);
      assert.ok(this.count >= RUNS_PER_READER, `${this.reader}: only ${this.count} of ${RUNS_PER_READER} cases ran`);
    });
  }
}

/** fast-check prints whole counterexamples; a 10 MB one would drown the report (seed and path reproduce it exactly). */
function shorten(message: string): string {
  return message.split('\n').map((line) => (line.length > 3000 ? `${line.slice(0, 2000)} … [${line.length} characters] … ${line.slice(-500)}` : line)).join('\n');
}

function reproduce(error: unknown): never {
  const detail = shorten(error instanceof Error ? error.message : String(error));
  throw new Error(`${detail}\nReproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS_PER_READER} (fast-check seed and path above).`);
}

/** `fc.assert` with the harness seed; each run ticks `counter`. */
export function checkProperty<T>(counter: CaseCounter, arbitrary: fc.Arbitrary<T>, weight: number, predicate: (value: T) => void): void {
  try {
    fc.assert(
      fc.property(arbitrary, (value) => {
        counter.tick();
        predicate(value);
      }),
      { seed: SEED, numRuns: counter.runs(weight), includeErrorInReport: true },
    );
  } catch (error) {
    reproduce(error);
  }
}

/** The asynchronous form of {@link checkProperty}. */
export async function checkAsyncProperty<T>(counter: CaseCounter, arbitrary: fc.Arbitrary<T>, weight: number, predicate: (value: T) => Promise<void>): Promise<void> {
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        counter.tick();
        await predicate(value);
      }),
      { seed: SEED, numRuns: counter.runs(weight), includeErrorInReport: true },
    );
  } catch (error) {
    reproduce(error);
  }
}

/** Ranges are integers inside `[0, length]` with `start <= end`. */
export function assertRange(range: { start: number; end: number } | undefined, length: number, what: string): void {
  assert.ok(range, `${what}: missing range`);
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: non-integer range ${JSON.stringify(range)}`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= length, `${what}: range ${JSON.stringify(range)} outside [0, ${length}]`);
}

/** `inner` lies inside `outer`. */
export function assertInside(inner: { start: number; end: number }, outer: { start: number; end: number }, what: string): void {
  assert.ok(outer.start <= inner.start && inner.end <= outer.end, `${what}: ${JSON.stringify(inner)} not inside ${JSON.stringify(outer)}`);
}
