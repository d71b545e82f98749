/**
 * The README rules table, generated from the rule metadata (`scripts/rules-table.mjs` writes it
 * between the markers; a unit test fails when the README is stale).
 */
import type { RuleMeta } from '../analyzer/types';
import { BUILTIN_RULES, RESERVED_RULE_CODES } from './registry';

export const RULES_TABLE_START = '<!-- rules-table:start -->';
export const RULES_TABLE_END = '<!-- rules-table:end -->';

/** The Markdown table of the built-in rules (and the codes reserved for DNS rules). */
export function renderRulesTable(metas: readonly RuleMeta[] = BUILTIN_RULES.map((rule) => rule.meta)): string {
  const rows = metas.map((meta) =>
    `| [${meta.code}](${meta.docs}) | \`${meta.alias}\` | ${meta.title} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : ''} | RFC ${meta.rfc} |`,
  );
  const reserved = Object.entries(RESERVED_RULE_CODES).map(([code, alias]) => `${code} \`${alias}\``).join(', ');
  return [
    '| Code | Alias | Checks | Default severity | Fix | Source |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(reserved ? ['', `Reserved for rules that need DNS: ${reserved}.`] : []),
  ].join('\n');
}

/** `readme` with the table between the markers replaced, or undefined when the markers are missing. */
export function updateRulesTable(readme: string, table: string = renderRulesTable()): string | undefined {
  const start = readme.indexOf(RULES_TABLE_START);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + RULES_TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
