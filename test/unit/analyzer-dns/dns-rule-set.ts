/** The DNS rules (SPF020–SPF026, `needsDns`), run without the document-only rules. */
import type { RuleDefinition } from '../../../src/core/analyzer/rule-api';
import { BUILTIN_RULES } from '../../../src/core/rules/registry';

export const DNS_RULE_SET: readonly RuleDefinition[] = BUILTIN_RULES.filter((rule) => rule.meta.needsDns);
