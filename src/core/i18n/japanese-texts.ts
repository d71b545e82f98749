/**
 * The seam that loads the Japanese texts on first use. It is a synchronous `require` because
 * messages and hovers are rendered synchronously; the extension build sends it to dist/ja.js
 * (scripts/bundles.mjs), the other builds resolve it to ./japanese as usual.
 */
export type JapaneseTexts = typeof import('./japanese');

/** The Japanese message catalog and hover content, loaded the first time they are asked for. */
export function japaneseTexts(): JapaneseTexts {
  return require('./japanese') as JapaneseTexts;
}
