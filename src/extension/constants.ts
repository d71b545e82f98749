/**
 * Every identifier the extension shares with package.json and with its tests, in one place.
 * Keep these in step with the `contributes` section of package.json.
 */

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'spf-doctor.spf-doctor';

/** The language id of DNS zone files (the id the community zone-file extensions use). */
export const ZONE_LANGUAGE_ID = 'zone';

/** Name of the log output channel. */
export const OUTPUT_CHANNEL_NAME = 'SPF Doctor';

/** `Diagnostic.source` of every diagnostic the extension reports. */
export const DIAGNOSTIC_SOURCE = 'SPF Doctor';

/** Command ids contributed in package.json. */
export const Commands = {
  analyzeSelection: 'spfDoctor.analyzeSelection',
  checkDomain: 'spfDoctor.checkDomain',
  showIncludeTree: 'spfDoctor.showIncludeTree',
  copyFixedRecord: 'spfDoctor.copyFixedRecord',
  forgetBouncedSenders: 'spfDoctor.forgetBouncedSenders',
} as const;

/** A palette command id. */
export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Context keys the extension sets for the `when` clauses of package.json. */
export const ContextKeys = {
  /** The cursor is on an SPF record of an analysed document. */
  spfRecordAtCursor: 'spfDoctor.spfRecordAtCursor',
  /** The workspace remembers at least one bounced sender. */
  hasBouncedSenders: 'spfDoctor.hasBouncedSenders',
} as const;

/** URI scheme of the generated reports (read-only Markdown documents shown in the preview). */
export const REPORT_SCHEME = 'spf-doctor-report';

/** Internal commands (not in the palette) and the diagnostics command of the manual run mode. */
export const InternalCommands = {
  runDiagnostics: 'spfDoctor.runDiagnostics',
  showRuleDocs: 'spfDoctor.showRuleDocs',
} as const;

/** Settings section and keys (relative to the section), as contributed in package.json. */
export const SETTINGS_SECTION = 'spfDoctor';
export const Settings = {
  enable: 'enable',
  run: 'run',
  debounceMs: 'debounceMs',
  dnsEnabled: 'dns.enabled',
  dnsServers: 'dns.servers',
  dnsTimeoutMs: 'dns.timeoutMs',
  rules: 'rules',
  codeLanguages: 'codeLanguages',
  mailServices: 'mailServices',
  flattenKeep: 'flattenKeep',
} as const;

/** When diagnostics are computed: as you type, when the file is saved, or on request only. */
export type RunMode = 'onType' | 'onSave' | 'manual';

/** Name of the one diagnostic collection. */
export const DIAGNOSTIC_COLLECTION = 'spfDoctor';

/** The code-action kind of fix-on-save: `"editor.codeActionsOnSave": { "source.fixAll.spfDoctor": "explicit" }`. */
export const FIX_ALL_KIND_SUFFIX = 'spfDoctor';

/** Where the rule pages live online: `Diagnostic.code.target` is `<base>/SPF0NN.md`. */
export const RULE_DOCS_BASE_URL = 'https://github.com/spf-doctor/spf-doctor/blob/main/docs/rules';

/** The limit on DNS-querying terms (RFC 7208 §4.6.4), shown in the status bar. */
export const LOOKUP_LIMIT = 10;
