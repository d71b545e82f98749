/**
 * The message catalog: every English template of the analyzer and the rules, by message id.
 * A front end that localises (the extension's Japanese bundle) translates these ids and renders
 * a finding's `message.id` with its `message.args` through `formatMessage`.
 */
import type { RuleDefinition } from './rule-api';
import { BUILTIN_RULES } from '../rules/registry';
import { ANALYZER_MESSAGES } from './analyzer-messages';

export { ANALYZER_MESSAGES };

/** Every template by id (`<code>.<key>`), for translators and for tests. */
export function messageCatalog(rules: readonly RuleDefinition[] = BUILTIN_RULES): Record<string, string> {
  const catalog: Record<string, string> = { ...ANALYZER_MESSAGES };
  for (const rule of rules) {
    for (const [key, template] of Object.entries(rule.messages)) catalog[`${rule.meta.code}.${key}`] = template;
  }
  return catalog;
}
