/**
 * Finding the SPF records of a document with the readers: every TXT (or deprecated SPF type)
 * record whose value is, or nearly is, an SPF record, parsed and with its offset map.
 */
import type { TextRange } from '../text/range';
import { LineIndex } from '../text/line-index';
import { PARSE_CACHE_LIMIT, parseRecord, parseRecordOnce } from '../spf/parser';
import type { SpfRecord } from '../spf/ast';
import { readZone } from '../readers/zone/zone-reader';
import type { ZoneFile, ZoneRecord } from '../readers/zone/zone-types';
import { mapValueRange, type TxtValue } from '../readers/txt/txt-value';
import { readTxtInput } from '../readers/txt-input';
import { findSpfStrings, type CodeLanguage } from '../readers/code/find-spf-strings';
import { parseRrType } from '../readers/zone/rr-types';
import { absoluteOrigin, resolveName } from '../readers/zone/zone-names';
import { classifyVersion, type VersionClass } from './version-tag';

/**
 * What the analysed text is:
 * - `zone`: a master file (RFC 1035 §5);
 * - `txt-line`: one TXT record line, with or without owner, TTL and class;
 * - `raw`: a record value (`v=spf1 …`), quoted or not, as pasted from a provider's panel;
 * - `code`: DNS-as-code source (YAML, JSON, HCL, JavaScript/TypeScript string literals).
 */
export type DocumentKind = 'zone' | 'txt-line' | 'raw' | 'code';

/**
 * One SPF record (or near miss) of the document. The sites of a zone file read `typeRange` and
 * `range` from their zone record: each read gives a new, equal object.
 */
export interface SpfRecordSite {
  /** Position among the sites of the document. */
  index: number;
  /** `spf` for a record receivers use; `near-miss` for one that only looks like SPF. */
  version: Exclude<VersionClass, 'other'>;
  /** Absolute owner name (trailing dot) when the document says it. */
  owner?: string;
  /** `TXT`, or the deprecated `SPF` type (RFC 7208 §3.1). */
  rrType: 'TXT' | 'SPF';
  value: TxtValue;
  /** The parsed value (for a near miss, the parser reports the missing tag). */
  record: SpfRecord;
  /** The zone record, for zone files. */
  zoneRecord?: ZoneRecord;
  /** Where the record type is written (zone files and TXT lines). */
  typeRange?: TextRange;
  /** The whole DNS record in the document (owner to last string), or the value's range. */
  range: TextRange;
}

/** A document ready for the rules. */
export interface AnalyzedDocument {
  text: string;
  kind: DocumentKind;
  zone?: ZoneFile;
  sites: SpfRecordSite[];
  /** Line starts of `text`, computed on first read. */
  readonly lines: LineIndex;
}

/** A range of the value mapped to the document: one range to underline and, when split, its pieces. */
export interface MappedRange {
  range: TextRange;
  pieces?: TextRange[];
}

/** Options of {@link readDocument}. */
export interface ReadDocumentOptions {
  kind: DocumentKind;
  /** Origin for relative names of a zone file without `$ORIGIN`. */
  origin?: string;
  /** For `code`: the language, read with `findSpfStrings`. */
  language?: CodeLanguage;
  /** For `code`: string values found by another reader (each with its offset map); wins over `language`. */
  codeStrings?: readonly TxtValue[];
}

/** Reads `text` and returns its SPF sites in document order. Never throws. */
export function readDocument(text: string, options: ReadDocumentOptions): AnalyzedDocument {
  switch (options.kind) {
    case 'zone': {
      const zone = readZone(text, { origin: options.origin });
      return analyzedDocument(text, 'zone', sitesOfZone(zone), zone);
    }
    case 'txt-line':
    case 'raw':
      return analyzedDocument(text, options.kind, sitesOfTxtInput(text, options.origin));
    case 'code': {
      const values = options.codeStrings ?? (options.language ? findSpfStrings(text, options.language).values : []);
      return analyzedDocument(text, 'code', sitesOfValues(values));
    }
  }
}

/** The document; its line index is built on first use (most analyses of a zone never convert offsets). */
function analyzedDocument(text: string, kind: DocumentKind, sites: SpfRecordSite[], zone?: ZoneFile): AnalyzedDocument {
  let lines: LineIndex | undefined;
  const document: AnalyzedDocument = {
    text,
    kind,
    sites,
    get lines() {
      lines ??= new LineIndex(text);
      return lines;
    },
  };
  if (zone) document.zone = zone;
  return document;
}

/** Maps a value range of `site` to the document: one underline range and the exact pieces. */
export function mapSiteRange(site: SpfRecordSite, valueRange: TextRange): MappedRange {
  const pieces = mapValueRange(site.value, valueRange);
  if (pieces.length === 0) return { range: { start: site.range.start, end: site.range.start } };
  if (pieces.length === 1) return { range: pieces[0] };
  return { range: { start: pieces[0].start, end: pieces[pieces.length - 1].end }, pieces };
}

/** The zone's TXT and SPF records with an SPF version; only their values are read, the type after the cheap version check. */
function sitesOfZone(zone: ZoneFile): SpfRecordSite[] {
  const found: { zoneRecord: ZoneRecord; value: TxtValue; version: Exclude<VersionClass, 'other'> }[] = [];
  for (const zoneRecord of zone.stringRecords) {
    const value = zoneRecord.txt;
    if (!value) continue;
    const version = classifyVersion(value.value);
    if (version !== 'other') found.push({ zoneRecord, value, version });
  }
  // A zone with more SPF records than the parse cache holds would only churn it.
  const parse = found.length > PARSE_CACHE_LIMIT ? parseRecordOnce : parseRecord;
  const sites: SpfRecordSite[] = [];
  for (const { zoneRecord, value, version } of found) sites.push(new ZoneSite(sites.length, version, zoneRecord, value, parse(value.value)));
  return sites;
}

/** The type code of the deprecated SPF record type (RFC 7208 §3.1). */
const SPF_TYPE_CODE = 99;

/** A site of a zone file: its ranges are its zone record's, read from it when asked for. */
class ZoneSite implements SpfRecordSite {
  readonly owner: string;
  readonly rrType: 'TXT' | 'SPF';

  constructor(
    readonly index: number,
    readonly version: Exclude<VersionClass, 'other'>,
    readonly zoneRecord: ZoneRecord,
    readonly value: TxtValue,
    readonly record: SpfRecord,
  ) {
    this.owner = zoneRecord.ownerName;
    this.rrType = zoneRecord.typeCode === SPF_TYPE_CODE ? 'SPF' : 'TXT';
  }

  get typeRange(): TextRange {
    return this.zoneRecord.type.range;
  }

  get range(): TextRange {
    return this.zoneRecord.range;
  }
}

function sitesOfValues(values: readonly TxtValue[]): SpfRecordSite[] {
  const sites: SpfRecordSite[] = [];
  for (const value of values) {
    const version = classifyVersion(value.value);
    if (version === 'other' || value.strings.length === 0) continue;
    sites.push({ index: sites.length, version, rrType: 'TXT', value, record: parseRecord(value.value), range: value.range });
  }
  return sites;
}

/** A TXT line or a raw value, read by the small-input reader; the record's fields give owner and type. */
function sitesOfTxtInput(text: string, origin: string | undefined): SpfRecordSite[] {
  const read = readTxtInput(text);
  if (!read.ok) return [];
  const { value, fields } = read.input;
  const version = classifyVersion(value.value);
  if (version === 'other' || value.strings.length === 0) return [];
  const typeCode = fields ? parseRrType(fields.type.text)?.code : 16;
  const site: SpfRecordSite = {
    index: 0,
    version,
    rrType: typeCode === 99 ? 'SPF' : 'TXT',
    value,
    record: parseRecord(value.value),
    range: fields ? { start: (fields.owner ?? fields.ttl ?? fields.class ?? fields.type).range.start, end: value.range.end } : value.range,
  };
  if (fields) site.typeRange = fields.type.range;
  if (fields?.owner) site.owner = resolveName(fields.owner.text, origin === undefined ? undefined : absoluteOrigin(origin));
  return [site];
}
