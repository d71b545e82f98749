/**
 * Entry point of the Restricted Mode suite: the same mocha runner as test/integration, run on this
 * folder's tests by `scripts/run-integration.mjs --restricted` in a workspace that is not trusted.
 */
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
