/**
 * SPF Doctor's shared analyzer: the public library entry (`require('spf-doctor/core')`).
 * Never imports `vscode`.
 */
export * from './dns/resolver';
export * from './dns/node-resolver';
export * from './dns/caching-resolver';
export * from './dns/overlay-resolver';
export * from './dns/offline-resolver';
export * from './dns/memory-resolver';
export * from './spf/ast';
export * from './spf/parser';
export * from './spf/macro';
export * from './spf/domain-name';
export * from './spf/check-host';
export * from './spf/trace';
export { reverseName } from './spf/mechanisms';
export * from './analyze-selection';
export * from './text/range';
export * from './text/line-index';
export * from './readers/txt/txt-value';
export * from './readers/txt/value-edit';
export { encodeForSyntax } from './readers/txt/encode';
export * from './readers/zone/zone-types';
export * from './readers/zone/zone-reader';
export * from './readers/zone/zone-names';
export * from './readers/zone/zone-to-memory-records';
export { parseTtl } from './readers/zone/ttl';
export { parseRrType, parseRrClass, type RrType } from './readers/zone/rr-types';
export * from './readers/txt-input';
export * from './readers/code/find-spf-strings';
export * from './readers/bounce/types';
export { readBounce, MAX_SCANNED_TEXT, MAX_MIME_INPUT } from './readers/bounce/read-bounce';
export type { BounceEvidenceRange, BounceEncoding } from './readers/bounce/text-map';
export * from './services/mail-services';
export * from './analyzer/types';
export * from './analyzer/document';
export * from './analyzer/rule-api';
export * from './analyzer/analyze';
export * from './analyzer/fixes';
export * from './analyzer/fix-all';
export * from './analyzer/disable';
export * from './analyzer/messages';
export { classifyVersion, findNearMiss, type VersionClass, type NearMiss, type NearMissKind } from './analyzer/version-tag';
export { BUILTIN_RULES, RESERVED_RULE_CODES, findRule } from './rules/registry';
export * from './i18n/localize';
export { JA_MESSAGES } from './i18n/ja';
