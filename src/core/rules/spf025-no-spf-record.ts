/**
 * SPF025 no-spf-record: a name of the zone that is expected to send mail has no SPF record, so
 * receivers get the result none for it (RFC 7208 §4.5, §2.6.1) and cannot tell forged mail
 * from real. Expected to send: a name with MX records (a mail domain), and the SPF domain of an
 * attached bounce. Names with only A/AAAA records (web hosts) are not reported: most never
 * send, and `v=spf1 -all` for them is a policy choice, not a repair.
 */
import type { AsyncDocumentRuleContext, RuleDefinition } from '../analyzer/rule-api';
import { draftOf } from '../analyzer/dns/dns-context';
import { addressMechanism } from '../analyzer/dns/bounce-verdict';
import { normalizeName } from '../dns/resolver';
import { isSpfRecordText } from '../spf/parser';
import type { ZoneRecord } from '../readers/zone/zone-types';
import { rrTypeName } from '../readers/zone/rr-types';
import { ruleMeta } from './support';

export const noSpfRecordRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF025',
    alias: 'no-spf-record',
    title: 'Mail domain without SPF',
    description: 'A name with MX records (or the bounced domain) has no SPF record: receivers get none and cannot reject forgeries.',
    defaultSeverity: 'warning',
    rfc: '7208 §4.5, §2.6.1',
    needsDns: true,
    fixable: true,
  }),
  messages: {
    mailDomain: '{domain} receives mail (it has MX records) but has no SPF record: receivers get the result none (RFC 7208 §2.6.1) and cannot tell forged mail from real. Publish one listing the hosts that send for it.',
    bounceDomain: '{domain} has no SPF record, and the bounce for {ip} was checked against it: receivers get none (RFC 7208 §2.6.1). Publish an SPF record that authorises {ip}.',
    addRecord: 'Add "{record}" for {domain}',
  },
  async checkDocumentAsync(context) {
    const zone = context.document.zone;
    if (!zone) return;
    const byOwner = new Map<string, ZoneRecord[]>();
    for (const record of zone.records) {
      const key = normalizeName(record.ownerName);
      const records = byOwner.get(key);
      if (records) records.push(record);
      else byOwner.set(key, [record]);
    }
    const bounce = context.settings.bounce;
    for (const [owner, records] of byOwner) {
      const isBounceDomain = bounce?.spfDomain === owner;
      const mx = records.find((record) => rrTypeName(record.typeCode) === 'MX');
      if (!isBounceDomain && !mx) continue;
      if (context.sitesAt(owner).some((site) => site.version === 'spf') || (await hasSpfOnDraft(context, owner))) continue;
      const at = mx ?? records[0];
      const terms = [mx ? 'mx' : undefined, isBounceDomain && bounce ? addressMechanism(bounce.clientIp) : undefined].filter((term) => term !== undefined);
      const value = `v=spf1 ${[...terms, '~all'].join(' ')}`;
      const fix = {
        title: context.message('addRecord', { record: value, domain: owner }),
        edits: [{ range: { start: lineEnd(context.document.text, at.range.end), end: lineEnd(context.document.text, at.range.end) }, newText: `\n${at.ownerName} IN TXT "${value}"` }],
        kind: 'quickfix' as const,
        changesPolicy: true,
      };
      const message = isBounceDomain && bounce ? context.message('bounceDomain', { domain: owner, ip: bounce.clientIp }) : context.message('mailDomain', { domain: owner });
      context.reportAt(at.type.range, message, { fixes: [fix], recordRange: at.range, severity: isBounceDomain ? 'error' : undefined });
    }
  },
};

/** A TXT v=spf1 record at `owner` on the draft (e.g. reached through a CNAME). */
async function hasSpfOnDraft(context: AsyncDocumentRuleContext, owner: string): Promise<boolean> {
  const response = await draftOf(context).query(owner, 'TXT', context.dns.signal ? { signal: context.dns.signal } : undefined);
  return response.status === 'ok' && response.records.some((strings) => isSpfRecordText(strings.join('')));
}

/** The end of the line holding `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  const newline = text.slice(offset).search(/\r?\n/);
  return newline < 0 ? text.length : offset + newline;
}
