/**
 * What a rule is and what it sees. A rule is one file under `src/core/rules/`: metadata, its
 * message templates (the catalog a front end translates) and check functions:
 * - `checkRecord` (synchronous, document only) runs once per SPF record of the document;
 * - `checkDocument` runs once per document (rules about several records or about names);
 * - `checkRecordAsync` / `checkDocumentAsync` run only in the DNS analysis
 *   (`analyzeDocumentWithDns`), with a resolver, the `check_host()` engine and a way to preview
 *   a fix on the draft so a fix can be verified before it is offered.
 * Rules report through their context and never need to catch: the analyzer catches a crash and
 * reports it as an `SPF000 rule-failure` finding.
 */
import type { TextEdit, TextRange } from '../text/range';
import type { ZoneRecord } from '../readers/zone/zone-types';
import type { Resolver } from '../dns/resolver';
import type { checkHost } from '../spf/check-host';
import type { MailService } from '../services/mail-services';
import type { BounceContext } from './dns/bounce-context';
import type { AnalyzedDocument, MappedRange, SpfRecordSite } from './document';
import type { Fix, FixKind, MessageArg, MessageData, RelatedInformation, ReportedSeverity, RuleMeta, Severity } from './types';

/** Analysis settings a rule may read. */
export interface AnalysisSettings {
  /** Severity per rule, keyed by code (`SPF006`) or alias (`permissive-all`); `off` disables it. */
  rules?: Readonly<Record<string, Severity>>;
  /** Longest character-string to keep when fixing (default 255, RFC 1035 §3.3). */
  maxStringOctets?: number;
  /** What a bounce said (client IP, SPF domain, checks): the DNS rules evaluate that IP on the draft (SPF026). */
  bounce?: BounceContext;
  /** Includes that flattening keeps as they are (e.g. providers that change addresses often). */
  flattenKeep?: readonly string[];
  /** Extra mail services (a user setting) tried before the built-in table when naming a relay's service. */
  mailServices?: readonly MailService[];
}

/** Optional parts of a report. */
export interface ReportExtras {
  fixes?: (Fix | undefined)[];
  related?: RelatedInformation[];
  /** Overrides the configured severity (e.g. `sender-id` near misses are only `info`). */
  severity?: ReportedSeverity;
}

/** Flags of a fix built from value edits. */
export interface FixFlags {
  isPreferred?: boolean;
  changesPolicy?: boolean;
  kind?: FixKind;
}

/** Builds messages from the rule's own templates: id `<code>.<key>`. */
export type MessageFactory = (key: string, args?: Record<string, MessageArg>) => MessageData;

/** Context of a document rule. */
export interface DocumentRuleContext {
  readonly document: AnalyzedDocument;
  readonly settings: AnalysisSettings;
  readonly message: MessageFactory;
  /** Reports a finding at a document range; `recordRange` ties it to a record for disable comments. */
  reportAt(range: TextRange, message: MessageData, extras?: ReportExtras & { recordRange?: TextRange; pieces?: TextRange[] }): void;
  /** The SPF sites at an owner name (case-insensitive), in document order. */
  sitesAt(owner: string): readonly SpfRecordSite[];
}

/** Context of a record rule: the document context plus the record under check. */
export interface RecordRuleContext extends DocumentRuleContext {
  readonly site: SpfRecordSite;
  /** Other SPF sites (records and near misses) at the same owner. */
  readonly siblings: readonly SpfRecordSite[];
  /** Every other zone record at the same owner, of any type. */
  readonly ownerRecords: readonly ZoneRecord[];
  /** Maps a range of the record's value to the document. */
  map(valueRange: TextRange): MappedRange;
  /** Reports a finding at a range of the record's value. */
  report(valueRange: TextRange, message: MessageData, extras?: ReportExtras): void;
  /**
   * A fix made of edits of the record's value (value offsets, non-overlapping), written back
   * with the record's quoting, escapes and ≤255-octet strings; undefined when that is impossible.
   */
  valueFix(title: MessageData, valueEdits: TextEdit[], flags?: FixFlags): Fix | undefined;
}

/** The DNS side of an analysis. */
export interface DnsAnalysisContext {
  resolver: Resolver;
  /** The engine (injected so that callers can wrap it, e.g. to count evaluations). */
  checkHost: typeof checkHost;
  signal?: AbortSignal;
}

/** A fix applied to the draft: the new text and the document read from it. */
export interface FixPreview {
  text: string;
  document: AnalyzedDocument;
  /** The record at the fixed position in the new document, when there still is one. */
  site?: SpfRecordSite;
}

/** Extra context of DNS rules. */
export interface DnsContextExtras {
  readonly dns: DnsAnalysisContext;
  /** Applies a fix to the draft and re-reads it (for verifying a fix before offering it). */
  previewFix(fix: Fix): FixPreview | undefined;
}

export type AsyncDocumentRuleContext = DocumentRuleContext & DnsContextExtras;
export type AsyncRecordRuleContext = RecordRuleContext & DnsContextExtras;

/** One rule. */
export interface RuleDefinition {
  meta: RuleMeta;
  /** English message templates by key, with `{name}` placeholders; ids are `<code>.<key>`. */
  messages: Readonly<Record<string, string>>;
  /** Runs on SPF records only, unless `includeNearMisses` is set. */
  includeNearMisses?: boolean;
  checkRecord?(context: RecordRuleContext): void;
  checkDocument?(context: DocumentRuleContext): void;
  checkRecordAsync?(context: AsyncRecordRuleContext): Promise<void>;
  checkDocumentAsync?(context: AsyncDocumentRuleContext): Promise<void>;
}
