/**
 * The built-in rules, in code order. Codes are stable: a code is never reused for another
 * meaning, and a removed rule leaves its code unused.
 *
 * SPF020–SPF026 need DNS (they run only in `analyzeDocumentWithDns`, with a resolver and the
 * `check_host()` engine; see issue 5):
 *   SPF020 lookup-limit        more than 10 DNS-querying terms, counted through include/redirect (RFC 7208 §4.6.4)
 *   SPF021 void-lookup-limit   more than 2 void lookups (RFC 7208 §4.6.4)
 *   SPF022 mx-ptr-name-limit   an mx or ptr term over 10 names (RFC 7208 §4.6.4)
 *   SPF023 include-loop        include/redirect loops (RFC 7208 §5.2, §6.1)
 *   SPF024 include-no-spf      include: of a name without an SPF record (RFC 7208 §5.2)
 *   SPF025 no-spf-record       the domain has no SPF record (RFC 7208 §4.5)
 *   SPF026 ip-not-authorized   the bounced client IP is not authorised (the bounce → fix verdict)
 * SPF000 rule-failure is the analyzer's own report of a rule that crashed.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { syntaxErrorRule } from './spf001-syntax-error';
import { unknownMechanismRule } from './spf002-unknown-mechanism';
import { multipleRecordsRule } from './spf003-multiple-records';
import { spfRrTypeRule } from './spf004-spf-rr-type';
import { versionTagRule } from './spf005-version-tag';
import { permissiveAllRule } from './spf006-permissive-all';
import { noAllRule } from './spf007-no-all';
import { termsAfterAllRule } from './spf008-terms-after-all';
import { redirectIgnoredRule } from './spf009-redirect-ignored';
import { ptrMechanismRule } from './spf010-ptr-mechanism';
import { expPitfallsRule } from './spf011-exp-pitfalls';
import { invalidMacroRule } from './spf012-invalid-macro';
import { duplicateTermRule } from './spf013-duplicate-term';
import { redundantNetworkRule } from './spf014-redundant-network';
import { cidrHostBitsRule } from './spf015-cidr-host-bits';
import { broadNetworkRule } from './spf016-broad-network';
import { stringTooLongRule } from './spf017-string-too-long';
import { recordTooLongRule } from './spf018-record-too-long';
import { gluedStringsRule } from './spf019-glued-strings';
import { lookupLimitRule } from './spf020-lookup-limit';
import { voidLookupLimitRule } from './spf021-void-lookup-limit';
import { mxPtrNameLimitRule } from './spf022-mx-ptr-name-limit';
import { includeLoopRule } from './spf023-include-loop';
import { includeNoSpfRule } from './spf024-include-no-spf';
import { noSpfRecordRule } from './spf025-no-spf-record';
import { ipNotAuthorizedRule } from './spf026-ip-not-authorized';

/** Codes and aliases reserved for rules not yet in {@link BUILTIN_RULES} (none at present). */
export const RESERVED_RULE_CODES: Readonly<Record<string, string>> = {};

/** Every built-in rule. */
export const BUILTIN_RULES: readonly RuleDefinition[] = [
  syntaxErrorRule,
  unknownMechanismRule,
  multipleRecordsRule,
  spfRrTypeRule,
  versionTagRule,
  permissiveAllRule,
  noAllRule,
  termsAfterAllRule,
  redirectIgnoredRule,
  ptrMechanismRule,
  expPitfallsRule,
  invalidMacroRule,
  duplicateTermRule,
  redundantNetworkRule,
  cidrHostBitsRule,
  broadNetworkRule,
  stringTooLongRule,
  recordTooLongRule,
  gluedStringsRule,
  lookupLimitRule,
  voidLookupLimitRule,
  mxPtrNameLimitRule,
  includeLoopRule,
  includeNoSpfRule,
  noSpfRecordRule,
  ipNotAuthorizedRule,
];

/** The rule with this code or alias (case-insensitive). */
export function findRule(codeOrAlias: string, rules: readonly RuleDefinition[] = BUILTIN_RULES): RuleDefinition | undefined {
  const wanted = codeOrAlias.toLowerCase();
  return rules.find((rule) => rule.meta.code.toLowerCase() === wanted || rule.meta.alias === wanted);
}
