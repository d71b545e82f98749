import * as assert from 'node:assert/strict';
import { MemoryResolver } from '../../../src/core/dns/memory-resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { renderTrace } from '../../../src/core/spf/trace';
import { loadConformanceSuite } from '../../support/conformance-suite';

for (const suite of ['rfc7208-tests.yml', 'rfc4408-tests.yml']) {
  describe(`OpenSPF conformance: ${suite}`, () => {
    for (const scenario of loadConformanceSuite(suite)) {
      describe(scenario.description, () => {
        const resolver = new MemoryResolver(scenario.records, { timeouts: scenario.timeouts, existingNames: scenario.names });
        for (const testCase of scenario.cases) {
          it(`${testCase.name}${testCase.spec ? ` (${testCase.spec})` : ''}`, async () => {
            const outcome = await checkHost(
              { ip: testCase.host, sender: testCase.mailfrom, helo: testCase.helo },
              { resolver, defaultExplanation: 'DEFAULT', receivingHost: 'receiver.test' },
            );
            const context = `${testCase.description ?? ''}\n${renderTrace(outcome.trace)}`;
            assert.ok(testCase.results.includes(outcome.result), `result ${outcome.result}, expected ${testCase.results.join(' or ')}\n${context}`);
            if (testCase.explanation !== undefined) {
              assert.equal(outcome.explanation, testCase.explanation, context);
            }
          });
        }
      });
    }
  });
}
