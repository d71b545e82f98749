/**
 * The syntax tree of an SPF record (RFC 7208 §4.5, §12 ABNF), as produced by `parseRecord`.
 *
 * Every part carries its range: offsets (UTF-16 code-unit indices) into the record text that was
 * parsed, `end` exclusive. A record read from a zone file is usually the concatenation of its
 * TXT character-strings; mapping these offsets back to the document is the reader's job.
 *
 * The tree is shared between callers (parsed records are cached): treat it as read-only. The
 * parser's objects (`parsed-nodes.ts`) compute most properties from the record text when read:
 * ranges, texts and plain domain-specs are new objects on each read (equal values); an
 * `ip4`/`ip6` network is made on its first read and its address parsed with ipaddr.js then.
 */
import type { IPv4, IPv6 } from 'ipaddr.js';
import type { TextRange } from '../text/range';

/** RFC 7208 §4.6.2: `+` pass (the default), `-` fail, `~` softfail, `?` neutral. */
export type Qualifier = '+' | '-' | '~' | '?';

/** The eight mechanisms of RFC 7208 §5. */
export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

/** Macro letters of RFC 7208 §7.2; `c`, `r` and `t` are allowed only in explanation text. */
export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

/** Literal text inside a macro-string. `text` is the raw text of the range. */
export interface MacroLiteral {
  kind: 'literal';
  range: TextRange;
  text: string;
}

/** `%%` (a percent sign), `%_` (a space) or `%-` (`%20`), RFC 7208 §7.1. */
export interface MacroEscape {
  kind: 'escape';
  range: TextRange;
  /** The raw two characters. */
  text: '%%' | '%_' | '%-';
  /** What the escape expands to. */
  value: '%' | ' ' | '%20';
}

/** One `%{...}` macro, RFC 7208 §7.1. */
export interface Macro {
  kind: 'macro';
  /** From `%` to `}` inclusive. */
  range: TextRange;
  /** The raw text, e.g. `%{ir}`. */
  text: string;
  /** The letter, lower-cased. */
  letter: MacroLetter;
  letterRange: TextRange;
  /** An upper-case letter asks for URL encoding of the expansion (RFC 7208 §7.3). */
  urlEncode: boolean;
  /** Keep only this many right-hand parts; undefined keeps all. */
  digits?: number;
  digitsRange?: TextRange;
  /** The `r` transformer: reverse the parts. */
  reverse: boolean;
  reverseRange?: TextRange;
  /** Delimiter characters to split on (`.` when none are given). */
  delimiters: string;
  /** Range of the explicit delimiters, when any were given. */
  delimitersRange?: TextRange;
}

export type MacroPart = MacroLiteral | MacroEscape | Macro;

/**
 * A macro-string: a domain-spec, an `exp=` target, an unknown modifier's value or an
 * explanation text. Its parts cover `range` without gaps.
 */
export interface MacroString {
  range: TextRange;
  /** The raw text of `range`. */
  text: string;
  parts: MacroPart[];
  /** True when at least one part is a macro or an escape (the text is not used literally). */
  hasMacros: boolean;
  /** True when a `%{p}` macro is present (its expansion needs DNS, RFC 7208 §7.3). */
  usesPtr: boolean;
}

/** A CIDR prefix length (`/24`), with the range of the whole suffix including the slash(es). */
export interface CidrLength {
  value: number;
  range: TextRange;
  /** Range of the digits only. */
  valueRange: TextRange;
}

/** The dual CIDR of `a` and `mx` (RFC 7208 §5.6): `/24`, `//64` or `/24//64`. */
export interface DualCidr {
  range: TextRange;
  ip4?: CidrLength;
  ip6?: CidrLength;
}

/** An `ip4:` or `ip6:` network, parsed with ipaddr.js. */
export interface NetworkSpec {
  /** The raw address text. */
  text: string;
  range: TextRange;
  address: IPv4 | IPv6;
  /** The explicit prefix length, if given. */
  cidr?: CidrLength;
  /** The effective prefix length (32 or 128 when not given). */
  prefixLength: number;
}

interface TermBase {
  /** The raw text of the whole term. */
  text: string;
  range: TextRange;
  /** Index of the term in `SpfRecord.terms`. */
  index: number;
}

/** A directive: an optional qualifier and a known mechanism (RFC 7208 §4.6.1, §5). */
export interface MechanismTerm extends TermBase {
  kind: 'mechanism';
  name: MechanismName;
  /** Range of the mechanism name as written (any case). */
  nameRange: TextRange;
  /** The effective qualifier (`+` when none is written). */
  qualifier: Qualifier;
  /** Range of the written qualifier; undefined when implicit. */
  qualifierRange?: TextRange;
  /** `include`, `exists` (required), `a`, `mx`, `ptr` (optional). */
  domainSpec?: MacroString;
  /** `a` and `mx` only. */
  cidr?: DualCidr;
  /** `ip4` and `ip6` only (absent when the address did not parse; see the record's errors). */
  network?: NetworkSpec;
}

/** `name=value` (RFC 7208 §6). Unknown modifiers are legal and ignored by evaluation. */
export interface ModifierTerm extends TermBase {
  kind: 'modifier';
  /** Lower-cased name. */
  name: string;
  nameRange: TextRange;
  /** `redirect` and `exp` are the modifiers RFC 7208 defines. */
  known: boolean;
  /** The value after `=`. For `redirect`/`exp` it is a domain-spec. */
  value: MacroString;
}

/** A term that is neither a known mechanism nor a modifier (always paired with an error). */
export interface InvalidTerm extends TermBase {
  kind: 'invalid';
  /** The mechanism-like name, lower-cased, when one could be read (e.g. `ip5`). */
  name?: string;
}

export type Term = MechanismTerm | ModifierTerm | InvalidTerm;

/** Machine-readable kinds of syntax error, for rules and quick fixes. */
export type SyntaxErrorCode =
  | 'not-spf'
  | 'unknown-mechanism'
  | 'invalid-term'
  | 'qualified-modifier'
  | 'invalid-modifier-name'
  | 'missing-domain'
  | 'invalid-domain'
  | 'invalid-macro'
  | 'macro-not-allowed'
  | 'invalid-ip'
  | 'invalid-cidr'
  | 'unexpected-argument'
  | 'duplicate-modifier'
  | 'invalid-character';

/** A syntax error: any one makes `check_host()` return permerror (RFC 7208 §4.6). */
export interface SpfSyntaxError {
  range: TextRange;
  reason: string;
  code: SyntaxErrorCode;
  /** Index of the term it belongs to, when it belongs to one. */
  termIndex?: number;
}

/** A parsed SPF record. */
export interface SpfRecord {
  text: string;
  /** Range of `v=spf1`; undefined when the text does not start with the version tag. */
  versionRange?: TextRange;
  terms: Term[];
  errors: SpfSyntaxError[];
  /** The mechanisms, in order (a view of `terms`; the same array when every term is a mechanism). */
  mechanisms: MechanismTerm[];
  /** The first `redirect=` modifier, if any. */
  redirect?: ModifierTerm;
  /** The first `exp=` modifier, if any. */
  exp?: ModifierTerm;
}
