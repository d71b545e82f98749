import assert from 'node:assert/strict';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { readBounce } from '../../../src/core/readers/bounce/read-bounce';
import type { BounceReport } from '../../../src/core/readers/bounce/types';
import { binaryText, bounceMessage, corpus, hostileText, mutated, rewrappedFixtureBounce } from '../../support/arbitraries';
import { assertRange, budgetFor, CaseCounter, checkAsyncProperty, FUZZ_TIMEOUT_MS, withinBudgetAsync } from './fuzz-harness';

const CLASSIFICATIONS = new Set(['spf', 'dkim', 'dmarc', 'unauthenticated', 'unknown-user', 'mailbox-full', 'null-mx', 'blocklist', 'relay-denied', 'smtp-auth-required', 'other', 'not-a-bounce']);
const CHECK_RESULTS = new Set(['pass', 'fail', 'softfail', 'none', 'unknown']);
const ENCODINGS = new Set([undefined, 'base64', 'quoted-printable', 'charset']);

function checkReport(text: string, report: BounceReport): void {
  assert.ok(CLASSIFICATIONS.has(report.classification), `classification ${report.classification}`);
  for (const check of [report.checks.spf, report.checks.dkim, report.checks.dmarc]) assert.ok(CHECK_RESULTS.has(check), `check ${check}`);
  if (report.classification === 'not-a-bounce') assert.ok(report.reason && report.reason.length > 0, 'not-a-bounce without a reason');
  if (report.clientIp !== null) assert.ok(ipaddr.isValid(report.clientIp), `clientIp ${JSON.stringify(report.clientIp)} is not an IP address`);
  if (report.statusCode !== null) assert.match(report.statusCode, /^[245]\d\d$/);
  if (report.enhancedStatus !== null) assert.match(report.enhancedStatus, /^[245]\.\d{1,3}\.\d{1,3}$/);
  const { checks, ...facts } = report.evidence;
  for (const [name, range] of [...Object.entries(facts), ...Object.entries(checks)]) {
    if (!range) continue;
    assertRange(range, text.length, `evidence ${name}`);
    assert.ok(ENCODINGS.has(range.encoded), `evidence ${name} encoding ${range.encoded}`);
  }
}

async function readAndCheck(text: string, budgetMs?: number): Promise<void> {
  checkReport(text, await withinBudgetAsync('readBounce', text, () => readBounce(text), budgetMs));
}

describe('fuzz: bounce reader (readBounce, plain text and .eml)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  const counter = new CaseCounter('readBounce');

  it('random text, hostile pieces and binary data', async () => {
    await checkAsyncProperty(counter, fc.oneof(fc.string({ maxLength: 400 }), hostileText(400), binaryText(400)), 0.2, (text) => readAndCheck(text));
  });

  it('mutated bounce fixtures (text and .eml)', async () => {
    await checkAsyncProperty(counter, mutated(fc.constantFrom(...corpus().bounces), 8), 0.35, (text) => readAndCheck(text));
  });

  it('generated replies of every provider and fixtures re-wrapped by relays', async () => {
    await checkAsyncProperty(counter, fc.oneof(bounceMessage, rewrappedFixtureBounce(), mutated(bounceMessage, 3)), 0.45, (text) => readAndCheck(text));
  });

  it('10 MB inputs are read in time proportional to their size', async () => {
    const reply = '550-5.7.26 SPF [example.com] with ip: [192.0.2.1] = did not pass\n';
    const eml = `Content-Type: multipart/report; boundary="b"\n\n--b\nContent-Type: text/plain\n\n${reply.repeat(150_000)}\n--b--\n`;
    const inputs = [reply.repeat(Math.floor(10_000_000 / reply.length)), eml, `${'550-5.7.26 ['.repeat(800_000)}`, 'a'.repeat(10_000_000), '\n'.repeat(10_000_000), `Received: ${'from x ('.repeat(1_000_000)}`];
    for (const text of inputs) await readAndCheck(text, budgetFor(text.length));
  });

  counter.defineReport();
});
