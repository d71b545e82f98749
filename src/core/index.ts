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
