/**
 * SPF003 multiple-records: more than one `v=spf1` TXT record at one name. RFC 7208 §4.5: when
 * more than one record remains after discarding non-SPF TXT records, `check_host()` returns
 * permerror, so none of them is used.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import type { SpfRecordSite } from '../analyzer/document';
import { MAX_RELATED, ruleMeta } from './support';

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
    const atOwner = context.sitesAt(site.owner);
    // Most names have one SPF record.
    const records = atOwner.length < 2 ? NONE : spfTxtRecordsAt(atOwner);
    if (records.length < 2) return;
    const owner = site.owner;
    const otherRecord = context.message('otherRecord', { owner });
    const others = records.slice(0, MAX_RELATED + 1).filter((other) => other !== site).slice(0, MAX_RELATED);
    context.report({ start: 0, end: site.record.versionRange?.end ?? 0 }, context.message('multipleRecords', { owner, count: records.length }), {
      related: others.map((other) => ({ message: otherRecord, range: other.range })),
    });
  },
};

/**
 * The SPF TXT records among the sites at one name, found once per name: a name with thousands
 * of records (a hostile zone) costs one pass, not one per record.
 */
const spfTxtByName = new WeakMap<readonly SpfRecordSite[], readonly SpfRecordSite[]>();
const NONE: readonly SpfRecordSite[] = [];

function spfTxtRecordsAt(sites: readonly SpfRecordSite[]): readonly SpfRecordSite[] {
  let records = spfTxtByName.get(sites);
  if (!records) {
    records = sites.filter((other) => other.version === 'spf' && other.rrType === 'TXT');
    spfTxtByName.set(sites, records);
  }
  return records;
}
