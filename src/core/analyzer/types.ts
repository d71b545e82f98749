/**
 * Findings and fixes as plain data (the shape every front end consumes: VS Code diagnostics and
 * code actions, the CLI's report and `--fix`, the tests).
 *
 * Ranges are offsets into the analysed document (UTF-16 code units, end exclusive).
 *
 * A term of a TXT record can be split across two character-strings (`"...ip4:192.0." "2.1 ~all"`).
 * A finding then has ONE `range` — from the first piece's start to the last piece's end, quotes
 * and blanks between the strings included — because an editor diagnostic takes a single range,
 * and `pieces` holds the exact document range of every piece (for highlighting or hovers). When
 * the term lies in one string, `pieces` is absent.
 */
import type { TextEdit, TextRange } from '../text/range';

/** How serious a finding is; `off` turns a rule off. */
export type Severity = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** Severities a finding can carry (a rule that is `off` reports nothing). */
export type ReportedSeverity = Exclude<Severity, 'off'>;

/**
 * A user-visible message as data: a stable id (`SPF008.termsAfterAll`), its arguments and the
 * English text. A front end that localises looks `id` up in its own catalog and fills in `args`
 * with {@link formatMessage}; the rules never change for a new language.
 */
export interface MessageData {
  id: string;
  args: Record<string, MessageArg>;
  text: string;
}

/**
 * An argument of a message: a value shown as it is, or a phrase that is itself a message (such as
 * "the Gmail bounce"), which a front end renders in the same language as the sentence around it.
 */
export type MessageArg = string | number | MessageData;

/** Code-action kinds, as VS Code names them. */
export type FixKind = 'quickfix' | 'source.fixAll' | 'refactor.rewrite';

/** A fix: a title and document edits, applied by the core's one routine (`applyFixes`). */
export interface Fix {
  title: MessageData;
  edits: TextEdit[];
  /** Set on the one safe fix of a finding; "fix all" applies only preferred fixes. */
  isPreferred?: boolean;
  /** Defaults to `quickfix`. */
  kind?: FixKind;
  /** True when applying it changes who may send mail for the domain (a policy decision). */
  changesPolicy?: boolean;
  /**
   * What the fix will do, in full, for a front end to show before it is applied (e.g. the
   * flattened record, the networks each include became, and that it goes stale).
   */
  preview?: MessageData;
}

/** A place related to a finding: the other SPF record at a name, the term that hides another… */
export interface RelatedInformation {
  message: MessageData;
  range: TextRange;
  /** Another document; absent means the analysed document. */
  uri?: string;
}

/** One problem found by one rule. */
export interface Finding {
  /** Stable rule code, `SPF001`…; links to `docs/rules/<code>.md`. */
  code: string;
  /** Readable rule alias, `terms-after-all`. */
  alias: string;
  message: MessageData;
  severity: ReportedSeverity;
  /** The one range to underline (see the module comment for split terms). */
  range: TextRange;
  /** The exact document ranges of a term split across strings, in document order. */
  pieces?: TextRange[];
  fixes?: Fix[];
  related?: RelatedInformation[];
  /** The whole DNS record the finding is about (for "disable for this record"). */
  recordRange?: TextRange;
}

/** Metadata of a rule: the source of its doc page link and of the README rules table. */
export interface RuleMeta {
  /** `SPF0NN`, never reused for another meaning. */
  code: string;
  /** kebab-case alias usable wherever the code is (settings, disable comments). */
  alias: string;
  /** One line, for the README table. */
  title: string;
  /** What the rule checks and why, in a sentence or two. */
  description: string;
  defaultSeverity: ReportedSeverity;
  /** Where the rule's reasoning comes from, e.g. `7208 §5.1`. */
  rfc: string;
  /** Path of the doc page in the repository. */
  docs: string;
  /** True when the rule needs DNS (it then runs only in the asynchronous analysis). */
  needsDns?: boolean;
  /** True when at least one of its findings can carry a fix. */
  fixable?: boolean;
}

/**
 * Fills `{name}` placeholders of a message template with arguments (unknown names stay); a
 * message argument is filled with its (English) text.
 */
export function formatMessage(template: string, args: Record<string, MessageArg>): string {
  const pieces = templatePieces(template);
  if (pieces.length === 1) return pieces[0];
  // Joined into one flat string: concatenation would keep a chain of string pieces per message.
  const parts: string[] = [pieces[0]];
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i];
    if (name in args) {
      const value = args[name];
      parts.push(typeof value === 'object' ? value.text : String(value));
    } else {
      parts.push(`{${name}}`);
    }
    parts.push(pieces[i + 1]);
  }
  return parts.join('');
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;
/** Templates split at their placeholders (literal, name, literal, …); a bounded cache, as catalogs are. */
const splitTemplates = new Map<string, readonly string[]>();
const SPLIT_TEMPLATE_LIMIT = 2000;

function templatePieces(template: string): readonly string[] {
  let pieces = splitTemplates.get(template);
  if (pieces) return pieces;
  const split: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    split.push(template.slice(last, match.index), match[1]);
    last = match.index + match[0].length;
  }
  split.push(template.slice(last));
  pieces = split;
  if (splitTemplates.size >= SPLIT_TEMPLATE_LIMIT) splitTemplates.clear();
  splitTemplates.set(template, pieces);
  return pieces;
}

/** Builds {@link MessageData} from an id, an English template and arguments. */
export function message(id: string, template: string, args: Record<string, MessageArg> = {}): MessageData {
  return { id, args, text: formatMessage(template, args) };
}
