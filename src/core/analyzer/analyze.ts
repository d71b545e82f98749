/**
 * The analysis entry: read a document, run the rules on its SPF records, return findings in
 * document order. The synchronous analysis runs the document-only rules; the DNS analysis runs
 * those and the rules that need a resolver.
 */
import { applyEdits, type TextRange } from '../text/range';
import type { ZoneRecord } from '../readers/zone/zone-types';
import type { TxtValue } from '../readers/txt/txt-value';
import type { CodeLanguage } from '../readers/code/find-spf-strings';
import { BUILTIN_RULES } from '../rules/registry';
import { readDocument, type AnalyzedDocument, type DocumentKind, type SpfRecordSite } from './document';
import { DisableComments, isRuleDisabled } from './disable';
import { MAX_VALUE_FIXES_PER_RECORD } from './fixes';
import { SiteRuleContext, type RuleEntry, type SiteRuleHost } from './site-context';
import type {
  AnalysisSettings,
  AsyncDocumentRuleContext,
  AsyncRecordRuleContext,
  DnsAnalysisContext,
  DocumentRuleContext,
  FixPreview,
  ReportExtras,
  RuleDefinition,
} from './rule-api';
import { ANALYZER_MESSAGES } from './messages';
import { message, type Finding, type Fix, type MessageArg, type MessageData, type Severity } from './types';

/** Options of {@link analyzeDocument}. */
export interface AnalyzeDocumentOptions extends AnalysisSettings {
  /** What the text is (default `zone`). */
  kind?: DocumentKind;
  /** Origin for relative names when the zone has no `$ORIGIN`. */
  origin?: string;
  /** For `code` documents: the language of the source. */
  language?: CodeLanguage;
  /** For `code` documents: strings another reader found (wins over `language`; not re-read by `previewFix`). */
  codeStrings?: readonly TxtValue[];
  /** The rules to run (default: every built-in rule). */
  ruleSet?: readonly RuleDefinition[];
}

/** A rule that threw: reported as an `SPF000` finding too, so it is never silently lost. */
export interface RuleFailure {
  code: string;
  error: string;
  recordRange?: TextRange;
}

/** Result of an analysis. */
export interface DocumentAnalysis {
  document: AnalyzedDocument;
  /** Sorted by range start, then end, then code. */
  findings: Finding[];
  ruleFailures: RuleFailure[];
}

const RULE_FAILURE_CODE = 'SPF000';
const NO_SITES: readonly SpfRecordSite[] = [];
const RULE_FAILURE_ALIAS = 'rule-failure';

/**
 * Analyses `text` with the document-only rules. Never throws: a rule that crashes becomes an
 * `SPF000 rule-failure` finding on its record (and an entry of `ruleFailures`).
 */
export function analyzeDocument(text: string, options: AnalyzeDocumentOptions = {}): DocumentAnalysis {
  return analyzeReadDocument(readForAnalysis(text, options), options);
}

/**
 * Runs the document-only rules on a document already read with {@link readDocument} (with the
 * same kind, origin and language as `options`). Never throws, like {@link analyzeDocument}.
 */
export function analyzeReadDocument(document: AnalyzedDocument, options: AnalyzeDocumentOptions = {}): DocumentAnalysis {
  const run = new AnalysisRun(document, options);
  run.runSync();
  return run.result();
}

function readForAnalysis(text: string, options: AnalyzeDocumentOptions): AnalyzedDocument {
  return readDocument(text, { kind: options.kind ?? 'zone', origin: options.origin, language: options.language, codeStrings: options.codeStrings });
}

/** Options of {@link analyzeDocumentWithDns}. */
export interface AnalyzeDocumentWithDnsOptions extends AnalyzeDocumentOptions {
  dns: DnsAnalysisContext;
}

/** Analyses `text` with every rule, the DNS rules included. Never rejects. */
export async function analyzeDocumentWithDns(text: string, options: AnalyzeDocumentWithDnsOptions): Promise<DocumentAnalysis> {
  const run = new AnalysisRun(readForAnalysis(text, options), options);
  run.runSync();
  await run.runAsync(options.dns);
  return run.result();
}

/** The severity the settings give a rule (by code or alias), or undefined when they do not name it. */
export function configuredSeverity(rule: RuleDefinition, settings: AnalysisSettings): Severity | undefined {
  const rules = settings.rules ?? {};
  return rules[rule.meta.code] ?? rules[rule.meta.code.toLowerCase()] ?? rules[rule.meta.alias];
}

class AnalysisRun implements SiteRuleHost {
  readonly document: AnalyzedDocument;
  private readonly findings: Finding[] = [];
  private readonly failures: RuleFailure[] = [];
  private readonly rules: RuleEntry[] = [];
  /** SPF sites by normalised owner, built on the first request. */
  private sitesByOwnerMap: Map<string, SpfRecordSite[]> | undefined;
  /** Zone records by owner, built on the first request (no built-in document rule needs them). */
  private recordsByOwner: Map<string, ZoneRecord[]> | undefined;
  /** The document's disable comments, read on the first finding. */
  private disableComments: DisableComments | undefined;
  /** The first site starting at each offset, for `reportAt`'s `recordRange`; built on the first report. */
  private siteByStartMap: Map<number, SpfRecordSite> | undefined;
  /** Per site index: its siblings and other owner records, computed once and shared by the rules. */
  private readonly siblings: (readonly SpfRecordSite[])[] = [];
  private readonly ownerRecords: (readonly ZoneRecord[])[] = [];
  /** Per site index: the value fixes built for it so far. */
  private readonly valueFixesBuilt: number[] = [];

  readonly text: string;

  constructor(document: AnalyzedDocument, readonly options: AnalyzeDocumentOptions) {
    this.document = document;
    this.text = document.text;
    for (const rule of options.ruleSet ?? BUILTIN_RULES) {
      const configured = configuredSeverity(rule, options);
      if (configured !== 'off') this.rules.push({ rule, severity: configured ?? rule.meta.defaultSeverity, configured: configured !== undefined });
    }
  }

  runSync(): void {
    const recordChecks: { rule: RuleDefinition; context: SiteRuleContext }[] = [];
    for (const entry of this.rules) {
      const rule = entry.rule;
      if (!rule.checkDocument && !rule.checkRecord) continue;
      const base = this.documentContext(entry);
      if (rule.checkDocument) {
        try {
          rule.checkDocument(base);
        } catch (error) {
          this.reportFailure(rule, undefined, error);
        }
      }
      // One record context per rule, moved from site to site (a synchronous check cannot keep it).
      if (rule.checkRecord && this.document.sites.length > 0) recordChecks.push({ rule, context: new SiteRuleContext(this, entry, base, this.document.sites[0]) });
    }
    // Site by site, every rule in turn: a record's data is read from memory once, not once per rule.
    for (const site of this.document.sites) {
      for (const { rule, context } of recordChecks) {
        if (site.version !== 'spf' && !rule.includeNearMisses) continue;
        context.moveTo(site);
        try {
          rule.checkRecord?.(context);
        } catch (error) {
          this.reportFailure(rule, site, error);
        }
      }
    }
  }

  async runAsync(dns: DnsAnalysisContext): Promise<void> {
    const extras = { dns, previewFix: (fix: Fix) => this.previewFix(fix) };
    for (const entry of this.rules) {
      const rule = entry.rule;
      if (!rule.checkDocumentAsync && !rule.checkRecordAsync) continue;
      const base = this.documentContext(entry);
      if (rule.checkDocumentAsync) {
        const context: AsyncDocumentRuleContext = { ...base, ...extras };
        await this.guardAsync(rule, undefined, () => rule.checkDocumentAsync?.(context));
      }
      if (!rule.checkRecordAsync) continue;
      for (const site of this.sitesFor(rule)) {
        const context: AsyncRecordRuleContext = Object.assign(new SiteRuleContext(this, entry, base, site), extras);
        await this.guardAsync(rule, site, () => rule.checkRecordAsync?.(context));
      }
    }
  }

  result(): DocumentAnalysis {
    const findings = this.findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
    return { document: this.document, findings, ruleFailures: this.failures };
  }

  private get sitesByOwner(): Map<string, SpfRecordSite[]> {
    if (!this.sitesByOwnerMap) {
      this.sitesByOwnerMap = new Map();
      for (const site of this.document.sites) pushTo(this.sitesByOwnerMap, ownerKey(site.owner), site);
    }
    return this.sitesByOwnerMap;
  }

  private siteStartingAt(start: number): SpfRecordSite | undefined {
    if (!this.siteByStartMap) {
      this.siteByStartMap = new Map();
      for (const site of this.document.sites) if (!this.siteByStartMap.has(site.range.start)) this.siteByStartMap.set(site.range.start, site);
    }
    return this.siteByStartMap.get(start);
  }

  /** The sites an asynchronous rule runs on: SPF records, and near misses when it asks for them. */
  private sitesFor(rule: RuleDefinition): SpfRecordSite[] {
    return rule.includeNearMisses ? this.document.sites : this.document.sites.filter((site) => site.version === 'spf');
  }

  private messageFactory(rule: RuleDefinition) {
    // One id string per message key, shared by the rule's findings.
    const ids = new Map<string, string>();
    return (key: string, args: Record<string, MessageArg> = {}): MessageData => {
      const template = rule.messages[key];
      if (template === undefined) throw new Error(`rule ${rule.meta.code} has no message "${key}"`);
      let id = ids.get(key);
      if (id === undefined) {
        id = `${rule.meta.code}.${key}`;
        ids.set(key, id);
      }
      return message(id, template, args);
    };
  }

  private documentContext(entry: RuleEntry): DocumentRuleContext {
    return {
      document: this.document,
      settings: this.options,
      message: this.messageFactory(entry.rule),
      sitesAt: (owner) => this.sitesByOwner.get(ownerKey(owner)) ?? [],
      reportAt: (range, messageData, extras = {}) => {
        const site = extras.recordRange ? this.siteStartingAt(extras.recordRange.start) : undefined;
        this.addFinding(entry, site, range, messageData, extras, extras.pieces, extras.recordRange);
      },
    };
  }

  /** Keeps a finding unless a disable comment of `site` turns its rule off. */
  addFinding(
    entry: RuleEntry,
    site: SpfRecordSite | undefined,
    range: TextRange,
    messageData: MessageData,
    extras: ReportExtras,
    pieces: TextRange[] | undefined,
    recordRange: TextRange | undefined,
  ): void {
    const rule = entry.rule;
    if (site && this.isDisabled(site, rule)) return;
    // A severity from the settings wins over the one a rule gives a particular finding.
    const severity = entry.configured ? entry.severity : extras.severity ?? entry.severity;
    const finding: Finding = { code: rule.meta.code, alias: rule.meta.alias, message: messageData, severity, range };
    const fixes = extras.fixes;
    if (fixes && fixes.length > 0) {
      const defined = fixes.every((fix) => fix !== undefined) ? (fixes as Fix[]) : fixes.filter((fix): fix is Fix => fix !== undefined);
      if (defined.length > 0) finding.fixes = defined;
    }
    if (extras.related && extras.related.length > 0) finding.related = extras.related;
    if (pieces && pieces.length > 1) finding.pieces = pieces;
    if (recordRange) finding.recordRange = recordRange;
    this.findings.push(finding);
  }

  /** Counts a value fix of `site`; false past {@link MAX_VALUE_FIXES_PER_RECORD} for it. */
  countValueFix(site: SpfRecordSite): boolean {
    const built = this.valueFixesBuilt[site.index] ?? 0;
    if (built >= MAX_VALUE_FIXES_PER_RECORD) return false;
    this.valueFixesBuilt[site.index] = built + 1;
    return true;
  }

  siblingsOf(site: SpfRecordSite): readonly SpfRecordSite[] {
    let found = this.siblings[site.index];
    if (!found) {
      const group = site.owner === undefined ? undefined : this.sitesByOwner.get(ownerKey(site.owner));
      // Most names have one SPF record: nothing to filter, nothing to keep.
      found = !group || group.length < 2 ? NO_SITES : group.filter((other) => other !== site);
      this.siblings[site.index] = found;
    }
    return found;
  }

  ownerRecordsOf(site: SpfRecordSite): readonly ZoneRecord[] {
    let found = this.ownerRecords[site.index];
    if (!found) {
      if (!this.recordsByOwner) {
        this.recordsByOwner = new Map();
        for (const record of this.document.zone?.records ?? []) pushTo(this.recordsByOwner, ownerKey(record.ownerName), record);
      }
      found = site.owner === undefined ? [] : (this.recordsByOwner.get(ownerKey(site.owner)) ?? []).filter((other) => other !== site.zoneRecord);
      this.ownerRecords[site.index] = found;
    }
    return found;
  }

  private isDisabled(site: SpfRecordSite, rule: RuleDefinition): boolean {
    this.disableComments ??= new DisableComments(this.document);
    return isRuleDisabled(this.disableComments.rulesFor(site.index, site.range, site.value), rule.meta.code, rule.meta.alias);
  }

  private previewFix(fix: Fix): FixPreview | undefined {
    const applied = applyEdits(this.text, fix.edits);
    if (!applied.ok) return undefined;
    const document = readDocument(applied.text, { kind: this.document.kind, origin: this.options.origin, language: this.options.language });
    const at = Math.min(...fix.edits.map((edit) => edit.range.start));
    const site = document.sites.find((candidate) => candidate.range.start <= at && at <= candidate.range.end);
    return site ? { text: applied.text, document, site } : { text: applied.text, document };
  }

  private async guardAsync(rule: RuleDefinition, site: SpfRecordSite | undefined, check: () => Promise<void> | undefined): Promise<void> {
    try {
      await check();
    } catch (error) {
      this.reportFailure(rule, site, error);
    }
  }

  private reportFailure(rule: RuleDefinition, site: SpfRecordSite | undefined, error: unknown): void {
    const text = error instanceof Error ? error.message : String(error);
    const range = site?.range ?? { start: 0, end: 0 };
    this.failures.push(site ? { code: rule.meta.code, error: text, recordRange: range } : { code: rule.meta.code, error: text });
    const failure: Finding = {
      code: RULE_FAILURE_CODE,
      alias: RULE_FAILURE_ALIAS,
      message: message(`${RULE_FAILURE_CODE}.ruleFailure`, ANALYZER_MESSAGES['SPF000.ruleFailure'], { code: rule.meta.code, error: text }),
      severity: 'warning',
      range,
    };
    if (site) failure.recordRange = site.range;
    this.findings.push(failure);
  }
}

/**
 * The key of an owner name: lower case with one trailing dot, so `Example.COM` and `example.com.`
 * meet. An owner read from a zone usually is that already, and then is its own key (no copy).
 */
function ownerKey(owner: string | undefined): string {
  if (owner === undefined) return '';
  const lower = owner.toLowerCase();
  return lower.endsWith('.') || lower.length === 0 ? lower : `${lower}.`;
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
