/**
 * Rendering the analyzer's messages in another language. A finding carries its message as data
 * (`MessageData`: id, args and the English text); a front end renders it for its user's locale
 * with {@link localizeMessage}. A message whose id a catalog lacks falls back to the English text,
 * so a rule added before its translation still shows a sentence.
 */
import { formatMessage, type MessageData } from '../analyzer/types';
import { japaneseTexts } from './japanese-texts';

/** Templates by message id, with the same `{name}` placeholders as the English ones. */
export type MessageCatalog = Readonly<Record<string, string>>;

/** Languages with a catalog, by their base language tag; a catalog is loaded when first read. */
const CATALOGS: Readonly<Record<string, MessageCatalog>> = {
  get ja() {
    return japaneseTexts().JA_MESSAGES;
  },
};

/** The catalog for a BCP 47 locale (`ja`, `ja-JP`), or undefined when the English text is used. */
export function catalogForLocale(locale: string): MessageCatalog | undefined {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return CATALOGS[base];
}

/**
 * The text of `message` in `locale` (English when the locale has no catalog or lacks the id).
 * Arguments that are messages themselves are rendered in the same locale first.
 */
export function localizeMessage(message: MessageData, locale: string): string {
  const template = catalogForLocale(locale)?.[message.id];
  if (template === undefined) return message.text;
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.args)) args[name] = typeof value === 'object' ? localizeMessage(value, locale) : value;
  return formatMessage(template, args);
}

/** The `{name}` placeholders of a template, sorted and without repeats (for catalog checks). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]))].sort();
}
