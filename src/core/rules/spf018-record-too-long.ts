/**
 * SPF018 record-too-long: an SPF record over 450 octets. RFC 7208 §3.4 advises keeping SPF
 * records small enough that the whole DNS answer fits in 512 octets, because larger UDP
 * answers are truncated and need a retry over TCP, which some resolvers and firewalls break.
 */
import type { RuleDefinition } from '../analyzer/rule-api';
import { asciiValueOctets } from '../readers/txt/txt-value';
import { ruleMeta } from './support';

export const RECORD_OCTET_LIMIT = 450;

export const recordTooLongRule: RuleDefinition = {
  meta: ruleMeta({
    code: 'SPF018',
    alias: 'record-too-long',
    title: 'Record over 450 octets',
    description: 'A record longer than 450 octets risks a truncated UDP answer (and failed lookups behind resolvers that do not retry over TCP).',
    defaultSeverity: 'warning',
    rfc: '7208 §3.4',
  }),
  messages: {
    tooLong: 'This SPF record is {octets} octets long. RFC 7208 §3.4 advises staying under 450 so that the DNS answer fits in a 512-octet UDP packet; larger answers are truncated and some receivers then fail with temperror. Move senders into an include: on another name.',
  },
  checkRecord(context) {
    const { site } = context;
    const octets = asciiValueOctets(site.value) ?? site.value.strings.reduce((sum, item) => sum + item.octets, 0);
    if (octets <= RECORD_OCTET_LIMIT) return;
    context.report({ start: 0, end: site.record.versionRange?.end ?? 0 }, context.message('tooLong', { octets }));
  },
};
