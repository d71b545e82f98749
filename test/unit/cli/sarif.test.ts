/**
 * `analyze --format sarif`: checked against the parts of SARIF 2.1.0 that code-scanning UIs
 * require (OASIS SARIF 2.1.0: §3.13 sarifLog, §3.14 run, §3.18 toolComponent, §3.49
 * reportingDescriptor, §3.27 result, §3.28 location, §3.30 region, §3.55 fix), written out by
 * hand below, and against the fixture's findings at hand-found positions.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ANALYZE_FIXTURES, ROOT, SEED_BOUNCE, runInProcess } from './cli-helpers';

const PROBE = resolve(ANALYZE_FIXTURES, 'probe.zone');
const EXAMPLE_ZONE = resolve(ROOT, 'examples/shop.example.co.jp.zone');
const EXAMPLE_XSERVER = resolve(ROOT, 'examples/xserver.jp.zone');

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The required fields and value constraints of the SARIF 2.1.0 subset the CLI emits. */
function assertSarifLog(log: unknown): void {
  assert.ok(isObject(log));
  assert.equal(log.version, '2.1.0');
  assert.match(String(log.$schema), /sarif-schema-2\.1\.0\.json$/);
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  for (const run of log.runs as unknown[]) {
    assert.ok(isObject(run) && isObject(run.tool) && isObject(run.tool.driver));
    const driver = run.tool.driver;
    assert.equal(typeof driver.name, 'string');
    assert.ok(Array.isArray(driver.rules));
    const ruleIds = (driver.rules as Json[]).map((rule) => {
      assert.match(String(rule.id), /^SPF0\d\d$/);
      assert.ok(isObject(rule.shortDescription) && typeof rule.shortDescription.text === 'string');
      assert.ok(isObject(rule.defaultConfiguration) && ['error', 'warning', 'note', 'none'].includes(String(rule.defaultConfiguration.level)));
      return rule.id;
    });
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
    assert.ok(Array.isArray(run.results));
    for (const result of run.results as unknown[]) {
      assert.ok(isObject(result) && isObject(result.message) && typeof result.message.text === 'string');
      assert.ok(['error', 'warning', 'note', 'none'].includes(String(result.level)));
      assert.equal(ruleIds[Number(result.ruleIndex)], result.ruleId, 'ruleIndex points at the rule');
      assert.ok(Array.isArray(result.locations) && result.locations.length === 1);
      const location = (result.locations as Json[])[0];
      assert.ok(isObject(location.physicalLocation) && isObject(location.physicalLocation.artifactLocation));
      assert.equal(typeof location.physicalLocation.artifactLocation.uri, 'string');
      assertRegion(location.physicalLocation.region);
      for (const fix of (result.fixes as Json[] | undefined) ?? []) {
        assert.ok(isObject(fix.description) && typeof fix.description.text === 'string');
        assert.ok(Array.isArray(fix.artifactChanges) && fix.artifactChanges.length > 0);
        for (const change of fix.artifactChanges as Json[]) {
          assert.ok(isObject(change.artifactLocation) && typeof change.artifactLocation.uri === 'string');
          assert.ok(Array.isArray(change.replacements) && change.replacements.length > 0);
          for (const replacement of change.replacements as Json[]) {
            assertRegion(replacement.deletedRegion);
            assert.ok(isObject(replacement.insertedContent) && typeof replacement.insertedContent.text === 'string');
          }
        }
      }
    }
  }
}

function assertRegion(region: unknown): asserts region is Region {
  assert.ok(isObject(region));
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && Number(region[key]) >= 1, `${key} is a 1-based integer`);
  assert.ok(Number(region.endLine) > Number(region.startLine) || (region.endLine === region.startLine && Number(region.endColumn) >= Number(region.startColumn)));
}

/** 1-based region of `needle` on one line of `file`, found by hand-written search. */
function regionOf(file: string, needle: string): Region {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  const column = lines[line].indexOf(needle) + 1;
  return { startLine: line + 1, startColumn: column, endLine: line + 1, endColumn: column + needle.length };
}

describe('spf-doctor analyze --format sarif', () => {
  it('emits a valid SARIF 2.1.0 log with rules from the metadata and results at exact regions', async () => {
    const run = await runInProcess(['analyze', PROBE, '--no-dns', '--format', 'sarif']);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Json[] } }; results: Json[] }> };
    assertSarifLog(log);
    const rules = log.runs[0].tool.driver.rules;
    const spf015 = rules.find((rule) => rule.id === 'SPF015');
    assert.equal(spf015?.name, 'cidr-host-bits');
    assert.equal(spf015?.helpUri, 'https://github.com/spf-doctor/spf-doctor/blob/main/docs/rules/SPF015.md');
    assert.ok(rules.some((rule) => rule.id === 'SPF026'), 'every built-in rule is listed');
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Region } }>; fixes?: Json[] }>;
    assert.deepEqual(
      results.map((result) => [result.ruleId, result.level, result.locations[0].physicalLocation.region]),
      [
        ['SPF015', 'warning', regionOf(PROBE, 'ip4:192.0.2.1/24')],
        ['SPF010', 'warning', regionOf(PROBE, 'ptr')],
        ['SPF006', 'error', regionOf(PROBE, '+all')],
        ['SPF013', 'warning', { ...regionOf(PROBE, 'ip4:192.0.2.1 -all'), endColumn: regionOf(PROBE, 'ip4:192.0.2.1 -all').startColumn + 'ip4:192.0.2.1'.length }],
      ],
    );
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, `file://${PROBE}`);
    // The preferred SPF015 fix rewrites "192.0.2.1/24" → "192.0.2.0/24" inside the record.
    const fix = results[0].fixes?.[0] as { description: { text: string }; artifactChanges: Array<{ replacements: Array<{ deletedRegion: Region; insertedContent: { text: string } }> }> };
    assert.equal(fix.description.text, 'Write the network as 192.0.2.0/24 (same meaning)');
    const address = regionOf(PROBE, '192.0.2.1/24');
    assert.deepEqual(fix.artifactChanges[0].replacements, [{ deletedRegion: { ...address, endColumn: address.startColumn + '192.0.2.1'.length }, insertedContent: { text: '192.0.2.0' } }]);
  });

  it('places the seed bounce finding on the zone record, with its fix', async () => {
    const run = await runInProcess(['analyze', SEED_BOUNCE, EXAMPLE_ZONE, '--zone', EXAMPLE_XSERVER, '--no-dns', '--format', 'sarif']);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Region } }>; fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ insertedContent: { text: string } }> }> }> }> }> };
    assertSarifLog(log);
    const spf026 = log.runs[0].results.filter((result) => result.ruleId === 'SPF026');
    assert.equal(spf026.length, 1);
    assert.equal(spf026[0].locations[0].physicalLocation.artifactLocation.uri, `file://${EXAMPLE_ZONE}`);
    assert.deepEqual(spf026[0].locations[0].physicalLocation.region, regionOf(EXAMPLE_ZONE, 'v=spf1'));
    assert.ok(spf026[0].fixes?.some((fix) => fix.artifactChanges[0].replacements.some((replacement) => replacement.insertedContent.text.includes('ip4:203.0.113.45'))));
  });

  it('has no results and exit 0 for a clean zone, still listing the rules', async () => {
    const run = await runInProcess(['analyze', resolve(ANALYZE_FIXTURES, 'clean.zone'), '--no-dns', '--format', 'sarif']);
    assert.equal(run.code, 0);
    const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: unknown[] } }; results: unknown[] }> };
    assertSarifLog(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.ok(log.runs[0].tool.driver.rules.length >= 26);
  });
});
