/**
 * SPF005 version-tag: a TXT record that is meant as SPF but does not begin with exactly
 * `v=spf1` followed by a space or its end (RFC 7208 §4.5) is discarded by receivers, leaving
 * the domain without SPF; and a valid tag in unusual case (`V=SPF1`), which RFC 7208 accepts
 * but some receivers compare case-sensitively.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { findNearMiss } from '../analyzer/version-tag';
import { parseRecordOnce } from '../spf/parser';
import { ruleMeta, shown } from './support';

export const versionTagRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF005',
    alias: 'version-tag',
    title: 'Malformed or unusual v=spf1 tag',
    description: 'A record that nearly starts with v=spf1 is ignored by receivers; an upper-case tag works but is fragile.',
    defaultSeverity: 'warning',
    rfc: '7208 §4.5',
    fixable: true,
  }),
  includeNearMisses: true,
  messages: {
    upperCase: 'The version tag is written "{tag}". RFC 7208 §4.5 matches it case-insensitively, but some receivers only recognise the exact lower-case "v=spf1".',
    lowerCase: 'Write the tag as "v=spf1"',
    leadingCharacters: 'This record starts with {characters} before "v=spf1". Receivers only use TXT records that begin with exactly "v=spf1" (RFC 7208 §4.5), so they ignore it and the domain has no SPF.',
    noSpaceAfterTag: '"v=spf1" is followed by "{next}" instead of a space. Receivers only use records that begin with "v=spf1" followed by a space or the end (RFC 7208 §4.5), so they ignore this one.',
    mangledTag: '"{tag}" is not the SPF version tag. Receivers only use TXT records that begin with exactly "v=spf1" (RFC 7208 §4.5), so they ignore this one and the domain has no SPF.',
    senderId: 'This is a Sender ID record ("{tag}", RFC 4406, historic), not SPF: SPF receivers ignore it. Publish a "v=spf1" record for SPF.',
    removeLeading: 'Remove the characters before "v=spf1"',
    insertSpace: 'Insert a space after "v=spf1"',
    replaceTag: 'Replace "{tag}" by "v=spf1"',
  },
  checkRecord(context) {
    const { site } = context;
    const value = site.value.value;
    if (site.version === 'spf') {
      const tag = value.slice(0, 6);
      if (tag === 'v=spf1') return;
      const fix = context.valueFix(context.message('lowerCase'), [{ range: { start: 0, end: 6 }, newText: 'v=spf1' }], { isPreferred: true });
      context.report({ start: 0, end: 6 }, context.message('upperCase', { tag }), { fixes: [fix], severity: 'info' });
      return;
    }
    const miss = findNearMiss(value);
    if (!miss) return;
    const range = { start: miss.start, end: miss.end };
    const fixIfValid = (title: ReturnType<typeof context.message>, newValue: string, edit: { range: typeof range; newText: string }) =>
      parseRecordOnce(newValue).errors.length === 0 ? context.valueFix(title, [edit], { changesPolicy: true }) : undefined;
    switch (miss.kind) {
      case 'leading-characters': {
        const characters = JSON.stringify(value.slice(miss.start, miss.end));
        const fix = fixIfValid(context.message('removeLeading'), value.slice(miss.end), { range, newText: '' });
        context.report(range, context.message('leadingCharacters', { characters }), { fixes: [fix] });
        return;
      }
      case 'no-space-after-tag': {
        const next = value.slice(6, 7) === '\t' ? 'a tab' : shown(value.slice(6).split(' ')[0], 20);
        const fix = fixIfValid(context.message('insertSpace'), `v=spf1 ${value.slice(6)}`, { range: { start: 6, end: 6 }, newText: ' ' });
        context.report(range, context.message('noSpaceAfterTag', { next }), { fixes: [fix] });
        return;
      }
      case 'mangled-tag': {
        const tag = value.slice(miss.start, miss.end);
        const fix = fixIfValid(context.message('replaceTag', { tag }), `${value.slice(0, miss.start)}v=spf1${value.slice(miss.end)}`, { range, newText: 'v=spf1' });
        context.report(range, context.message('mangledTag', { tag }), { fixes: [fix] });
        return;
      }
      case 'sender-id':
        context.report(range, context.message('senderId', { tag: value.slice(miss.start, miss.end) }), { severity: 'info' });
    }
  },
};
