/**
 * Strings of one TXT record are joined with no separator (RFC 7208 §3.3). When a record is split
 * between two terms without a space, the terms run together (`"… ip4:192.0.2.1" "include:…"` is
 * read as `ip4:192.0.2.1include:…`). This finds such junctions; SPF019 reports them and the
 * syntax rules leave those terms to it.
 */
import type { SpfRecordSite } from '../analyzer/document';
import { parseRecordOnce } from '../spf/parser';

/** A junction of two strings inside one term, where a space was probably forgotten. */
export interface GluedJunction {
  termIndex: number;
  /** Value offset where the later string starts. */
  offset: number;
}

const TERM_START = /^[+\-~?]?(?:all|include|a|mx|ptr|ip4|ip6|exists)(?=[:/]|$)|^(?:redirect|exp)=/i;
const cache = new WeakMap<SpfRecordSite, readonly GluedJunction[]>();
const NO_JUNCTIONS: readonly GluedJunction[] = [];
const NO_TERMS: ReadonlySet<number> = new Set();

/** The glued junctions of a record, at most one per term. */
export function gluedJunctions(site: SpfRecordSite): readonly GluedJunction[] {
  // A value of one string has no junction: nothing to compute or cache (most records).
  if (site.value.stringCount < 2 || !hasGluedBoundary(site)) return NO_JUNCTIONS;
  const cached = cache.get(site);
  if (cached) return cached;
  const { record, value } = site;
  const junctions: GluedJunction[] = [];
  for (let i = 1; i < value.strings.length; i++) {
    const offset = value.strings[i].valueStart;
    if (!isGluedBoundary(record.text, offset)) continue;
    const term = record.terms.find((candidate) => candidate.range.start < offset && offset < candidate.range.end);
    if (!term || junctions.some((junction) => junction.termIndex === term.index)) continue;
    const left = record.text.slice(term.range.start, offset);
    const right = record.text.slice(offset, term.range.end);
    if (!TERM_START.test(right)) continue;
    if (parseRecordOnce(`v=spf1 ${left}`).errors.length > 0 || parseRecordOnce(`v=spf1 ${right}`).errors.length > 0) continue;
    junctions.push({ termIndex: term.index, offset });
  }
  cache.set(site, junctions);
  return junctions;
}

/** A string boundary inside the text with no space on either side. */
function isGluedBoundary(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) !== 0x20 && text.charCodeAt(offset) !== 0x20;
}

/** Whether any boundary between the strings is glued: most split records have none, and are not cached. */
function hasGluedBoundary(site: SpfRecordSite): boolean {
  const starts = site.value.stringStarts;
  for (let i = 1; i < starts.length; i++) if (isGluedBoundary(site.record.text, starts[i])) return true;
  return false;
}

/** Indexes of the terms that contain a glued junction. */
export function gluedTermIndexes(site: SpfRecordSite): ReadonlySet<number> {
  const junctions = gluedJunctions(site);
  return junctions.length === 0 ? NO_TERMS : new Set(junctions.map((junction) => junction.termIndex));
}
