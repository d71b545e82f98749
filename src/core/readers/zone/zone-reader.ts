/**
 * A position-keeping reader for DNS master files (RFC 1035 §5, with BIND's common extensions:
 * `$TTL` from RFC 2308 §4, TTL units, RFC 3597 generic types and data).
 */
import type { TextIssue, TextRange } from '../../text/range';
import { makeTxtValue } from '../txt/txt-value';
import { ForwardSearch, tokenKind, UNTERMINATED, WORD, ZoneLexer, type ZoneToken } from './zone-lexer';
import { absoluteOrigin, isAbsoluteName, resolveName } from './zone-names';
import { parseRrClassAt, parseRrTypeAt, type RrType } from './rr-types';
import { validateRdata } from './zone-rdata';
import { CLASS_WRITTEN, OWNER_WRITTEN, ReadZoneRecord, STRINGS_ESCAPED, TTL_WRITTEN, type RecordContext } from './zone-record';
import { OWN_OWNER, ZoneRecordTable, type GenericData, type OwnerFrom } from './zone-record-table';
import { decodeCharacterString, decodeGenericTxt, readGenericRdata } from './zone-strings';
import { isDigit, parseTtl, parseTtlAt, ttlSecondsAt } from './ttl';
import type { ReadZoneOptions, TtlSource, ZoneDirective, ZoneFile, ZoneTtl, ZoneWord } from './zone-types';

/** RFC 7208 §3.1 / RFC 1035: TXT is type 16, the deprecated SPF type is 99; both carry strings. */
const STRING_TYPES = new Set([16, 99]);
const DOLLAR = 36;
const BACKSLASH = 92;
const HASH = 35;

/**
 * Reads a zone file. Never throws: each problem becomes an error `{ range, reason }` and reading
 * goes on with the next line outside parentheses. `$INCLUDE` is reported as a directive and not
 * followed. Runs in time linear in the text.
 */
export function readZone(text: string, options: ReadZoneOptions = {}): ZoneFile {
  return new ZoneReader(text, options).read();
}

/**
 * What a valid record keeps of its data: its generic form (with the TXT value decoded from it),
 * or the bits it adds to the record's layout ({@link STRINGS_ESCAPED} or none).
 */
type RecordData = GenericData | number;

/** What {@link ZoneReader.readData} returns for data it reported as invalid. */
const INVALID = Symbol('invalid record data');

class ZoneReader {
  private readonly table = new ZoneRecordTable();
  /** The indices of the TXT and SPF records in {@link table}. */
  private readonly stringIndices: number[] = [];
  private readonly directives: ZoneDirective[] = [];
  private readonly errors: TextIssue[] = [];
  private readonly maxErrors: number;
  private readonly lexer: ZoneLexer;
  private droppedErrors = 0;
  private origin: string | undefined;
  private defaultTtl: number | undefined;
  /** The owner a record with a blank owner field carries over; undefined before the first owner. */
  private previousOwner: OwnerFrom | undefined;
  private previousTtl: number | undefined;
  private previousClass: string | undefined;
  private missingOriginReported = false;
  private lastInheritedTtl: Readonly<ZoneTtl> | undefined;
  /** What the last record shared with the ones before it. */
  private context: RecordContext | undefined;
  private readonly reportIssue = (issue: TextIssue): void => this.report(issue.range, issue.reason);
  /** Backslashes ahead, to decode only the TXT data that has one. */
  private readonly backslashes: ForwardSearch;

  constructor(
    private readonly text: string,
    private readonly options: ReadZoneOptions,
  ) {
    this.maxErrors = options.maxErrors ?? 1000;
    this.origin = options.origin === undefined ? undefined : absoluteOrigin(options.origin);
    this.lexer = new ZoneLexer(text, this.reportIssue);
    this.backslashes = new ForwardSearch(text, '\\');
  }

  read(): ZoneFile {
    const nul = this.text.indexOf('\0');
    if (nul >= 0) {
      this.report({ start: nul, end: nul + 1 }, 'binary data (NUL byte): this is not a zone file');
      return this.result();
    }
    const lexer = this.lexer;
    while (lexer.readEntry()) {
      if (!lexer.blankOwner && lexer.kinds[0] === WORD && this.text.charCodeAt(lexer.starts[0]) === DOLLAR) this.readDirective(lexer.tokenObjects(0));
      else this.readRecord();
    }
    if (this.droppedErrors > 0) {
      const end = this.text.length;
      this.errors.push({ range: { start: end, end }, reason: `${this.droppedErrors} more errors not shown` });
    }
    return this.result();
  }

  private result(): ZoneFile {
    this.errors.sort((a, b) => a.range.start - b.range.start);
    const table = this.table;
    // The analyzer reads every string record: they are made now, the others when `records` is first read.
    const stringRecords = this.stringIndices.map((index) => table.recordAt(index));
    return {
      get records() {
        return table.all();
      },
      stringRecords,
      directives: this.directives,
      errors: this.errors,
      origin: this.origin,
    };
  }

  private report(range: TextRange, reason: string): void {
    if (this.errors.length < this.maxErrors) this.errors.push({ range, reason });
    else this.droppedErrors++;
  }

  private word(token: ZoneToken): string {
    return this.text.slice(token.start, token.end);
  }

  private readDirective(tokens: ZoneToken[]): void {
    const [keyword, ...args] = tokens;
    const name = this.word(keyword).toUpperCase();
    const range = { start: keyword.start, end: tokens[tokens.length - 1].end };
    const argumentRange = args.length ? { start: args[0].start, end: args[0].end } : { start: keyword.end, end: keyword.end };
    switch (name) {
      case '$ORIGIN': {
        if (args.length !== 1 || args[0].kind !== 'word') return this.report(range, '$ORIGIN needs exactly one domain name');
        const written = this.word(args[0]);
        const resolved = resolveName(written, this.origin);
        if (!isAbsoluteName(resolved)) return this.report(argumentRange, `$ORIGIN "${written}" is relative and no origin is known`);
        this.origin = resolved;
        this.directives.push({ kind: 'origin', name: resolved, range, argumentRange });
        return;
      }
      case '$TTL': {
        if (args.length !== 1) return this.report(range, '$TTL needs exactly one TTL');
        const ttl = parseTtl(this.word(args[0]));
        if (!ttl.ok) return this.report(argumentRange, ttl.reason);
        this.defaultTtl = ttl.seconds;
        this.directives.push({ kind: 'ttl', seconds: ttl.seconds, range, argumentRange });
        return;
      }
      case '$INCLUDE': {
        if (args.length < 1 || args.length > 2) return this.report(range, '$INCLUDE needs a file name and optionally an origin');
        const file = args[0].kind === 'quoted' ? decodeCharacterString(this.text, args[0].start, args[0].end, tokenKind(args[0]), () => undefined).text : this.word(args[0]);
        const directive: ZoneDirective = { kind: 'include', file, fileRange: argumentRange, range };
        if (args[1]) {
          directive.origin = resolveName(this.word(args[1]), this.origin);
          directive.originRange = { start: args[1].start, end: args[1].end };
        }
        this.directives.push(directive);
        return;
      }
      case '$GENERATE':
        this.directives.push({ kind: 'generate', arguments: args.map((token) => this.zoneWord(token)), range });
        return;
      default:
        this.report({ start: keyword.start, end: keyword.end }, `unknown directive ${this.word(keyword)}`);
    }
  }

  private zoneWord(token: ZoneToken): ZoneWord {
    return { text: this.word(token), range: { start: token.start, end: token.end }, quoted: token.kind === 'quoted' };
  }

  /** Reads the lexer's current entry as a record. */
  private readRecord(): void {
    const { text, count, starts, ends, kinds } = this.lexer;
    let index = 0;
    let layout = 0;
    // A written owner is resolved when the record's owner is first read.
    let ownerFrom = OWN_OWNER;
    if (this.lexer.blankOwner) {
      if (this.previousOwner === undefined) {
        return this.report(this.rangeAt(0), 'line starts with blank space but there is no previous owner name to repeat');
      }
      ownerFrom = this.previousOwner;
    } else {
      if (kinds[0] !== WORD) return this.report(this.rangeAt(0), 'an owner name cannot be a quoted string');
      if (this.origin === undefined && !this.missingOriginReported) {
        const written = text.slice(starts[0], ends[0]);
        if (written === '@' || !isAbsoluteName(written)) {
          this.missingOriginReported = true;
          this.report(this.rangeAt(0), `"${written}" is relative but no $ORIGIN is known; names are kept relative`);
        }
      }
      layout |= OWNER_WRITTEN;
      index++;
    }
    let writtenTtl: number | undefined;
    let className: string | undefined;
    for (let field = 0; field < 2 && index < count && kinds[index] === WORD; field++) {
      if (writtenTtl === undefined && isDigit(text.charCodeAt(starts[index]))) {
        const seconds = ttlSecondsAt(text, starts[index], ends[index]);
        if (seconds < 0) return this.reportTtl(index);
        writtenTtl = seconds;
        layout |= TTL_WRITTEN;
        index++;
        continue;
      }
      const writtenClass = className === undefined ? parseRrClassAt(text, starts[index], ends[index]) : undefined;
      if (writtenClass === undefined) break;
      className = writtenClass;
      layout |= CLASS_WRITTEN;
      index++;
    }
    if (index === count) return this.report(this.rangeAt(count - 1), 'record has no type');
    const typeStart = starts[index];
    const typeEnd = ends[index];
    const rrType = kinds[index] === WORD ? parseRrTypeAt(text, typeStart, typeEnd) : undefined;
    if (!rrType) return this.report(this.rangeAt(index), `"${text.slice(typeStart, typeEnd).slice(0, 60)}" is not a record type`);
    className ??= this.previousClass ?? 'IN';
    const inheritedTtl = writtenTtl === undefined ? this.inheritedTtl() : undefined;
    // The owner, TTL and class carry over even when the data is bad (RFC 1035 §5.1).
    this.previousClass = className;
    const seconds = writtenTtl ?? inheritedTtl?.seconds;
    if (seconds !== undefined) this.previousTtl = seconds;
    const data = this.readData(rrType, index + 1, typeEnd);
    if (data === INVALID) {
      if (ownerFrom === OWN_OWNER) this.previousOwner = this.table.carriedName(resolveName(text.slice(starts[0], ends[0]), this.origin));
      return;
    }
    const context = this.contextFor(className, inheritedTtl, writtenTtl !== undefined);
    const start = starts[0];
    const generic = typeof data === 'object' ? data : undefined;
    const typeAndLayout = ReadZoneRecord.typeAndLayout(typeStart - start, rrType.code, typeof data === 'object' ? layout : layout | data);
    const added = this.table.add(context, start, ends[count - 1], typeAndLayout, ownerFrom, generic);
    // A valid TXT or SPF record always has a value (decoded from generic data when so written).
    if (STRING_TYPES.has(rrType.code)) this.stringIndices.push(added);
    // Records that carry this owner over resolve it through this record.
    if (ownerFrom === OWN_OWNER) this.previousOwner = added;
  }

  /** Reports the current entry's token `index`, which starts with a digit but is no TTL. */
  private reportTtl(index: number): void {
    const parsed = parseTtlAt(this.text, this.lexer.starts[index], this.lexer.ends[index]);
    if (!parsed.ok) this.report(this.rangeAt(index), parsed.reason);
  }

  /** The context of a record: the last one when the origin, class and (for a record that writes no TTL) inherited TTL are the same. */
  private contextFor(className: string, inheritedTtl: Readonly<ZoneTtl> | undefined, ttlWritten: boolean): RecordContext {
    const last = this.context;
    if (last && last.origin === this.origin && last.className === className && (ttlWritten || last.inheritedTtl === inheritedTtl)) return last;
    this.context = { text: this.text, origin: this.origin, className, inheritedTtl };
    return this.context;
  }

  /** The TTL of a record that writes none; records with the same one share one frozen object. */
  private inheritedTtl(): Readonly<ZoneTtl> | undefined {
    if (this.defaultTtl !== undefined) return this.sharedTtl(this.defaultTtl, '$TTL');
    if (this.previousTtl !== undefined) return this.sharedTtl(this.previousTtl, 'previous');
    if (this.options.defaultTtl !== undefined) return this.sharedTtl(this.options.defaultTtl, 'option');
    return undefined;
  }

  private sharedTtl(seconds: number, source: TtlSource): Readonly<ZoneTtl> {
    const last = this.lastInheritedTtl;
    if (last?.seconds === seconds && last.source === source) return last;
    this.lastInheritedTtl = Object.freeze({ seconds, source });
    return this.lastInheritedTtl;
  }

  /**
   * Reads the data (the entry's tokens from index `first` on) of a record of type `rrType`:
   * generic data and strings decoded; {@link INVALID} (with an error reported) when invalid.
   */
  private readData(rrType: RrType, first: number, typeEnd: number): RecordData | typeof INVALID {
    const lexer = this.lexer;
    const { text, count, starts, ends, kinds } = lexer;
    for (let i = first; i < count; i++) if (kinds[i] === UNTERMINATED) return INVALID;
    if (first < count && kinds[first] === WORD && ends[first] - starts[first] === 2 && text.charCodeAt(starts[first]) === BACKSLASH && text.charCodeAt(starts[first] + 1) === HASH) {
      const generic = readGenericRdata(text, lexer.tokenObjects(first));
      if (!generic.ok) return this.fail(generic.issue);
      if (!STRING_TYPES.has(rrType.code)) return { generic: generic.rdata };
      const strings = decodeGenericTxt(generic.rdata);
      if (!strings.ok) return this.fail(strings.issue);
      return { generic: generic.rdata, txt: makeTxtValue(strings.strings, generic.rdata.range) };
    }
    if (STRING_TYPES.has(rrType.code)) {
      if (first === count) return this.fail({ range: { start: typeEnd, end: typeEnd }, reason: `${rrType.name} record needs at least one string` });
      // The value is decoded when read; escapes are checked now.
      if (this.backslashes.next(starts[first]) >= ends[count - 1]) return 0;
      for (let i = first; i < count; i++) decodeCharacterString(text, starts[i], ends[i], kinds[i], this.reportIssue);
      return STRINGS_ESCAPED;
    }
    const problem = validateRdata(rrType.name, lexer, first, typeEnd);
    return problem ? this.fail(problem) : 0;
  }

  private fail(issue: TextIssue): typeof INVALID {
    this.report(issue.range, issue.reason);
    return INVALID;
  }

  /** The range of the current entry's token `index`. */
  private rangeAt(index: number): TextRange {
    return { start: this.lexer.starts[index], end: this.lexer.ends[index] };
  }
}
