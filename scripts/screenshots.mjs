// README pictures from the real UI: starts VS Code's web workbench (code-server, as the
// integration runner does) on a copy of the seed example with SPF Doctor loaded, answers the
// names outside the zone from a DNS server on 127.0.0.1, runs "SPF Doctor: Analyze Selection"
// on the Gmail bounce and saves media/seed-report.png (bounce, zone and report) and
// media/seed-quickfix.png (the lightbulb on the record). Expects `npm run build` and
// `npm run build:tests` (the DNS server is the test suite's). Usage: node scripts/screenshots.mjs
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession } from './code-server-session.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { TestDnsServer } = require(join(root, 'out', 'test', 'support', 'dns-server.js'));
const STEP_TIMEOUT_MS = 30_000;
const MAX_PNG_BYTES = 300 * 1024;

// What a recursive resolver answers for the hosting service's names (examples/xserver.jp.zone).
const OUTSIDE = [
  { name: 'sv1234.xserver.jp', type: 'A', value: '192.0.2.34' },
  { name: 'spf.sender.xserver.jp', type: 'TXT', value: ['v=spf1 ip4:192.0.2.128/25 ip4:198.51.100.192/27 ~all'] },
];

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

async function save(page, file) {
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1280, height: 760 } });
  const bytes = statSync(file).size;
  console.log(`screenshots: ${file} (${Math.round(bytes / 1024)} KB)`);
  if (bytes > MAX_PNG_BYTES) throw new Error(`${file} is larger than ${MAX_PNG_BYTES / 1024} KB`);
}

const workspace = mkdtempSync(join(tmpdir(), 'spf-doctor-shots-'));
for (const file of ['gmail-5.7.26-via-postfix.txt', 'shop.example.co.jp.zone']) copyFileSync(join(root, 'examples', file), join(workspace, file));
const dns = new TestDnsServer(OUTSIDE);
await dns.start();
mkdirSync(join(root, 'out', 'test-results'), { recursive: true });
const session = await startSession({
  workspace,
  serverLogPath: join(root, 'out', 'test-results', 'screenshots-code-server.log'),
  viewport: { width: 1280, height: 760 },
  userSettings: {
    'spfDoctor.dns.servers': [dns.address],
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.colorTheme': 'Default Light Modern',
    'editor.minimap.enabled': false,
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'chat.commandCenter.enabled': false,
    'editor.fontSize': 13,
    'editor.wordWrap': 'on',
  },
});
try {
  const { page, remote, workbenchUrl } = session;
  await page.goto(workbenchUrl([['extensionDevelopmentPath', remote(root)]]));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shop.example.co.jp.zone' }).waitFor({ timeout: 60_000 });

  await runCommand(page, 'View: Close Primary Side Bar');
  await openFile(page, 'gmail-5.7.26-via-postfix.txt');
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await runCommand(page, 'SPF Doctor: Analyze Selection');
  // The report opens in the Markdown preview; the zone file opens at the record with SPF026.
  await page.locator('.tab', { hasText: 'Preview bounce-report.md' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h1', { hasText: 'bounce report' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await save(page, join(root, 'media', 'seed-report.png'));

  // The lightbulb on the record: the cursor on the squiggle, then Quick Fix (Ctrl+.).
  await page.locator('.squiggly-error').first().click({ force: true });
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: 'Authorize 203.0.113.45' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await save(page, join(root, 'media', 'seed-quickfix.png'));
} finally {
  await session.close();
  await dns.stop();
  rmSync(workspace, { recursive: true, force: true });
}
