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

/** What all terms share: the record text, the term's offsets and its index. */
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
    return this.#source.slice(this.#start, this.#end);
  }

  get range(): TextRange {
    return { start: this.#start, end: this.#end };
  }

  protected get source(): string {
    return this.#source;
  }

  protected get start(): number {
    return this.#start;
  }
}

/** A known mechanism. `domainSpec` and the CIDR or network are the parts its name allows. */
export class MechanismNode extends TermNode implements MechanismTerm {
  readonly name: MechanismName;
  readonly #domainSpec: MacroString | undefined;
  readonly #detail: DualCidr | NetworkSpec | undefined;

  constructor(
    source: string,
    start: number,
    end: number,
    index: number,
    name: MechanismName,
    domainSpec: MacroString | undefined,
    detail: DualCidr | NetworkSpec | undefined,
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
    const nameStart = qualifierAt(this.source, this.start) === undefined ? this.start : this.start + 1;
    return { start: nameStart, end: nameStart + this.name.length };
  }

  get domainSpec(): MacroString | undefined {
    return this.#domainSpec;
  }

  get cidr(): DualCidr | undefined {
    return this.name === 'a' || this.name === 'mx' ? (this.#detail as DualCidr | undefined) : undefined;
  }

  get network(): NetworkSpec | undefined {
    return this.name === 'ip4' || this.name === 'ip6' ? (this.#detail as NetworkSpec | undefined) : undefined;
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
 * An `ip4:`/`ip6:` network whose address text was validated. An IPv4 address is parsed with
 * ipaddr.js on first read (its text was checked to be a valid dotted quad); an IPv6 address is
 * the one parsed while validating.
 */
export class NetworkNode implements NetworkSpec {
  readonly #source: string;
  readonly #start: number;
  readonly #addressEnd: number;
  readonly #end: number;
  #address: ipaddr.IPv4 | ipaddr.IPv6 | undefined;
  readonly prefixLength: number;

  /** `[start, addressEnd)` is the address, `[addressEnd, end)` the `/prefix` when one is written. */
  constructor(source: string, start: number, addressEnd: number, end: number, address: ipaddr.IPv6 | undefined, prefixLength: number) {
    this.#source = source;
    this.#start = start;
    this.#addressEnd = addressEnd;
    this.#end = end;
    this.#address = address;
    this.prefixLength = prefixLength;
  }

  get text(): string {
    return this.#source.slice(this.#start, this.#addressEnd);
  }

  get range(): TextRange {
    return { start: this.#start, end: this.#addressEnd };
  }

  get address(): ipaddr.IPv4 | ipaddr.IPv6 {
    this.#address ??= ipaddr.IPv4.parse(this.text);
    return this.#address;
  }

  get cidr(): CidrLength | undefined {
    if (this.#addressEnd === this.#end) return undefined;
    return { value: this.prefixLength, range: { start: this.#addressEnd, end: this.#end }, valueRange: { start: this.#addressEnd + 1, end: this.#end } };
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
  readonly #hasVersion: boolean;

  constructor(
    text: string,
    hasVersion: boolean,
    terms: Term[],
    errors: SpfSyntaxError[],
    mechanisms: MechanismTerm[],
    redirect: ModifierTerm | undefined,
    exp: ModifierTerm | undefined,
  ) {
    this.text = text;
    this.#hasVersion = hasVersion;
    this.terms = terms;
    this.errors = errors.length === 0 ? NO_ERRORS : errors;
    this.mechanisms = mechanisms;
    this.#redirect = redirect;
    this.#exp = exp;
  }

  get versionRange(): TextRange | undefined {
    return this.#hasVersion ? { start: 0, end: 6 } : undefined;
  }

  get redirect(): ModifierTerm | undefined {
    return this.#redirect;
  }

  get exp(): ModifierTerm | undefined {
    return this.#exp;
  }
}
