/**
 * SPF Doctor's shared analyzer: the public library entry (`require('spf-doctor/core')`).
 * Never imports `vscode`.
 */
export * from './dns/resolver';
