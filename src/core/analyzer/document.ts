/**
 * Finding the SPF records of a document with the readers: every TXT (or deprecated SPF type)
 * record whose value is, or nearly is, an SPF record, parsed and with its offset map.
 */
import type { TextRange } from '../text/range';
import { LineIndex } from '../text/line-index';
import { parseRecord } from '../spf/parser';
import type { SpfRecord } from '../spf/ast';
import { readZone } from '../readers/zone/zone-reader';
import type { ZoneFile, ZoneRecord } from '../readers/zone/zone-types';
import { makeTxtValue, mapValueRange, type TxtString, type TxtValue } from '../readers/txt/txt-value';
import { classifyVersion, type VersionClass } from './version-tag';

/**
 * What the analysed text is:
 * - `zone`: a master file (RFC 1035 §5);
 * - `txt-line`: one TXT record line, with or without owner, TTL and class;
 * - `raw`: a record value (`v=spf1 …`), quoted or not, as pasted from a provider's panel;
 * - `code`: DNS-as-code source; its strings come from {@link AnalyzeDocumentOptions.codeStrings}.
 */
export type DocumentKind = 'zone' | 'txt-line' | 'raw' | 'code';

/** One SPF record (or near miss) of the document. */
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
  /** The zone record, for zone files and TXT lines. */
  zoneRecord?: ZoneRecord;
  /** The whole DNS record in the document (owner to last string), or the value's range. */
  range: TextRange;
}

/** A document ready for the rules. */
export interface AnalyzedDocument {
  text: string;
  kind: DocumentKind;
  zone?: ZoneFile;
  sites: SpfRecordSite[];
  lines: LineIndex;
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
  /** For `code`: the string values found by a DNS-as-code reader (each with its offset map). */
  codeStrings?: readonly TxtValue[];
}

/** Reads `text` and returns its SPF sites in document order. Never throws. */
export function readDocument(text: string, options: ReadDocumentOptions): AnalyzedDocument {
  const lines = new LineIndex(text);
  switch (options.kind) {
    case 'zone': {
      const zone = readZone(text, { origin: options.origin });
      return { text, kind: 'zone', zone, lines, sites: sitesOfZone(zone.records) };
    }
    case 'txt-line': {
      const zone = readTxtLine(text, options.origin);
      return { text, kind: 'txt-line', zone, lines, sites: sitesOfZone(zone.records) };
    }
    case 'raw':
      return { text, kind: 'raw', lines, sites: sitesOfValues([readRawValue(text)]) };
    case 'code':
      return { text, kind: 'code', lines, sites: sitesOfValues(options.codeStrings ?? []) };
  }
}

/** Maps a value range of `site` to the document: one underline range and the exact pieces. */
export function mapSiteRange(site: SpfRecordSite, valueRange: TextRange): MappedRange {
  const pieces = mapValueRange(site.value, valueRange);
  if (pieces.length === 0) return { range: { start: site.range.start, end: site.range.start } };
  const range = { start: pieces[0].start, end: pieces[pieces.length - 1].end };
  return pieces.length > 1 ? { range, pieces } : { range };
}

function sitesOfZone(records: readonly ZoneRecord[]): SpfRecordSite[] {
  const sites: SpfRecordSite[] = [];
  for (const zoneRecord of records) {
    if (!zoneRecord.txt || (zoneRecord.type.code !== 16 && zoneRecord.type.code !== 99)) continue;
    const version = classifyVersion(zoneRecord.txt.value);
    if (version === 'other') continue;
    sites.push({
      index: sites.length,
      version,
      owner: zoneRecord.owner.name,
      rrType: zoneRecord.type.code === 99 ? 'SPF' : 'TXT',
      value: zoneRecord.txt,
      record: parseRecord(zoneRecord.txt.value),
      zoneRecord,
      range: zoneRecord.range,
    });
  }
  return sites;
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

const TYPE_OR_CLASS_FIRST = /^\s*(?:\d+[smhdw]?\s+)?(?:IN|CH|HS|TXT|SPF|TYPE16|TYPE99)(?:\s|$)/i;

/**
 * A TXT line: read as a one-record zone. Without an owner (`IN TXT "…"`, `3600 TXT "…"`), the
 * line is read behind a placeholder owner so that its first word is not taken for one.
 */
function readTxtLine(text: string, origin: string | undefined): ZoneFile {
  if (!TYPE_OR_CLASS_FIRST.test(text.slice(0, 80))) return readZone(text, { origin });
  return readBehindPrefix(text, '@ ', origin);
}

/**
 * A raw value: quoted strings are read as master-file character-strings (so `"…" "…"` keeps
 * its split); otherwise the trimmed text is one literal string.
 */
function readRawValue(text: string): TxtValue {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (text[start] === '"') {
    const zone = readBehindPrefix(text, '@ TXT ', undefined);
    const txt = zone.records[0]?.txt;
    if (txt && txt.strings.length > 0) return txt;
  }
  const literal = text.slice(start, end);
  const item: Omit<TxtString, 'valueStart'> = {
    range: { start, end },
    contentRange: { start, end },
    text: literal,
    octets: Buffer.byteLength(literal, 'utf8'),
    quoted: false,
    syntax: 'plain',
  };
  return makeTxtValue(end > start ? [item] : []);
}

/** Reads `prefix + text` as a zone and moves every range back into `text` (owner ranges in the prefix are dropped). */
function readBehindPrefix(text: string, prefix: string, origin: string | undefined): ZoneFile {
  const zone = readZone(prefix + text, { origin });
  const shift = prefix.length;
  const move = (range: TextRange): TextRange => ({ start: Math.max(0, range.start - shift), end: Math.max(0, range.end - shift) });
  const records = zone.records.map((record): ZoneRecord => {
    const moved: ZoneRecord = {
      ...record,
      range: move(record.range),
      owner: record.owner.range && record.owner.range.start >= shift
        ? { ...record.owner, range: move(record.owner.range) }
        : { name: record.owner.name, inherited: record.owner.inherited },
      class: record.class.range ? { ...record.class, range: move(record.class.range) } : record.class,
      ttl: record.ttl?.range ? { ...record.ttl, range: move(record.ttl.range) } : record.ttl,
      type: record.type.range.start >= shift ? { ...record.type, range: move(record.type.range) } : { ...record.type, range: { start: 0, end: 0 } },
      rdata: record.rdata.map((word) => ({ ...word, range: move(word.range) })),
    };
    if (record.txt) {
      moved.txt = makeTxtValue(record.txt.strings.map((item) => {
        const placed: Omit<TxtString, 'valueStart'> = {
          range: move(item.range),
          contentRange: move(item.contentRange),
          text: item.text,
          octets: item.octets,
          quoted: item.quoted,
          syntax: item.syntax,
        };
        if (item.sourceOffsets) placed.sourceOffsets = item.sourceOffsets.map((offset) => Math.max(0, offset - shift));
        return placed;
      }));
    }
    return moved;
  });
  return { ...zone, records, errors: zone.errors.filter((issue) => issue.range.start >= shift).map((issue) => ({ ...issue, range: move(issue.range) })) };
}
