/** The DNS rules under test (SPF020–SPF026), run without the document-only rules. */
import type { RuleDefinition } from '../../../src/core/analyzer/rule-api';
import { lookupLimitRule } from '../../../src/core/rules/spf020-lookup-limit';
import { voidLookupLimitRule } from '../../../src/core/rules/spf021-void-lookup-limit';
import { mxPtrNameLimitRule } from '../../../src/core/rules/spf022-mx-ptr-name-limit';
import { includeLoopRule } from '../../../src/core/rules/spf023-include-loop';
import { includeNoSpfRule } from '../../../src/core/rules/spf024-include-no-spf';
import { noSpfRecordRule } from '../../../src/core/rules/spf025-no-spf-record';
import { ipNotAuthorizedRule } from '../../../src/core/rules/spf026-ip-not-authorized';

export const DNS_RULE_SET: readonly RuleDefinition[] = [
  lookupLimitRule,
  voidLookupLimitRule,
  mxPtrNameLimitRule,
  includeLoopRule,
  includeNoSpfRule,
  noSpfRecordRule,
  ipNotAuthorizedRule,
];
