/**
 * Hover content of the `v=spf1` tag, qualifiers, mechanisms and modifiers: what each matches,
 * what it costs in DNS lookups (RFC 7208 §4.6.4), the RFC section and an example.
 */
import type { MechanismName, MechanismTerm, ModifierTerm, Qualifier, Term } from '../spf/ast';
import type { HoverContentKey } from './content-en';
import { inlineCode, labelled, rfcLink } from './hover-text';
import type { RenderContext } from './render-context';
import { networkLines } from './render-cidr';

/** Rendered hover content before it gets its range. */
export interface RenderedHover {
  /** Paragraphs, joined with blank lines. */
  blocks: string[];
  rfcSection: string;
}

/** RFC 7208 sections: §5.x for mechanisms, §6.x for modifiers. */
export const MECHANISM_SECTIONS: Readonly<Record<MechanismName, string>> = {
  all: '5.1',
  include: '5.2',
  a: '5.3',
  mx: '5.4',
  ptr: '5.5',
  ip4: '5.6',
  ip6: '5.6',
  exists: '5.7',
};
const REDIRECT_SECTION = '6.1';
const EXP_SECTION = '6.2';
/** RFC 7208 §6: modifiers in general (unknown ones are ignored). */
const MODIFIERS_SECTION = '6';
/** RFC 7208 §4.6: a syntax error anywhere makes the record a permerror. */
const RECORD_EVALUATION_SECTION = '4.6';
const QUALIFIER_SECTION = '4.6.2';
const VERSION_SECTION = '4.5';

const RESULT_OF: Readonly<Record<Qualifier, 'pass' | 'fail' | 'softfail' | 'neutral'>> = {
  '+': 'pass',
  '-': 'fail',
  '~': 'softfail',
  '?': 'neutral',
};
const ALL_EFFECT_KEYS: Readonly<Record<Qualifier, HoverContentKey>> = {
  '+': 'all.plus',
  '-': 'all.minus',
  '~': 'all.tilde',
  '?': 'all.question',
};

/** The hover of `v=spf1`. */
export function renderVersion(context: RenderContext): RenderedHover {
  const { t } = context;
  return {
    rfcSection: VERSION_SECTION,
    blocks: [
      `${t('heading.version', { tag: inlineCode('v=spf1') })} · ${rfcLink(VERSION_SECTION)}`,
      t('version.summary'),
      labelled(t('label.lookups'), t('lookups.zero')),
      labelled(t('label.example'), t('version.example')),
    ],
  };
}

/** The hover of a qualifier: the result it gives, and on `all` the effect of each qualifier. */
export function renderQualifier(term: MechanismTerm, context: RenderContext): RenderedHover {
  const { t } = context;
  const blocks = [
    `${t('heading.qualifier', { qualifier: inlineCode(term.qualifier), result: RESULT_OF[term.qualifier] })} · ${rfcLink(QUALIFIER_SECTION)}`,
    t('qualifier.summary'),
    matchLine(term.qualifier, context),
  ];
  if (term.name === 'all') blocks.push(allTable(term.qualifier, context));
  return { rfcSection: QUALIFIER_SECTION, blocks };
}

/** The hover of a term: mechanism, modifier or invalid term. */
export function renderTerm(term: Term, context: RenderContext): RenderedHover {
  switch (term.kind) {
    case 'mechanism':
      return renderMechanism(term, context);
    case 'modifier':
      return renderModifier(term, context);
    default: {
      const { t } = context;
      const reasons = context.site.record.errors.filter((error) => error.termIndex === term.index).map((error) => error.reason);
      const blocks = [`${t('heading.invalid', { text: inlineCode(term.text) })} · ${rfcLink(RECORD_EVALUATION_SECTION)}`, t('invalid.summary')];
      if (reasons.length > 0) blocks.push(t('invalid.reason', { reason: inlineCode(reasons[0]) }));
      return { rfcSection: RECORD_EVALUATION_SECTION, blocks };
    }
  }
}

function renderMechanism(term: MechanismTerm, context: RenderContext): RenderedHover {
  const { t } = context;
  const section = MECHANISM_SECTIONS[term.name];
  const details: string[] = [];
  if (term.name !== 'all') details.push(matchLine(term.qualifier, context));
  const target = targetOf(term, context);
  if (target) details.push(labelled(t('label.target'), target));
  if (term.network) details.push(labelled(t('label.covers'), context.sentences(networkLines(term.network, context))));
  details.push(labelled(t('label.lookups'), lookupText(term.name, context)));
  const blocks = [
    `${t('heading.mechanism', { name: inlineCode(term.name) })} · ${rfcLink(section)}`,
    t(`mechanism.${term.name}.summary`),
    details.join('  \n'),
  ];
  if (term.name === 'all') blocks.push(allTable(term.qualifier, context));
  blocks.push(labelled(t('label.example'), t(`mechanism.${term.name}.example`)));
  return { rfcSection: section, blocks };
}

function renderModifier(term: ModifierTerm, context: RenderContext): RenderedHover {
  const { t } = context;
  const name = inlineCode(`${term.name}=`);
  if (!term.known) {
    return {
      rfcSection: MODIFIERS_SECTION,
      blocks: [
        `${t('heading.unknownModifier', { name })} · ${rfcLink(MODIFIERS_SECTION)}`,
        t('modifier.unknown.summary', { name }),
        labelled(t('label.lookups'), t('lookups.zero')),
      ],
    };
  }
  const modifier = term.name as 'redirect' | 'exp';
  const section = modifier === 'redirect' ? REDIRECT_SECTION : EXP_SECTION;
  const details = [
    labelled(t('label.target'), t('target.domain', { domain: inlineCode(term.value.text) })),
    labelled(t('label.lookups'), t(modifier === 'redirect' ? 'lookups.redirect' : 'lookups.exp')),
  ];
  return {
    rfcSection: section,
    blocks: [
      `${t('heading.modifier', { name })} · ${rfcLink(section)}`,
      t(`modifier.${modifier}.summary`),
      details.join('  \n'),
      labelled(t('label.example'), t(`modifier.${modifier}.example`)),
    ],
  };
}

/** `**If it matches:** `~` softfail — meaning`. */
function matchLine(qualifier: Qualifier, context: RenderContext): string {
  const result = RESULT_OF[qualifier];
  return labelled(context.t('label.onMatch'), `${inlineCode(qualifier)} ${result} — ${context.t(`result.${result}`)}`);
}

/** The four `all` qualifiers and their effect, marking the one this record uses. */
function allTable(current: Qualifier, context: RenderContext): string {
  const { t } = context;
  const rows = (['+', '-', '~', '?'] as const).map((qualifier) => {
    const marker = qualifier === current ? ` **${t('label.thisRecord')}**` : '';
    return `- ${inlineCode(`${qualifier}all`)} — ${t(ALL_EFFECT_KEYS[qualifier])}${marker}`;
  });
  return [t('all.table'), ...rows].join('\n');
}

/** The domain a mechanism looks at, when it looks at one. */
function targetOf(term: MechanismTerm, context: RenderContext): string | undefined {
  const { t } = context;
  if (term.domainSpec) return t('target.domain', { domain: inlineCode(term.domainSpec.text) });
  if (term.name !== 'a' && term.name !== 'mx' && term.name !== 'ptr') return undefined;
  return context.owner ? t('target.implicit', { domain: inlineCode(context.owner) }) : t('target.implicitUnknown');
}

/** RFC 7208 §4.6.4 costs, in words. */
function lookupText(name: MechanismName, context: RenderContext): string {
  const { t } = context;
  switch (name) {
    case 'all':
    case 'ip4':
    case 'ip6':
      return t('lookups.zero');
    case 'include':
      return t('lookups.include');
    case 'mx':
      return context.sentences([t('lookups.mx'), t('lookups.void')]);
    case 'ptr':
      return t('lookups.ptr');
    case 'a':
    case 'exists':
      return context.sentences([t('lookups.one'), t('lookups.void')]);
  }
}
