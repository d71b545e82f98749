/** The DNS rules under test (SPF020–SPF026), run without the document-only rules. */
import type { RuleDefinition } from '../../../src/core/analyzer/rule-api';
import { BUILTIN_RULES } from '../../../src/core/rules/registry';
import { lookupLimitRule } from '../../../src/core/rules/spf020-lookup-limit';
import { voidLookupLimitRule } from '../../../src/core/rules/spf021-void-lookup-limit';
import { ipNotAuthorizedRule } from '../../../src/core/rules/spf026-ip-not-authorized';

const DNS_RULES = [lookupLimitRule, voidLookupLimitRule, ipNotAuthorizedRule];

export const DNS_RULE_SET: readonly RuleDefinition[] = DNS_RULES.map((rule) => BUILTIN_RULES.find((other) => other.meta.code === rule.meta.code) ?? rule);
