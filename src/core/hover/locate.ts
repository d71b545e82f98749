/**
 * Finding what a document offset points at: the SPF record, its term and the part of the term
 * (qualifier, name, domain-spec, macro, prefix length), with the part's range in the record value.
 */
import type { AnalyzedDocument, SpfRecordSite } from '../analyzer/document';
import type {
  CidrLength,
  InvalidTerm,
  Macro,
  MacroEscape,
  MacroString,
  MechanismTerm,
  ModifierTerm,
  NetworkSpec,
  SpfRecord,
  Term,
} from '../spf/ast';
import { documentOffsetToValue } from '../readers/txt/txt-value';
import type { TextRange } from '../text/range';

/** A term that has a domain-spec or modifier value. */
export type TermWithValue = MechanismTerm | ModifierTerm;

/** The part of a record under the cursor. */
export type HoverTarget =
  | { kind: 'version' }
  | { kind: 'qualifier'; term: MechanismTerm }
  | { kind: 'term'; term: Term }
  | { kind: 'domain'; term: TermWithValue; spec: MacroString }
  | { kind: 'network'; term: MechanismTerm; network: NetworkSpec }
  | { kind: 'cidr'; term: MechanismTerm; cidr: CidrLength; family: 'ip4' | 'ip6' }
  | { kind: 'macro'; term: TermWithValue; spec: MacroString; macro: Macro }
  | { kind: 'escape'; term: TermWithValue; spec: MacroString; escape: MacroEscape };

/** A located part: its record, what it is, and its range in the record value. */
export interface LocatedPart {
  site: SpfRecordSite;
  target: HoverTarget;
  valueRange: TextRange;
}

/**
 * The part of an SPF record at `offset` (the character at that document offset), or undefined
 * when the offset is not inside the text of an SPF record's string.
 */
export function locatePart(document: AnalyzedDocument, offset: number): LocatedPart | undefined {
  for (const site of document.sites) {
    if (offset < site.value.range.start || offset >= site.value.range.end) continue;
    const inString = site.value.strings.some((item) => offset >= item.contentRange.start && offset < item.contentRange.end);
    if (!inString) continue;
    const valueOffset = documentOffsetToValue(site.value, offset);
    if (valueOffset === undefined) continue;
    const found = partOfRecord(site.record, valueOffset);
    return found && { site, ...found };
  }
  return undefined;
}

function contains(range: TextRange | undefined, offset: number): range is TextRange {
  return range !== undefined && offset >= range.start && offset < range.end;
}

function partOfRecord(record: SpfRecord, offset: number): { target: HoverTarget; valueRange: TextRange } | undefined {
  if (contains(record.versionRange, offset)) return { target: { kind: 'version' }, valueRange: record.versionRange };
  const term = termAt(record.terms, offset);
  if (!term) return undefined;
  switch (term.kind) {
    case 'mechanism':
      return partOfMechanism(term, offset);
    case 'modifier':
      return partOfValue(term, term.value, offset) ?? { target: { kind: 'term', term }, valueRange: term.range };
    default:
      return partOfInvalid(term);
  }
}

/** The term containing `offset`; terms are in order and do not overlap. */
function termAt(terms: readonly Term[], offset: number): Term | undefined {
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = terms[middle].range;
    if (offset < range.start) high = middle - 1;
    else if (offset >= range.end) low = middle + 1;
    else return terms[middle];
  }
  return undefined;
}

function partOfMechanism(term: MechanismTerm, offset: number): { target: HoverTarget; valueRange: TextRange } {
  if (contains(term.qualifierRange, offset)) return { target: { kind: 'qualifier', term }, valueRange: term.qualifierRange };
  const network = term.network;
  if (network) {
    const family = term.name === 'ip6' ? 'ip6' : 'ip4';
    if (network.cidr && contains(network.cidr.range, offset)) {
      return { target: { kind: 'cidr', term, cidr: network.cidr, family }, valueRange: network.cidr.range };
    }
    if (contains(network.range, offset)) return { target: { kind: 'network', term, network }, valueRange: network.range };
  }
  for (const family of ['ip4', 'ip6'] as const) {
    const cidr = term.cidr?.[family];
    if (cidr && contains(cidr.range, offset)) return { target: { kind: 'cidr', term, cidr, family }, valueRange: cidr.range };
  }
  if (term.domainSpec) {
    const part = partOfValue(term, term.domainSpec, offset);
    if (part) return part;
  }
  return { target: { kind: 'term', term }, valueRange: term.range };
}

function partOfValue(term: TermWithValue, spec: MacroString, offset: number): { target: HoverTarget; valueRange: TextRange } | undefined {
  if (!contains(spec.range, offset)) return undefined;
  for (const part of spec.parts) {
    if (!contains(part.range, offset)) continue;
    if (part.kind === 'macro') return { target: { kind: 'macro', term, spec, macro: part }, valueRange: part.range };
    if (part.kind === 'escape') return { target: { kind: 'escape', term, spec, escape: part }, valueRange: part.range };
    break;
  }
  return { target: { kind: 'domain', term, spec }, valueRange: spec.range };
}

function partOfInvalid(term: InvalidTerm): { target: HoverTarget; valueRange: TextRange } {
  return { target: { kind: 'term', term }, valueRange: term.range };
}
