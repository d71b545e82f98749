/**
 * Hover help inside SPF records: for the part under the cursor (version tag, qualifier,
 * mechanism, modifier, domain, network, prefix length, macro, escape), what it does, what it
 * costs in DNS lookups, the RFC 7208 section, and an example; in English or Japanese.
 */
import { mapSiteRange, readDocument, type AnalyzedDocument } from '../analyzer/document';
import type { TextRange } from '../text/range';
import { translator } from './hover-text';
import { includeLines } from './include-info';
import { locatePart, type HoverTarget, type LocatedPart } from './locate';
import { renderCidr } from './render-cidr';
import { createRenderContext, type RenderContext } from './render-context';
import { renderEscape, renderMacro } from './render-macros';
import { renderQualifier, renderTerm, renderVersion, type RenderedHover } from './render-terms';
import type { HoverOptions, SpfHover } from './types';

/** Texts longer than this get no hover unless `maxTextLength` says otherwise. */
const DEFAULT_MAX_TEXT_LENGTH = 5_000_000;

/**
 * The hover at document offset `offset` (the character there) of `text`, read as
 * `options.kind`; undefined outside the strings of SPF records. Never throws. The only wait is
 * for `options.lookupInclude` on an `include:`, bounded by `options.lookupTimeoutMs`.
 */
export async function hoverAt(text: string, offset: number, options: HoverOptions): Promise<SpfHover | undefined> {
  if (!Number.isInteger(offset) || offset < 0 || offset >= text.length) return undefined;
  if (text.length > (options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH)) return undefined;
  const document = options.document ?? readHoverDocument(text, options);
  const located = locatePart(document, offset);
  if (!located) return undefined;
  const language = options.language ?? 'en';
  const context = createRenderContext(located.site, language, translator(language), options);
  const rendered = render(located.target, context);
  const extra = await includeExtras(located.target, context);
  const hover: SpfHover = {
    range: pieceAt(located, offset),
    markdown: [...rendered.blocks, ...extra].join('\n\n'),
    part: located.target.kind,
    siteIndex: located.site.index,
    rfcSection: rendered.rfcSection,
  };
  if (located.target.kind !== 'version') hover.termIndex = located.target.term.index;
  return hover;
}

function readHoverDocument(text: string, options: HoverOptions): AnalyzedDocument {
  return readDocument(text, {
    kind: options.kind,
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
    ...(options.codeLanguage !== undefined ? { language: options.codeLanguage } : {}),
  });
}

function render(target: HoverTarget, context: RenderContext): RenderedHover {
  switch (target.kind) {
    case 'version':
      return renderVersion(context);
    case 'qualifier':
      return renderQualifier(target.term, context);
    case 'term':
    case 'domain':
    case 'network':
      return renderTerm(target.term, context);
    case 'cidr':
      return renderCidr(target.term, target.cidr, target.family, context);
    case 'macro':
      return renderMacro(target.term, target.spec, target.macro, context);
    case 'escape':
      return renderEscape(target.term, target.spec, target.escape, context);
  }
}

/** On the name or domain of an `include:`, the service and the cached record. */
async function includeExtras(target: HoverTarget, context: RenderContext): Promise<string[]> {
  if (target.kind !== 'term' && target.kind !== 'domain') return [];
  const term = target.term;
  if (term.kind !== 'mechanism' || term.name !== 'include' || !term.domainSpec) return [];
  const lines = await includeLines(term.domainSpec, context);
  return lines.length > 0 ? [lines.join('  \n')] : [];
}

/** The document piece of the part that holds `offset` (a part split across strings has several). */
function pieceAt(located: LocatedPart, offset: number): TextRange {
  const mapped = mapSiteRange(located.site, located.valueRange);
  const pieces = mapped.pieces ?? [mapped.range];
  return pieces.find((piece) => piece.start <= offset && offset < piece.end) ?? mapped.range;
}
