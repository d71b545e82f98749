/**
 * SPF Doctor's shared analyzer: the public library entry (`require('spf-doctor/core')`).
 * Never imports `vscode`.
 */
export * from './dns/resolver';
export * from './dns/node-resolver';
export * from './dns/caching-resolver';
export * from './dns/overlay-resolver';
export * from './dns/offline-resolver';
