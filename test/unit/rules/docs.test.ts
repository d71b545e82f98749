import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_RULES, RESERVED_RULE_CODES } from '../../../src/core/rules/registry';
import { renderRulesTable, updateRulesTable } from '../../../src/core/rules/rules-table';

const root = process.cwd();

describe('rule documentation and the README table', () => {
  it('every rule has a doc page naming its code, alias and an RFC section, and every page has a rule', () => {
    for (const rule of BUILTIN_RULES) {
      const path = resolve(root, rule.meta.docs);
      assert.ok(existsSync(path), `${rule.meta.docs} is missing`);
      const page = readFileSync(path, 'utf8');
      assert.ok(page.startsWith(`# ${rule.meta.code} \`${rule.meta.alias}\``), `${rule.meta.docs} does not start with its code and alias`);
      assert.match(page, /RFC \d+ §/);
      for (const heading of ['## What it checks', '## Why it matters', '## Examples', '## Fix']) assert.ok(page.includes(heading), `${rule.meta.docs} lacks "${heading}"`);
    }
    const pages = readdirSync(resolve(root, 'docs/rules')).filter((name) => name.endsWith('.md'));
    for (const page of pages) {
      assert.ok(BUILTIN_RULES.some((rule) => rule.meta.docs === `docs/rules/${page}`), `docs/rules/${page} belongs to no rule`);
    }
  });

  it('codes and aliases are unique, well-formed, and distinct from the reserved ones', () => {
    const codes = BUILTIN_RULES.map((rule) => rule.meta.code);
    const aliases = BUILTIN_RULES.map((rule) => rule.meta.alias);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(aliases).size, aliases.length);
    for (const code of codes) assert.match(code, /^SPF0\d\d$/);
    for (const alias of aliases) assert.match(alias, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const [code, alias] of Object.entries(RESERVED_RULE_CODES)) {
      assert.ok(!codes.includes(code) && !aliases.includes(alias), `${code} ${alias} is reserved`);
    }
  });

  it('the README rules table is current (it is generated from the rule metadata)', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    assert.equal(updateRulesTable(readme), readme, 'README.md is stale: run `node scripts/rules-table.mjs`');
    for (const rule of BUILTIN_RULES) assert.ok(renderRulesTable().includes(`[${rule.meta.code}](${rule.meta.docs})`));
  });

  it('scripts/rules-table.mjs --check agrees', () => {
    const output = execFileSync(process.execPath, [resolve(root, 'scripts/rules-table.mjs'), '--check'], { encoding: 'utf8' });
    assert.match(output, /up to date/);
  });
});
