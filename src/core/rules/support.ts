/**
 * Small helpers shared by the rules: term edits, name suggestions and rule metadata defaults.
 */
import type { TextEdit } from '../text/range';
import type { MechanismTerm, SpfRecord, Term } from '../spf/ast';
import type { RecordRuleContext } from '../analyzer/rule-api';
import type { SpfRecordSite } from '../analyzer/document';
import type { ReportedSeverity, RuleMeta } from '../analyzer/types';

/** Metadata with the doc path derived from the code. */
export function ruleMeta(meta: Omit<RuleMeta, 'docs'> & { defaultSeverity: ReportedSeverity }): RuleMeta {
  return { ...meta, docs: `docs/rules/${meta.code}.md` };
}

/**
 * The value edit that removes a term and the one space before it (every term follows at least
 * one space after `v=spf1`, RFC 7208 §12 `terms = *( 1*SP ( directive / modifier ) )`).
 */
export function removeTermEdit(record: SpfRecord, term: Term): TextEdit {
  const start = record.text.charCodeAt(term.range.start - 1) === 0x20 ? term.range.start - 1 : term.range.start;
  return { range: { start, end: term.range.end }, newText: '' };
}

/** The index of the first `all` mechanism, or -1. */
export function firstAllIndex(record: SpfRecord): number {
  const all = record.mechanisms.find((mechanism) => mechanism.name === 'all');
  return all ? all.index : -1;
}

/** The message keys of a rule that reports mechanisms hidden by earlier ones, and its name for the earlier term's argument. */
export interface HiddenMechanismMessages {
  /** Its finding when both have the same qualifier, and when they differ. */
  sameQualifier: string;
  otherQualifier: string;
  /** The related information on the earlier term, and the fix's title. */
  earlier: string;
  remove: string;
  /** The placeholder of the earlier term in those messages (`{term}` is the hidden one). */
  earlierArgument: string;
}

/**
 * Reports each mechanism before the first `all` that an earlier one hides (`hides(earlier,
 * later)`): mechanisms are tried in order and the first match decides (RFC 7208 §4.6.2), so it
 * never takes effect. Its removal is offered, preferred when both have the same qualifier.
 * Records have a handful of mechanisms: each is compared with the earlier ones, no keys built.
 */
export function reportHiddenMechanisms(context: RecordRuleContext, hides: (earlier: MechanismTerm, later: MechanismTerm) => boolean, keys: HiddenMechanismMessages): void {
  const { record } = context.site;
  const allIndex = firstAllIndex(record);
  const mechanisms = record.mechanisms;
  for (let i = 1; i < mechanisms.length; i++) {
    const mechanism = mechanisms[i];
    if (allIndex >= 0 && mechanism.index > allIndex) break;
    let earlier: MechanismTerm | undefined;
    for (let j = 0; j < i && !earlier; j++) if (hides(mechanisms[j], mechanism)) earlier = mechanisms[j];
    if (!earlier) continue;
    const sameQualifier = earlier.qualifier === mechanism.qualifier;
    const args = { term: mechanism.text, [keys.earlierArgument]: earlier.text };
    const fix = context.valueFix(context.message(keys.remove, args), [removeTermEdit(record, mechanism)], { isPreferred: sameQualifier });
    context.report(mechanism.range, context.message(sameQualifier ? keys.sameQualifier : keys.otherQualifier, args), {
      fixes: [fix],
      related: [{ message: context.message(keys.earlier, args), range: context.map(earlier.range).range }],
    });
  }
}

/** Damerau–Levenshtein (optimal string alignment) distance, bounded: returns `limit + 1` once above it. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

/** Quotes a term for a message, shortening very long ones. */
export function shown(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * At most this many related locations per finding: a name with thousands of SPF records would
 * otherwise give every finding thousands of entries (quadratic output an editor cannot show).
 */
export const MAX_RELATED = 10;

/** The SPF TXT records among the sites at one name (as `sitesAt` gives them), found once per name. */
const spfTxtByName = new WeakMap<readonly SpfRecordSite[], readonly SpfRecordSite[]>();
const NO_SITES: readonly SpfRecordSite[] = [];

/**
 * The `v=spf1` TXT records among `sites`, the sites at one name. Computed once per name, so a
 * name with thousands of records (a hostile zone) costs one pass, not one per record; most
 * names have a single site and nothing is kept for them.
 */
export function spfTxtRecordsAt(sites: readonly SpfRecordSite[]): readonly SpfRecordSite[] {
  if (sites.length < 2) return sites.length === 1 && sites[0].version === 'spf' && sites[0].rrType === 'TXT' ? sites : NO_SITES;
  let records = spfTxtByName.get(sites);
  if (!records) {
    records = sites.filter((site) => site.version === 'spf' && site.rrType === 'TXT');
    spfTxtByName.set(sites, records);
  }
  return records;
}
