/**
 * SPF004 spf-rr-type: the record is published with the `SPF` RR type (99). RFC 7208 §3.1 and
 * §14.1 deprecate it: SPF records MUST be published as TXT and receivers do not query type 99.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { Fix } from '../analyzer/types';
import type { ZoneRecord } from '../readers/zone/zone-types';
import type { TextRange } from '../text/range';
import { MAX_RELATED, ruleMeta, spfTxtRecordsAt } from './support';

export const spfRrTypeRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF004',
    alias: 'spf-rr-type',
    title: 'Deprecated SPF record type',
    description: 'The SPF RR type (99) is not used by receivers; publish the record as TXT.',
    defaultSeverity: 'warning',
    rfc: '7208 §3.1, §14.1',
    fixable: true,
  }),
  messages: {
    spfType: 'This record uses the SPF record type, which RFC 7208 §3.1 deprecates: receivers only look up TXT records, so they never see it.',
    spfTypeWithTxt: 'This record uses the SPF record type, which RFC 7208 §3.1 deprecates; receivers only read the TXT record at this name.',
    changeToTxt: 'Publish it as TXT',
    removeRecord: 'Remove this SPF-type record (the TXT record has the same value)',
    txtRecord: 'The TXT record receivers use',
  },
  checkRecord(context) {
    const { site, document } = context;
    const typeRange = site.typeRange;
    if (site.rrType !== 'SPF' || !typeRange) return;
    // The site itself is of type SPF, so it is not among them.
    const txtSites = site.owner === undefined ? [] : spfTxtRecordsAt(context.sitesAt(site.owner));
    if (txtSites.length === 0) {
      const fix: Fix = { title: context.message('changeToTxt'), edits: [{ range: typeRange, newText: 'TXT' }], kind: 'quickfix', changesPolicy: true };
      context.reportAt(typeRange, context.message('spfType'), { fixes: [typeRange.end > typeRange.start ? fix : undefined], recordRange: site.range });
      return;
    }
    const same = txtSites.find((other) => other.value.value === site.value.value);
    const removal = same && site.zoneRecord ? removalEdit(document.text, site.zoneRecord, document.zone?.records ?? []) : undefined;
    const fix: Fix | undefined = removal ? { title: context.message('removeRecord'), edits: [{ range: removal, newText: '' }], kind: 'quickfix', isPreferred: true } : undefined;
    const txtRecord = context.message('txtRecord');
    context.reportAt(typeRange, context.message('spfTypeWithTxt'), {
      fixes: [fix],
      recordRange: site.range,
      related: txtSites.slice(0, MAX_RELATED).map((other) => ({ message: txtRecord, range: other.range })),
    });
  },
};

/**
 * The lines of `record` when nothing else is on them and removing them does not change the
 * owner of the next record (a following record with a blank owner inherits this one's).
 */
function removalEdit(text: string, record: ZoneRecord, records: readonly ZoneRecord[]): TextRange | undefined {
  const next = records[records.indexOf(record) + 1];
  if (next && next.owner.inherited && !record.owner.inherited) return undefined;
  const lineStart = text.lastIndexOf('\n', record.range.start - 1) + 1;
  if (text.slice(lineStart, record.range.start).trim() !== '') return undefined;
  let lineEnd = text.indexOf('\n', record.range.end);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  const tail = text.slice(record.range.end, lineEnd).trim();
  if (tail !== '' && !tail.startsWith(';') && !/^\)\s*(;.*)?$/.test(tail)) return undefined;
  return { start: lineStart, end: lineEnd };
}
