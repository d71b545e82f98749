/**
 * A position-keeping reader for DNS master files (RFC 1035 §5, with BIND's common extensions:
 * `$TTL` from RFC 2308 §4, TTL units, RFC 3597 generic types and data).
 */
import type { TextIssue, TextRange } from '../../text/range';
import { makeTxtValue } from '../txt/txt-value';
import { ZoneLexer, type ZoneEntry, type ZoneToken } from './zone-lexer';
import { absoluteOrigin, isAbsoluteName, resolveName } from './zone-names';
import { parseRrClass, parseRrType } from './rr-types';
import { validateRdata } from './zone-rdata';
import { decodeCharacterString, decodeGenericTxt, readGenericRdata, type UnplacedTxtString } from './zone-strings';
import { looksLikeTtl, parseTtl } from './ttl';
import type { ReadZoneOptions, TtlSource, ZoneDirective, ZoneFile, ZoneRecord, ZoneWord } from './zone-types';

/** RFC 7208 §3.1 / RFC 1035: TXT is type 16, the deprecated SPF type is 99; both carry strings. */
const STRING_TYPES = new Set([16, 99]);

/**
 * Reads a zone file. Never throws: each problem becomes an error `{ range, reason }` and reading
 * goes on with the next line outside parentheses. `$INCLUDE` is reported as a directive and not
 * followed. Runs in time linear in the text.
 */
export function readZone(text: string, options: ReadZoneOptions = {}): ZoneFile {
  return new ZoneReader(text, options).read();
}

class ZoneReader {
  private readonly records: ZoneRecord[] = [];
  private readonly directives: ZoneDirective[] = [];
  private readonly errors: TextIssue[] = [];
  private readonly maxErrors: number;
  private droppedErrors = 0;
  private origin: string | undefined;
  private defaultTtl: number | undefined;
  private previousOwner: string | undefined;
  private previousTtl: number | undefined;
  private previousClass: string | undefined;
  private missingOriginReported = false;
  private lastInheritedTtl: Readonly<NonNullable<ZoneRecord['ttl']>> | undefined;

  constructor(
    private readonly text: string,
    private readonly options: ReadZoneOptions,
  ) {
    this.maxErrors = options.maxErrors ?? 1000;
    this.origin = options.origin === undefined ? undefined : absoluteOrigin(options.origin);
  }

  read(): ZoneFile {
    const nul = this.text.indexOf('\0');
    if (nul >= 0) {
      this.report({ start: nul, end: nul + 1 }, 'binary data (NUL byte): this is not a zone file');
      return this.result();
    }
    const lexer = new ZoneLexer(this.text, (issue) => this.report(issue.range, issue.reason));
    for (let entry = lexer.nextEntry(); entry; entry = lexer.nextEntry()) {
      const first = entry.tokens[0];
      if (!entry.blankOwner && first.kind === 'word' && this.text.charCodeAt(first.start) === 36) this.readDirective(entry);
      else this.readRecord(entry);
    }
    if (this.droppedErrors > 0) {
      const end = this.text.length;
      this.errors.push({ range: { start: end, end }, reason: `${this.droppedErrors} more errors not shown` });
    }
    return this.result();
  }

  private result(): ZoneFile {
    this.errors.sort((a, b) => a.range.start - b.range.start);
    return { records: this.records, directives: this.directives, errors: this.errors, origin: this.origin };
  }

  private report(range: TextRange, reason: string): void {
    if (this.errors.length < this.maxErrors) this.errors.push({ range, reason });
    else this.droppedErrors++;
  }

  private word(token: ZoneToken): string {
    return this.text.slice(token.start, token.end);
  }

  private readDirective(entry: ZoneEntry): void {
    const [keyword, ...args] = entry.tokens;
    const name = this.word(keyword).toUpperCase();
    const range = { start: keyword.start, end: entry.tokens[entry.tokens.length - 1].end };
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
        const file = args[0].kind === 'quoted' ? decodeCharacterString(this.text, args[0], () => undefined).text : this.word(args[0]);
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

  private readRecord(entry: ZoneEntry): void {
    const tokens = entry.tokens;
    let index = 0;
    let owner: ZoneRecord['owner'];
    if (entry.blankOwner) {
      if (this.previousOwner === undefined) {
        return this.report({ start: tokens[0].start, end: tokens[0].end }, 'line starts with blank space but there is no previous owner name to repeat');
      }
      owner = { name: this.previousOwner, inherited: true };
    } else {
      const ownerToken = tokens[index++];
      if (ownerToken.kind === 'quoted') return this.report(this.rangeOf(ownerToken), 'an owner name cannot be a quoted string');
      const written = this.word(ownerToken);
      if (this.origin === undefined && (written === '@' || !isAbsoluteName(written)) && !this.missingOriginReported) {
        this.missingOriginReported = true;
        this.report(this.rangeOf(ownerToken), `"${written}" is relative but no $ORIGIN is known; names are kept relative`);
      }
      owner = { name: resolveName(written, this.origin), range: this.rangeOf(ownerToken), inherited: false };
    }
    let ttl: ZoneRecord['ttl'];
    let rrClass: ZoneRecord['class'] | undefined;
    for (let field = 0; field < 2 && index < tokens.length && tokens[index].kind === 'word'; field++) {
      const written = this.word(tokens[index]);
      if (!ttl && looksLikeTtl(written)) {
        const parsed = parseTtl(written);
        if (!parsed.ok) return this.report(this.rangeOf(tokens[index]), parsed.reason);
        ttl = { seconds: parsed.seconds, range: this.rangeOf(tokens[index]), source: 'explicit' };
        index++;
        continue;
      }
      const className = rrClass ? undefined : parseRrClass(written);
      if (!className) break;
      rrClass = { name: className, range: this.rangeOf(tokens[index]), inherited: false };
      index++;
    }
    const typeToken = tokens[index++];
    if (!typeToken) return this.report(this.rangeOf(tokens[tokens.length - 1]), 'record has no type');
    const type = typeToken.kind === 'word' ? parseRrType(this.word(typeToken)) : undefined;
    if (!type) return this.report(this.rangeOf(typeToken), `"${this.word(typeToken).slice(0, 60)}" is not a record type`);
    rrClass ??= { name: this.previousClass ?? 'IN', inherited: true };
    ttl ??= this.inheritedTtl();
    const dataTokens = tokens.slice(index);
    const writtenType = this.word(typeToken);
    const record: ZoneRecord = {
      range: { start: tokens[0].start, end: tokens[tokens.length - 1].end },
      owner,
      ttl,
      class: rrClass,
      // The canonical name when written so: one shared string instead of a copy per record.
      type: { name: type.name, code: type.code, text: writtenType === type.name ? type.name : writtenType, range: this.rangeOf(typeToken) },
      rdata: dataTokens.map((token) => this.zoneWord(token)),
      origin: this.origin,
    };
    // The owner, TTL and class carry over even when the data is bad (RFC 1035 §5.1).
    this.previousOwner = owner.name;
    this.previousClass = rrClass.name;
    if (ttl) this.previousTtl = ttl.seconds;
    if (this.readData(record, dataTokens)) this.records.push(record);
  }

  /** The TTL of a record that writes none; records with the same one share one frozen object. */
  private inheritedTtl(): ZoneRecord['ttl'] {
    if (this.defaultTtl !== undefined) return this.sharedTtl(this.defaultTtl, '$TTL');
    if (this.previousTtl !== undefined) return this.sharedTtl(this.previousTtl, 'previous');
    if (this.options.defaultTtl !== undefined) return this.sharedTtl(this.options.defaultTtl, 'option');
    return undefined;
  }

  private sharedTtl(seconds: number, source: TtlSource): ZoneRecord['ttl'] {
    const last = this.lastInheritedTtl;
    if (last?.seconds === seconds && last.source === source) return last;
    this.lastInheritedTtl = Object.freeze({ seconds, source });
    return this.lastInheritedTtl;
  }

  /** Reads generic and string data into the record; false (with an error reported) when invalid. */
  private readData(record: ZoneRecord, tokens: ZoneToken[]): boolean {
    const afterType = { start: record.type.range.end, end: record.type.range.end };
    if (tokens.some((token) => token.unterminated)) return false;
    if (tokens.length > 0 && tokens[0].kind === 'word' && this.word(tokens[0]) === '\\#') {
      const generic = readGenericRdata(this.text, tokens);
      if (!generic.ok) return this.fail(generic.issue);
      record.generic = generic.rdata;
      if (STRING_TYPES.has(record.type.code)) {
        const strings = decodeGenericTxt(generic.rdata);
        if (!strings.ok) return this.fail(strings.issue);
        record.txt = { ...makeTxtValue(strings.strings), genericRange: generic.rdata.range };
      }
      return true;
    }
    if (STRING_TYPES.has(record.type.code)) {
      if (tokens.length === 0) return this.fail({ range: afterType, reason: `${record.type.name} record needs at least one string` });
      const strings: UnplacedTxtString[] = tokens.map((token) => decodeCharacterString(this.text, token, (issue) => this.report(issue.range, issue.reason)));
      record.txt = makeTxtValue(strings);
      return true;
    }
    const problem = validateRdata(record.type.name, record.rdata, afterType);
    return problem ? this.fail(problem) : true;
  }

  private fail(issue: TextIssue): false {
    this.report(issue.range, issue.reason);
    return false;
  }

  private rangeOf(token: ZoneToken): TextRange {
    return { start: token.start, end: token.end };
  }
}
