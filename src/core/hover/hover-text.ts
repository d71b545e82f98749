/**
 * Text building blocks of hovers: the per-language catalogs and Markdown that is safe to show
 * with document or DNS text inside (VS Code renders hovers untrusted, without HTML).
 */
import { HOVER_CONTENT_EN, type HoverContentKey } from './content-en';
import { japaneseTexts } from '../i18n/japanese-texts';

/** Languages of the hover content. */
export type HoverLanguage = 'en' | 'ja';

/**
 * The catalogs, by language (exported for the catalog consistency test); the Japanese one is
 * loaded when first read.
 */
export const HOVER_CATALOGS: Readonly<Record<HoverLanguage, Readonly<Record<HoverContentKey, string>>>> = {
  en: HOVER_CONTENT_EN,
  get ja() {
    return japaneseTexts().HOVER_CONTENT_JA;
  },
};

/** The hover language for a BCP 47 locale such as VS Code's display language: `ja…` → `ja`, else `en`. */
export function hoverLanguageFor(locale: string): HoverLanguage {
  return /^ja(?:-|_|$)/i.test(locale) ? 'ja' : 'en';
}

/** Matches a `{{placeholder}}` of a catalog entry. */
export const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Looks up a catalog entry and fills its placeholders (values are inserted as given). */
export type Translate = (key: HoverContentKey, params?: Readonly<Record<string, string>>) => string;

/** A {@link Translate} for `language`. */
export function translator(language: HoverLanguage): Translate {
  const catalog = HOVER_CATALOGS[language];
  return (key, params = {}) => catalog[key].replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
}

/** Longest text shown in one code span; longer text is cut with an ellipsis. */
const MAX_CODE_SPAN = 200;

/**
 * `text` as a Markdown code span: control characters become spaces, long text is cut, and the
 * fence is longer than any backtick run inside, so nothing in `text` is read as Markdown.
 */
export function inlineCode(text: string, maxLength = MAX_CODE_SPAN): string {
  let shown = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  if (shown.length > maxLength) {
    const cut = isHighSurrogate(shown.charCodeAt(maxLength - 1)) ? maxLength - 1 : maxLength;
    shown = `${shown.slice(0, cut)}…`;
  }
  let longestRun = 0;
  let run = 0;
  for (let index = 0; index < shown.length; index++) {
    run = shown.charCodeAt(index) === 0x60 ? run + 1 : 0;
    if (run > longestRun) longestRun = run;
  }
  const fence = '`'.repeat(longestRun + 1);
  const padding = shown.startsWith('`') || shown.endsWith('`') || shown.startsWith(' ') ? ' ' : '';
  return `${fence}${padding}${shown}${padding}${fence}`;
}

/** Plain text (a service name from a user setting) with Markdown punctuation escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/** A link to a section of RFC 7208 on rfc-editor.org. */
export function rfcLink(section: string): string {
  return `[RFC 7208 §${section}](https://www.rfc-editor.org/rfc/rfc7208#section-${section})`;
}

/** `**label:** text`, one line of a hover. */
export function labelled(label: string, text: string): string {
  return `**${label}:** ${text}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
