/**
 * The context a record rule sees: the document context plus the record under check, its
 * siblings and owner records (looked up only when read), and reports and fixes mapped to the
 * document. The analysis moves one context per rule from record to record.
 */
import type { TextEdit, TextRange } from '../text/range';
import type { ZoneRecord } from '../readers/zone/zone-types';
import { mapSiteRange, type AnalyzedDocument, type MappedRange, type SpfRecordSite } from './document';
import { buildValueFix } from './fixes';
import type { AnalysisSettings, DocumentRuleContext, FixFlags, RecordRuleContext, ReportExtras, RuleDefinition } from './rule-api';
import type { Fix, MessageData, ReportedSeverity } from './types';

/** A rule of the run; `configured` is set when the settings name it, and then wins over a rule's own per-finding severity. */
export interface RuleEntry {
  rule: RuleDefinition;
  severity: ReportedSeverity;
  configured: boolean;
}

/** What a record context asks of the analysis it belongs to. */
export interface SiteRuleHost {
  readonly text: string;
  readonly options: { readonly maxStringOctets?: number };
  siblingsOf(site: SpfRecordSite): readonly SpfRecordSite[];
  ownerRecordsOf(site: SpfRecordSite): readonly ZoneRecord[];
  /** Counts a value fix of `site`; false once the record has had its share. */
  countValueFix(site: SpfRecordSite): boolean;
  addFinding(
    entry: RuleEntry,
    site: SpfRecordSite | undefined,
    range: TextRange,
    messageData: MessageData,
    extras: ReportExtras,
    pieces: TextRange[] | undefined,
    recordRange: TextRange | undefined,
  ): void;
}

/**
 * What a record rule sees. A class so that its siblings and owner records are looked up only
 * when a rule reads them; the synchronous run moves one instance per rule from site to site.
 */
export class SiteRuleContext implements RecordRuleContext {
  readonly document: AnalyzedDocument;
  readonly settings: AnalysisSettings;
  readonly message: DocumentRuleContext['message'];
  readonly sitesAt: DocumentRuleContext['sitesAt'];
  readonly reportAt: DocumentRuleContext['reportAt'];
  private current: SpfRecordSite;

  constructor(
    private readonly run: SiteRuleHost,
    private readonly entry: RuleEntry,
    base: DocumentRuleContext,
    site: SpfRecordSite,
  ) {
    this.document = base.document;
    this.settings = base.settings;
    this.message = base.message;
    this.sitesAt = base.sitesAt;
    this.reportAt = base.reportAt;
    this.current = site;
  }

  get site(): SpfRecordSite {
    return this.current;
  }

  moveTo(site: SpfRecordSite): void {
    this.current = site;
  }

  get siblings(): readonly SpfRecordSite[] {
    return this.run.siblingsOf(this.site);
  }

  get ownerRecords(): readonly ZoneRecord[] {
    return this.run.ownerRecordsOf(this.site);
  }

  map(valueRange: TextRange): MappedRange {
    return mapSiteRange(this.site, valueRange);
  }

  report(valueRange: TextRange, messageData: MessageData, extras: ReportExtras = {}): void {
    const site = this.current;
    const mapped = mapSiteRange(site, valueRange);
    this.run.addFinding(this.entry, site, mapped.range, messageData, extras, mapped.pieces, site.range);
  }

  valueFix(title: MessageData, edits: TextEdit[], flags?: FixFlags): Fix | undefined {
    if (edits.length === 0 || !this.run.countValueFix(this.site)) return undefined;
    return buildValueFix(this.run.text, this.site, title, edits, flags, this.run.options.maxStringOctets);
  }
}
