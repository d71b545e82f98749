/**
 * SPF003 multiple-records: more than one `v=spf1` TXT record at one name. RFC 7208 §4.5: when
 * more than one record remains after discarding non-SPF TXT records, `check_host()` returns
 * permerror, so none of them is used.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { MAX_RELATED, ruleMeta, spfTxtRecordsAt } from './support';

export const multipleRecordsRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF003',
    alias: 'multiple-records',
    title: 'More than one SPF record at a name',
    description: 'Two or more v=spf1 TXT records at one name make every SPF check of that name a permerror; merge them into one record.',
    defaultSeverity: 'error',
    rfc: '7208 §4.5, §3.2',
  }),
  messages: {
    multipleRecords: '{owner} has {count} SPF records. Receivers return permerror when a name has more than one "v=spf1" TXT record (RFC 7208 §4.5), so none of them works: merge them into one record.',
    otherRecord: 'Another SPF record at {owner}',
  },
  checkRecord(context) {
    const { site } = context;
    if (site.owner === undefined || site.rrType !== 'TXT') return;
    const records = spfTxtRecordsAt(context.sitesAt(site.owner));
    if (records.length < 2) return;
    const owner = site.owner;
    const otherRecord = context.message('otherRecord', { owner });
    const others = records.slice(0, MAX_RELATED + 1).filter((other) => other !== site).slice(0, MAX_RELATED);
    context.report({ start: 0, end: site.record.versionRange?.end ?? 0 }, context.message('multipleRecords', { owner, count: records.length }), {
      related: others.map((other) => ({ message: otherRecord, range: other.range })),
    });
  },
};
