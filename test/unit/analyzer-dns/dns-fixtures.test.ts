import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDocumentWithDns, type AnalyzeDocumentWithDnsOptions } from '../../../src/core/analyzer/analyze';
import { attachBounce } from '../../../src/core/analyzer/dns/bounce-context';
import { applyFixes } from '../../../src/core/analyzer/fixes';
import type { Finding } from '../../../src/core/analyzer/types';
import { MemoryResolver } from '../../../src/core/dns/memory-resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { LineIndex } from '../../../src/core/text/line-index';
import { byPosition, readExpectations, type ExpectedFinding } from '../../support/rule-fixtures';
import { DNS_RULE_SET } from './dns-rule-set';

const FIXTURE_DIR = resolve(process.cwd(), 'test/fixtures/rules-dns');
const BOUNCE_LINE = /^; bounce: client-ip (\S+), spf-domain (\S+), provider (\S+)$/m;

function options(text: string): AnalyzeDocumentWithDnsOptions {
  const base: AnalyzeDocumentWithDnsOptions = { kind: 'zone', ruleSet: DNS_RULE_SET, dns: { resolver: new MemoryResolver([]), checkHost } };
  const bounce = BOUNCE_LINE.exec(text);
  if (!bounce) return base;
  return attachBounce(base, { clientIp: bounce[1], spfDomain: bounce[2], provider: bounce[3], checks: { spf: 'fail', dkim: 'fail', dmarc: 'unknown' } });
}

async function findings(text: string): Promise<Finding[]> {
  return (await analyzeDocumentWithDns(text, options(text))).findings;
}

function positions(text: string, list: readonly Finding[]): ExpectedFinding[] {
  const lines = new LineIndex(text);
  return list.map((finding) => ({ code: finding.code, ...lines.positionAt(finding.range.start) })).sort(byPosition);
}

/** Findings that still ask for action (SPF026 reports a passing IP as info). */
function open(list: readonly Finding[], code: string): number {
  return list.filter((finding) => finding.code === code && finding.severity !== 'info').length;
}

function recordLines(text: string, finding: Finding): { start: number; end: number } {
  const range = finding.recordRange ?? finding.range;
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const newline = text.indexOf('\n', range.end);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

describe('DNS rule fixtures (test/fixtures/rules-dns)', () => {
  const fixtures = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.zone')).sort();

  it('there is a fixture for every DNS rule (all seven are registered), expecting its own rule', () => {
    assert.deepEqual(DNS_RULE_SET.map((rule) => rule.meta.code), ['SPF020', 'SPF021', 'SPF022', 'SPF023', 'SPF024', 'SPF025', 'SPF026']);
    for (const rule of DNS_RULE_SET) {
      const name = fixtures.find((candidate) => candidate.startsWith(`${rule.meta.code}-`));
      assert.ok(name, `no fixture for ${rule.meta.code}`);
      assert.ok(readExpectations(readFileSync(join(FIXTURE_DIR, name), 'utf8')).some((expected) => expected.code === rule.meta.code));
    }
  });

  for (const name of fixtures) {
    const text = readFileSync(join(FIXTURE_DIR, name), 'utf8');

    it(`${name}: findings are exactly the inline markers`, async () => {
      assert.deepEqual(positions(text, await findings(text)), readExpectations(text).sort(byPosition));
    });

    it(`${name}: every fix removes its finding and changes only its record`, async () => {
      const before = await findings(text);
      for (const finding of before) {
        for (const fix of finding.fixes ?? []) {
          const applied = applyFixes(text, [fix]);
          assert.ok(applied.ok, fix.title.text);
          const after = await findings(applied.text);
          assert.ok(open(after, finding.code) < open(before, finding.code), `${finding.code} "${fix.title.text}": the finding is still there`);
          const lines = recordLines(text, finding);
          const tail = text.length - lines.end;
          assert.equal(applied.text.slice(0, lines.start), text.slice(0, lines.start), 'text before the record changed');
          assert.equal(applied.text.slice(applied.text.length - tail), text.slice(lines.end), 'text after the record changed');
        }
      }
    });
  }
});
