/**
 * The objects `parseRecord` builds for the syntax tree of `ast.ts`. They keep the record text
 * and offsets, and compute texts and ranges when read (each read returns a new range object
 * with the same values), so a parsed record holds a few small objects per term instead of a
 * dozen. Properties that `ast.ts` marks optional read as undefined when absent.
 */
import ipaddr from 'ipaddr.js';
import type {
  CidrLength,
  DualCidr,
  InvalidTerm,
  MacroString,
  MechanismName,
  MechanismTerm,
  ModifierTerm,
  NetworkSpec,
  Qualifier,
  SpfRecord,
  SpfSyntaxError,
  Term,
} from './ast';
import type { TextRange } from '../text/range';
import { macroString } from './macro-parser';

/** The qualifier written at `offset`, or undefined when the character is not one. */
export function qualifierAt(text: string, offset: number): Qualifier | undefined {
  switch (text.charCodeAt(offset)) {
    case 0x2b: return '+';
    case 0x2d: return '-';
    case 0x7e: return '~';
    case 0x3f: return '?';
    default: return undefined;
  }
}

/** What all terms share: the record text, the term's start and end, and its index. */
abstract class TermNode {
  readonly #source: string;
  readonly #start: number;
  readonly #end: number;
  readonly index: number;

  constructor(source: string, start: number, end: number, index: number) {
    this.#source = source;
    this.#start = start;
    this.#end = end;
    this.index = index;
  }

  get text(): string {
    return this.#source.slice(this.#start, this.end);
  }

  get range(): TextRange {
    return { start: this.#start, end: this.end };
  }

  protected get source(): string {
    return this.#source;
  }

  protected get start(): number {
    return this.#start;
  }

  protected get end(): number {
    return this.#end;
  }
}

/**
 * A known mechanism. A domain-spec that is one plain literal is not kept: it is rebuilt from
 * the text on each read; an `ip4`/`ip6` network is made on its first read and kept.
 */
export class MechanismNode extends TermNode implements MechanismTerm {
  readonly name: MechanismName;
  /** A domain-spec with macros or errors; a plain one is rebuilt on read. */
  readonly #domainSpec: MacroString | undefined;
  /** The dual CIDR of `a`/`mx`, or the address of `ip4`/`ip6` once parsed. */
  #detail: DualCidr | ipaddr.IPv4 | ipaddr.IPv6 | undefined;
  /** The network of `ip4`/`ip6`, made on first read (the rules read it often). */
  #network: NetworkView | undefined;

  constructor(
    source: string,
    start: number,
    end: number,
    index: number,
    name: MechanismName,
    domainSpec: MacroString | undefined,
    detail: DualCidr | ipaddr.IPv6 | undefined,
  ) {
    super(source, start, end, index);
    this.name = name;
    this.#domainSpec = domainSpec;
    this.#detail = detail;
  }

  get kind(): 'mechanism' {
    return 'mechanism';
  }

  get qualifier(): Qualifier {
    return qualifierAt(this.source, this.start) ?? '+';
  }

  get qualifierRange(): TextRange | undefined {
    return qualifierAt(this.source, this.start) === undefined ? undefined : { start: this.start, end: this.start + 1 };
  }

  /** The written name has the length of `name` (names are ASCII, compared case-insensitively). */
  get nameRange(): TextRange {
    return { start: this.nameEnd - this.name.length, end: this.nameEnd };
  }

  get domainSpec(): MacroString | undefined {
    if (this.#domainSpec !== undefined) return this.#domainSpec;
    const specStart = this.nameEnd + 1;
    if (this.name === 'all' || this.name === 'ip4' || this.name === 'ip6' || this.source.charCodeAt(specStart - 1) !== 0x3a) return undefined;
    return macroString(this.source, specStart, this.cidr?.range.start ?? this.end, undefined);
  }

  get cidr(): DualCidr | undefined {
    return this.name === 'a' || this.name === 'mx' ? (this.#detail as DualCidr | undefined) : undefined;
  }

  get network(): NetworkSpec | undefined {
    if (this.name !== 'ip4' && this.name !== 'ip6') return undefined;
    if (this.#network) return this.#network;
    const start = this.nameEnd + 1;
    const end = this.end;
    const slash = this.source.indexOf('/', start);
    this.#network = new NetworkView(this, this.source, start, slash < 0 || slash > end ? end : slash, end);
    return this.#network;
  }

  /**
   * The address of an `ip4`/`ip6` network (its text was validated by the parser), parsed with
   * ipaddr.js on first use unless the parser already had to parse it.
   */
  networkAddress(addressText: string): ipaddr.IPv4 | ipaddr.IPv6 {
    this.#detail ??= this.name === 'ip4' ? ipaddr.IPv4.parse(addressText) : ipaddr.IPv6.parse(addressText);
    return this.#detail as ipaddr.IPv4 | ipaddr.IPv6;
  }

  private get nameEnd(): number {
    return (qualifierAt(this.source, this.start) === undefined ? this.start : this.start + 1) + this.name.length;
  }
}

/** `name=value`; the name starts the term (a qualified modifier is an invalid term). */
export class ModifierNode extends TermNode implements ModifierTerm {
  readonly name: string;
  readonly known: boolean;
  readonly value: MacroString;

  constructor(source: string, start: number, end: number, index: number, name: string, value: MacroString) {
    super(source, start, end, index);
    this.name = name;
    this.known = name === 'redirect' || name === 'exp';
    this.value = value;
  }

  get kind(): 'modifier' {
    return 'modifier';
  }

  get nameRange(): TextRange {
    return { start: this.start, end: this.start + this.name.length };
  }
}

export class InvalidNode extends TermNode implements InvalidTerm {
  readonly #name: string | undefined;

  constructor(source: string, start: number, end: number, index: number, name: string | undefined) {
    super(source, start, end, index);
    this.#name = name;
  }

  get kind(): 'invalid' {
    return 'invalid';
  }

  get name(): string | undefined {
    return this.#name;
  }
}

/**
 * The network of an `ip4`/`ip6` mechanism, made on the first read of `network`: `[start,
 * addressEnd)` is the address text (validated by the parser), `[addressEnd, end)` the `/prefix`
 * when one is written (also validated).
 */
class NetworkView implements NetworkSpec {
  readonly #term: MechanismNode;
  readonly #source: string;
  readonly #start: number;
  readonly #addressEnd: number;
  readonly #end: number;
  readonly #prefixLength: number;
  #cidr: CidrLength | undefined;

  constructor(term: MechanismNode, source: string, start: number, addressEnd: number, end: number) {
    this.#term = term;
    this.#source = source;
    this.#start = start;
    this.#addressEnd = addressEnd;
    this.#end = end;
    this.#prefixLength = addressEnd < end ? Number(source.slice(addressEnd + 1, end)) : term.name === 'ip4' ? 32 : 128;
  }

  get text(): string {
    return this.#source.slice(this.#start, this.#addressEnd);
  }

  get range(): TextRange {
    return { start: this.#start, end: this.#addressEnd };
  }

  get address(): ipaddr.IPv4 | ipaddr.IPv6 {
    return this.#term.networkAddress(this.text);
  }

  get prefixLength(): number {
    return this.#prefixLength;
  }

  get cidr(): CidrLength | undefined {
    if (this.#addressEnd === this.#end) return undefined;
    this.#cidr ??= { value: this.prefixLength, range: { start: this.#addressEnd, end: this.#end }, valueRange: { start: this.#addressEnd + 1, end: this.#end } };
    return this.#cidr;
  }
}

const NO_ERRORS: SpfSyntaxError[] = Object.freeze([]) as unknown as SpfSyntaxError[];

/** A parsed record; `mechanisms` is `terms` itself when every term is a mechanism. */
export class RecordNode implements SpfRecord {
  readonly text: string;
  readonly terms: Term[];
  readonly errors: SpfSyntaxError[];
  readonly mechanisms: MechanismTerm[];
  readonly #redirect: ModifierTerm | undefined;
  readonly #exp: ModifierTerm | undefined;

  constructor(
    text: string,
    terms: Term[],
    errors: SpfSyntaxError[],
    mechanisms: MechanismTerm[],
    redirect: ModifierTerm | undefined,
    exp: ModifierTerm | undefined,
  ) {
    this.text = text;
    this.terms = terms;
    this.errors = errors.length === 0 ? NO_ERRORS : errors;
    this.mechanisms = mechanisms;
    this.#redirect = redirect;
    this.#exp = exp;
  }

  get versionRange(): TextRange | undefined {
    return isSpfRecordText(this.text) ? { start: 0, end: 6 } : undefined;
  }

  get redirect(): ModifierTerm | undefined {
    return this.#redirect;
  }

  get exp(): ModifierTerm | undefined {
    return this.#exp;
  }
}

/**
 * True when `text` is an SPF record by RFC 7208 §4.5: it begins with `v=spf1` (any case),
 * followed by a space or the end of the text.
 */
export function isSpfRecordText(text: string): boolean {
  return (
    text.length >= 6 &&
    (text.charCodeAt(0) | 0x20) === 0x76 &&
    text.charCodeAt(1) === 0x3d &&
    (text.charCodeAt(2) | 0x20) === 0x73 &&
    (text.charCodeAt(3) | 0x20) === 0x70 &&
    (text.charCodeAt(4) | 0x20) === 0x66 &&
    text.charCodeAt(5) === 0x31 &&
    (text.length === 6 || text.charCodeAt(6) === 0x20)
  );
}
