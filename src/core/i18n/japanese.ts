/**
 * The Japanese texts of the core in one module: the message catalog and the hover content. The
 * extension ships it as its own bundle (dist/ja.js, scripts/bundles.mjs) and loads it through
 * {@link japaneseTexts} only when a Japanese text is first asked for, so an English session never
 * reads it; the core library and the CLI bundle it.
 */
export { JA_MESSAGES } from './ja';
export { HOVER_CONTENT_JA } from '../hover/content-ja';
