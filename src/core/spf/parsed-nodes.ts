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

/** The mechanism names; a mechanism node keeps a name as its index here (its code). */
export const MECHANISM_NAMES: readonly MechanismName[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];

/**
 * A term's offsets in one small integer: `start * 2^16 + length` while the start is below 2^15
 * and the length below 2^16 (every term of a record under 32 KiB), otherwise `~start` (negative)
 * and the end is found again: a term ends at the next space or at the end of the text.
 */
function packSpan(start: number, end: number): number {
  const length = end - start;
  return start < 0x8000 && length < 0x10000 ? start * 0x10000 + length : ~start;
}

/** What all terms share: the record text and the term's offsets. */
abstract class TermNode {
  readonly #source: string;
  readonly #span: number;

  constructor(source: string, start: number, end: number) {
    this.#source = source;
    this.#span = packSpan(start, end);
  }

  abstract get index(): number;

  get text(): string {
    return this.#source.slice(this.start, this.end);
  }

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }

  protected get source(): string {
    return this.#source;
  }

  protected get start(): number {
    return this.#span >= 0 ? this.#span >>> 16 : ~this.#span;
  }

  protected get end(): number {
    if (this.#span >= 0) return (this.#span >>> 16) + (this.#span & 0xffff);
    const space = this.#source.indexOf(' ', ~this.#span);
    return space < 0 ? this.#source.length : space;
  }
}

/**
 * A known mechanism with no argument kept: `all`, and `include`/`exists`/`a`/`mx`/`ptr` with no
 * dual CIDR and a plain domain-spec (or none), which is rebuilt from the text on each read.
 * Its index and name share one small integer (`index * 8 + name code`).
 */
export class MechanismNode extends TermNode implements MechanismTerm {
  readonly #indexAndName: number;

  constructor(source: string, start: number, end: number, index: number, nameCode: number) {
    super(source, start, end);
    this.#indexAndName = index * 8 + nameCode;
  }

  get index(): number {
    return Math.floor(this.#indexAndName / 8);
  }

  get name(): MechanismName {
    return MECHANISM_NAMES[this.#indexAndName & 7];
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
    const kept = this.keptDomainSpec;
    if (kept !== undefined) return kept;
    const name = this.name;
    const specStart = this.nameEnd + 1;
    if (name === 'all' || name === 'ip4' || name === 'ip6' || this.source.charCodeAt(specStart - 1) !== 0x3a) return undefined;
    return macroString(this.source, specStart, this.cidr?.range.start ?? this.end, undefined);
  }

  get cidr(): DualCidr | undefined {
    return undefined;
  }

  get network(): NetworkSpec | undefined {
    return undefined;
  }

  /** A domain-spec with macros or errors, kept as parsed. */
  protected get keptDomainSpec(): MacroString | undefined {
    return undefined;
  }

  protected get nameEnd(): number {
    return (qualifierAt(this.source, this.start) === undefined ? this.start : this.start + 1) + this.name.length;
  }
}

/** An `include`/`exists`/`a`/`mx`/`ptr` mechanism with a dual CIDR or a domain-spec with macros or errors. */
export class ArgumentMechanismNode extends MechanismNode {
  readonly #domainSpec: MacroString | undefined;
  readonly #cidr: DualCidr | undefined;

  constructor(source: string, start: number, end: number, index: number, nameCode: number, domainSpec: MacroString | undefined, cidr: DualCidr | undefined) {
    super(source, start, end, index, nameCode);
    this.#domainSpec = domainSpec;
    this.#cidr = cidr;
  }

  override get cidr(): DualCidr | undefined {
    return this.#cidr;
  }

  protected override get keptDomainSpec(): MacroString | undefined {
    return this.#domainSpec;
  }
}

/** An `ip4`/`ip6` mechanism; its network is made on first read and kept (the rules read it often). */
export class NetworkMechanismNode extends MechanismNode {
  /** The network once read, or before that the IPv6 address the parser had to parse. */
  #network: NetworkView | ipaddr.IPv6 | undefined;

  constructor(source: string, start: number, end: number, index: number, nameCode: number, address: ipaddr.IPv6 | undefined) {
    super(source, start, end, index, nameCode);
    this.#network = address;
  }

  override get network(): NetworkSpec {
    if (this.#network instanceof NetworkView) return this.#network;
    const source = this.source;
    const start = this.nameEnd + 1;
    const end = this.end;
    const slash = source.indexOf('/', start);
    this.#network = new NetworkView(this.name === 'ip4', source, start, slash < 0 || slash > end ? end : slash, end, this.#network);
    return this.#network;
  }
}

/** `name=value`; the name starts the term (a qualified modifier is an invalid term). */
export class ModifierNode extends TermNode implements ModifierTerm {
  readonly index: number;
  readonly name: string;
  readonly known: boolean;
  readonly value: MacroString;

  constructor(source: string, start: number, end: number, index: number, name: string, value: MacroString) {
    super(source, start, end);
    this.index = index;
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
  readonly index: number;
  readonly #name: string | undefined;

  constructor(source: string, start: number, end: number, index: number, name: string | undefined) {
    super(source, start, end);
    this.index = index;
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
 * when one is written (also validated). The address is parsed with ipaddr.js on first read
 * unless the parser already had to parse it.
 */
class NetworkView implements NetworkSpec {
  readonly #isV4: boolean;
  readonly #source: string;
  readonly #start: number;
  readonly #addressEnd: number;
  readonly #end: number;
  readonly #prefixLength: number;
  #address: ipaddr.IPv4 | ipaddr.IPv6 | undefined;

  constructor(isV4: boolean, source: string, start: number, addressEnd: number, end: number, address: ipaddr.IPv6 | undefined) {
    this.#isV4 = isV4;
    this.#source = source;
    this.#start = start;
    this.#addressEnd = addressEnd;
    this.#end = end;
    this.#prefixLength = addressEnd < end ? Number(source.slice(addressEnd + 1, end)) : isV4 ? 32 : 128;
    this.#address = address;
  }

  get text(): string {
    return this.#source.slice(this.#start, this.#addressEnd);
  }

  get range(): TextRange {
    return { start: this.#start, end: this.#addressEnd };
  }

  get address(): ipaddr.IPv4 | ipaddr.IPv6 {
    this.#address ??= this.#isV4 ? ipaddr.IPv4.parse(this.text) : ipaddr.IPv6.parse(this.text);
    return this.#address;
  }

  get prefixLength(): number {
    return this.#prefixLength;
  }

  get cidr(): CidrLength | undefined {
    if (this.#addressEnd === this.#end) return undefined;
    return { value: this.prefixLength, range: { start: this.#addressEnd, end: this.#end }, valueRange: { start: this.#addressEnd + 1, end: this.#end } };
  }
}

const NO_ERRORS: SpfSyntaxError[] = Object.freeze([]) as unknown as SpfSyntaxError[];

/** What a record has besides its terms when it is not all mechanisms without errors. */
interface RecordExtras {
  readonly errors: SpfSyntaxError[];
  readonly mechanisms: MechanismTerm[];
  readonly redirect: ModifierTerm | undefined;
  readonly exp: ModifierTerm | undefined;
}

/**
 * A parsed record. A record of mechanisms only and without errors keeps just its text and
 * terms: `mechanisms` is then `terms` itself and `errors` a shared empty (frozen) array.
 */
export class RecordNode implements SpfRecord {
  readonly text: string;
  readonly terms: Term[];
  readonly #extras: RecordExtras | undefined;

  constructor(
    text: string,
    terms: Term[],
    errors: SpfSyntaxError[],
    mechanisms: MechanismTerm[] | undefined,
    redirect: ModifierTerm | undefined,
    exp: ModifierTerm | undefined,
  ) {
    this.text = text;
    this.terms = terms;
    this.#extras =
      errors.length === 0 && mechanisms === undefined && redirect === undefined && exp === undefined
        ? undefined
        : { errors: errors.length === 0 ? NO_ERRORS : errors, mechanisms: mechanisms ?? (terms as MechanismTerm[]), redirect, exp };
  }

  get errors(): SpfSyntaxError[] {
    return this.#extras?.errors ?? NO_ERRORS;
  }

  get mechanisms(): MechanismTerm[] {
    return this.#extras?.mechanisms ?? (this.terms as MechanismTerm[]);
  }

  get versionRange(): TextRange | undefined {
    return isSpfRecordText(this.text) ? { start: 0, end: 6 } : undefined;
  }

  get redirect(): ModifierTerm | undefined {
    return this.#extras?.redirect;
  }

  get exp(): ModifierTerm | undefined {
    return this.#extras?.exp;
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
