/**
 * Types of the hover help: what `hoverAt` takes and returns.
 */
import type { AnalyzedDocument, DocumentKind } from '../analyzer/document';
import type { CodeLanguage } from '../readers/code/find-spf-strings';
import type { MailService } from '../services/mail-services';
import type { TextRange } from '../text/range';
import type { HoverLanguage } from './hover-text';

export type { HoverLanguage } from './hover-text';

/**
 * What the cursor is on:
 * - `version`: the `v=spf1` tag;
 * - `qualifier`: the `+ - ~ ?` before a mechanism;
 * - `term`: a mechanism or modifier name (or anything of the term outside the parts below);
 * - `domain`: the domain-spec of a mechanism or modifier (outside its macros);
 * - `network`: the address of `ip4:`/`ip6:`;
 * - `cidr`: a prefix length (`/24`, `//64`);
 * - `macro`: a `%{...}` macro;
 * - `escape`: `%%`, `%_` or `%-`.
 */
export type HoverPartKind = 'version' | 'qualifier' | 'term' | 'domain' | 'network' | 'cidr' | 'macro' | 'escape';

/** What is known about the record an `include:` points at (from a DNS cache). */
export type IncludeLookup =
  /** `lookups`: the DNS lookups inside the included record; a lower bound when not `complete`. */
  | { status: 'found'; record: string; lookups: number; complete: boolean }
  | { status: 'no-record' }
  | { status: 'multiple' }
  | { status: 'error'; reason: string }
  | { status: 'not-looked-up' };

/** The message whose values macros are expanded with in the examples. */
export interface MacroSample {
  /** MAIL FROM address (`s`, `l`, `o`). */
  sender: string;
  /** Client IP (`i`, `c`, `v`). */
  ip: string;
  /** HELO name (`h`); also used as the validated PTR name (`p`). */
  helo: string;
  /** Receiving host (`r`). */
  receivingHost: string;
  /** Seconds since the epoch (`t`). */
  timestamp: number;
}

/** Options of {@link hoverAt}. */
export interface HoverOptions {
  /** How to read the text (zone file, TXT line, raw record or DNS-as-code). */
  kind: DocumentKind;
  /** Default `en`. */
  language?: HoverLanguage;
  /** For `code` documents. */
  codeLanguage?: CodeLanguage;
  /** Origin of a zone file without `$ORIGIN`. */
  origin?: string;
  /** The document already read from `text` (reused between hovers of an unchanged document). */
  document?: AnalyzedDocument;
  /**
   * What is known about an include's target. Leave it out when DNS is not allowed; the hover
   * then says so. It should answer from a cache; the hover waits at most `lookupTimeoutMs`.
   */
  lookupInclude?: (domain: string) => Promise<IncludeLookup>;
  /** Default 250 ms; past it the include's record is "not looked up yet". */
  lookupTimeoutMs?: number;
  /** Message used for macro examples; default sender `user@shop.example.co.jp`, IP `203.0.113.45`. */
  sample?: Partial<MacroSample>;
  /** Mail services from the user's settings, tried before the built-in table. */
  extraServices?: readonly MailService[];
  /** Longer texts get no hover (default 5,000,000 UTF-16 units). */
  maxTextLength?: number;
}

/** A hover: Markdown for the part under the cursor and its document range. */
export interface SpfHover {
  /** Document range of the hovered part: when the part is split across strings, the piece under the cursor. */
  range: TextRange;
  markdown: string;
  part: HoverPartKind;
  /** Index of the record among the document's SPF records. */
  siteIndex: number;
  /** Index of the term in its record (absent on `v=spf1`). */
  termIndex?: number;
  /** The RFC 7208 section the hover cites first, e.g. `5.2`. */
  rfcSection: string;
}
