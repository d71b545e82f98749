import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import { checkHost, DEFAULT_SPF_LIMITS } from '../../../src/core/spf/check-host';
import { MAX_EXPLANATION_LENGTH } from '../../../src/core/spf/macro';
import type { EvaluationTrace, SpfResult } from '../../../src/core/spf/trace';
import { applyMutation, cutAt, macro, mutated, spfRecord } from '../../support/arbitraries';
import { loadConformanceSuite } from '../../support/conformance-suite';
import { CaseCounter, checkAsyncProperty, FUZZ_TIMEOUT_MS, withinBudgetAsync } from './fuzz-harness';

const RESULTS = new Set<SpfResult>(['none', 'neutral', 'pass', 'fail', 'softfail', 'temperror', 'permerror']);
const NAMES = ['example.com', 'n1.example.com', 'n2.example.com', 'n3.example.com', 'loop.example.com', 'mx.example.com', 'missing.example.org'];
/** Generous bound on queries: 11 DNS terms, each at most an MX/PTR query plus 10 address queries, and %{p} and exp= lookups. */
const MAX_QUERIES = 400;

const target = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.tuple(macro, fc.constantFrom(...NAMES)).map(([m, name]) => `${m}.${name}`) },
  { weight: 1, arbitrary: fc.constantFrom('%{d}', 'x.%{d}', '%{ir}.%{v}.n1.example.com', '%{p}', '%{l1r+}.n2.example.com', `${'%{s}'.repeat(40)}.example.com`) },
);
/** Terms that make the evaluation walk the generated names: includes, redirects, loops, MX fan-out. */
const walkingTerm = fc.oneof(
  fc.tuple(fc.constantFrom('', '-', '~', '?'), fc.constantFrom('include', 'a', 'mx', 'ptr', 'exists'), target).map(([q, name, t]) => `${q}${name}:${t}`),
  target.map((t) => `redirect=${t}`),
  target.map((t) => `exp=${t}`),
  fc.constantFrom('a', 'mx', 'ptr', '-all', '~all', 'ip4:192.0.2.0/24', 'ip6:2001:db8::/32', 'mx/24//64'),
);
const walkingRecord = fc.oneof(
  { weight: 3, arbitrary: fc.array(walkingTerm, { maxLength: 14 }).map((terms) => ['v=spf1', ...terms].join(' ')) },
  { weight: 1, arbitrary: spfRecord },
  { weight: 1, arbitrary: mutated(fc.constant('v=spf1 include:n1.example.com mx:mx.example.com -all')) },
);

/** A small hostile DNS world: every name may hold SPF records (possibly several), MX fan-out, addresses, PTRs. */
const world = fc.record({
  txt: fc.array(fc.tuple(fc.constantFrom(...NAMES), walkingRecord, fc.array(fc.nat(300), { maxLength: 2 })), { minLength: 1, maxLength: 10 }),
  mxCount: fc.nat(14),
  addresses: fc.nat(12),
  timeouts: fc.subarray(NAMES, { maxLength: 1 }),
  explanation: fc.constantFrom('', 'Not allowed: %{s} from %{i}', '%{c} %{r} %{t} %', `${'%{s}'.repeat(200)}`),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function buildResolver(w: World): MemoryResolver {
  const records: MemoryRecord[] = w.txt.map(([name, value, cuts]) => ({ name, type: 'TXT', value: cutAt(value, cuts) }));
  for (let i = 0; i < w.mxCount; i++) records.push({ name: 'mx.example.com', type: 'MX', value: { preference: i, exchange: `mx${i}.example.com` } });
  for (let i = 0; i < w.mxCount; i++) for (let j = 0; j < w.addresses; j++) records.push({ name: `mx${i}.example.com`, type: 'A', value: `198.51.${i}.${j}` });
  for (let j = 0; j < w.addresses; j++) records.push({ name: '1.2.0.192.in-addr.arpa', type: 'PTR', value: `h${j}.example.com` });
  if (w.explanation) records.push({ name: 'n3.example.com', type: 'TXT', value: [w.explanation] });
  return new MemoryResolver(records, { timeouts: w.timeouts });
}

function checkEvaluation(evaluation: EvaluationTrace, depth: number): void {
  assert.ok(RESULTS.has(evaluation.result), `result ${evaluation.result}`);
  assert.ok(depth < 70, 'evaluation nested too deep');
  for (const term of evaluation.terms) if (term.child) checkEvaluation(term.child, depth + 1);
}

async function evaluate(resolver: MemoryResolver, request: { ip: string; sender: string; helo: string; domain?: string }, input: unknown): Promise<void> {
  const outcome = await withinBudgetAsync('checkHost', input, () => checkHost(request, { resolver, now: 0, receivingHost: 'mx.receiver.example' }));
  assert.ok(RESULTS.has(outcome.result), `result ${outcome.result}`);
  assert.equal(outcome.result, outcome.trace.root.result);
  checkEvaluation(outcome.trace.root, 0);
  assert.ok(outcome.trace.dnsTerms.length <= DEFAULT_SPF_LIMITS.dnsTerms + 1, `${outcome.trace.dnsTerms.length} DNS terms counted`);
  assert.ok(outcome.trace.voidLookups.length <= DEFAULT_SPF_LIMITS.voidLookups + 1, `${outcome.trace.voidLookups.length} void lookups counted`);
  assert.ok(outcome.trace.queryCount <= MAX_QUERIES, `${outcome.trace.queryCount} queries`);
  if (outcome.explanation !== undefined) assert.ok(outcome.explanation.length <= MAX_EXPLANATION_LENGTH);
  if (outcome.result !== 'fail') assert.equal(outcome.explanation, undefined);
}

describe('fuzz: check_host() over hostile records (checkHost + MemoryResolver)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('checkHost');

  it('generated worlds of includes, redirects, loops, macros and MX fan-out: a defined result within the limits', async () => {
    const request = fc.record({
      ip: fc.constantFrom('192.0.2.1', '198.51.0.3', '2001:db8::1', '::ffff:198.51.1.1', 'not-an-ip', '1.2.3'),
      sender: fc.constantFrom('user@example.com', '', 'a.b.c.d.e.f.g.h@n1.example.com', '@example.com', 'noat', `${'x.'.repeat(32)}@${'a.'.repeat(120)}example.com`),
      helo: fc.constantFrom('mail.example.com', '', '[192.0.2.1]'),
    });
    await checkAsyncProperty(counter, fc.tuple(world, request), 0.6, async ([w, req]) => evaluate(buildResolver(w), req, { world: w, request: req }));
  });

  it('the conformance suites with mutated records', async () => {
    const scenarios = [...loadConformanceSuite('rfc7208-tests.yml'), ...loadConformanceSuite('rfc4408-tests.yml')];
    const cases = scenarios.flatMap((scenario) => scenario.cases.map((testCase) => ({ scenario, testCase })));
    const mutation = fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(' include:e1.example.com', ' redirect=e2.example.com', ' %{', ' mx', ' exp=e3.example.com', ' ptr:%{p}'), fc.string({ maxLength: 5 }))), { minLength: 1, maxLength: 3 });
    await checkAsyncProperty(counter, fc.tuple(fc.nat(cases.length - 1), mutation), 0.4, async ([index, mutations]) => {
      const { scenario, testCase } = cases[index];
      const records = scenario.records.map((record) => {
        if (record.type !== 'TXT') return record;
        const value = mutations.reduce((text, [at, piece]) => applyMutation(text, { op: 'insert', at, piece }), record.value.join(''));
        return { ...record, value: [value] };
      });
      const resolver = new MemoryResolver(records, { timeouts: scenario.timeouts, existingNames: scenario.names });
      await evaluate(resolver, { ip: testCase.host, sender: testCase.mailfrom, helo: testCase.helo }, { case: testCase.name, mutations });
    });
  });

  counter.defineReport();
});
