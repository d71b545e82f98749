// Runs the same integration suite (out/test/integration/index.js) under desktop VS Code with
// @vscode/test-electron. Needs internet (it downloads VS Code into .vscode-test/) and a display
// (on a headless Linux machine wrap it: `xvfb-run -a npm run test:electron`).
// VSCODE_TEST_VERSION picks the VS Code version (default 1.100.3, the oldest that engines allows).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [join(root, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('integration (desktop VS Code): passed');
} catch (error) {
  console.error(`integration (desktop VS Code): failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
