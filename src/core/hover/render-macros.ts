/**
 * Hover content of macros and escapes (RFC 7208 §7): the letter, its transformers and
 * delimiters, and what the macro and its whole domain-spec expand to for a sample message.
 */
import type { Macro, MacroEscape, MacroString } from '../spf/ast';
import { expandMacro, expandMacroString, type MacroStringKind } from '../spf/macro';
import type { HoverContentKey } from './content-en';
import { inlineCode, labelled, rfcLink } from './hover-text';
import type { TermWithValue } from './locate';
import type { RenderContext } from './render-context';
import type { RenderedHover } from './render-terms';

const MACRO_FORMAT_SECTION = '7.1';
const MACRO_LETTERS_SECTION = '7.2';

const ESCAPE_KEYS: Readonly<Record<MacroEscape['text'], HoverContentKey>> = {
  '%%': 'escape.percent',
  '%_': 'escape.space',
  '%-': 'escape.urlSpace',
};

/** The hover of a `%{...}` macro. */
export function renderMacro(term: TermWithValue, spec: MacroString, macro: Macro, context: RenderContext): RenderedHover {
  const { t } = context;
  const lines = [t('macro.line.letter', { letter: inlineCode(macro.letter), meaning: t(`macro.letter.${macro.letter}`) })];
  if (macro.urlEncode) lines.push(t('macro.urlEncode'));
  if (macro.digitsRange && macro.digits !== undefined) {
    const digitsText = context.site.record.text.slice(macro.digitsRange.start, macro.digitsRange.end);
    lines.push(t('macro.digits', { digits: inlineCode(digitsText), count: String(macro.digits) }));
  }
  if (macro.reverse) lines.push(t('macro.reverse', { reverse: inlineCode('r') }));
  if (macro.delimitersRange) lines.push(t('macro.delimiters', { delimiters: inlineCode(macro.delimiters) }));
  const hasTransformers = macro.digitsRange !== undefined || macro.reverse || macro.delimitersRange !== undefined;
  if (hasTransformers) lines.push(t('macro.processing'));
  if (macro.letter === 'c' || macro.letter === 'r' || macro.letter === 't') lines.push(t('macro.explainOnly'));
  const sample = [
    t('macro.sampleValue', { macro: inlineCode(macro.text), value: inlineCode(expandMacro(macro, context.macroContext)) }),
  ];
  if (spec.parts.length > 1) sample.push(specExpansion(term, spec, context));
  return {
    rfcSection: MACRO_LETTERS_SECTION,
    blocks: [
      `${t('heading.macro', { macro: inlineCode(macro.text) })} · ${rfcLink(MACRO_LETTERS_SECTION)}`,
      lines.join('  \n'),
      [sampleIntro(context), ...sample].join('  \n'),
      labelled(t('label.lookups'), t('lookups.part')),
    ],
  };
}

/** The hover of `%%`, `%_` or `%-`. */
export function renderEscape(term: TermWithValue, spec: MacroString, escape: MacroEscape, context: RenderContext): RenderedHover {
  const { t } = context;
  const blocks = [
    `${t('heading.escape', { text: inlineCode(escape.text) })} · ${rfcLink(MACRO_FORMAT_SECTION)}`,
    t(ESCAPE_KEYS[escape.text]),
  ];
  if (spec.parts.length > 1) blocks.push([sampleIntro(context), specExpansion(term, spec, context)].join('  \n'));
  return { rfcSection: MACRO_FORMAT_SECTION, blocks };
}

function sampleIntro(context: RenderContext): string {
  const { sample, macroContext } = context;
  return context.t('macro.sample', {
    sender: inlineCode(sample.sender),
    ip: inlineCode(macroContext.ipText),
    domain: inlineCode(macroContext.domain),
  });
}

/** The whole macro-string expanded for the sample, as the term uses it (RFC 7208 §7.3). */
function specExpansion(term: TermWithValue, spec: MacroString, context: RenderContext): string {
  const kind: MacroStringKind = term.kind === 'modifier' && !term.known ? 'modifier-value' : 'domain-spec';
  const value = expandMacroString(spec, context.macroContext, kind);
  return context.t('macro.sampleSpec', { spec: inlineCode(spec.text), value: inlineCode(value) });
}
