import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = process.cwd();

interface SettingSchema {
  default: unknown;
  scope?: string;
}

describe('settings (package.json contributes.configuration)', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const properties: Record<string, SettingSchema> = manifest.contributes.configuration.properties;
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('gives every setting a scope', () => {
    assert.deepEqual(Object.entries(properties).filter(([, schema]) => schema.scope === undefined).map(([key]) => key), []);
  });

  it('lists every setting in the README table with its default and scope', () => {
    const rows = new Map(
      [...readme.matchAll(/^\| `(spfDoctor\.[^`]+)` \| `([^|]*)` \| (\w[\w-]*) \|/gm)].map((match) => [match[1], { value: match[2], scope: match[3] }]),
    );
    for (const [key, schema] of Object.entries(properties)) {
      const row = rows.get(key);
      assert.ok(row, `${key} is missing from the README settings table`);
      assert.deepEqual(JSON.parse(row.value), schema.default, `README default of ${key}`);
      assert.equal(row.scope, schema.scope, `README scope of ${key}`);
    }
    assert.deepEqual([...rows.keys()].filter((key) => !(key in properties)), [], 'README lists settings that do not exist');
  });
});
