/**
 * Reads a bounce (pasted text, a selection, or a whole `.eml`) into the facts the bounce → fix
 * loop needs, each with the input range it came from.
 */
import { readDeliveryStatus, type DeliveryStatusFacts } from './delivery-status';
import type { HeaderBlock } from './header-fields';
import { looksLikeMimeMessage, readMimeParts } from './mime-parts';
import { normaliseReplyText } from './normalise';
import { OTHER_BOUNCE_RULES } from './other-bounce-rules';
import { readReplyFacts, type Found, type ReplyFacts } from './read-reply';
import { readHeaderFallbacks, siteOf } from './returned-headers';
import { findTextBlocks } from './text-blocks';
import { sliceOfSource, type MappedText } from './text-map';
import type { BounceCheckResult, BounceClassification, BounceEvidence, BounceReport } from './types';

/** Plain text beyond this many characters is not scanned (diagnostics sit near the top). */
export const MAX_SCANNED_TEXT = 262_144;
/** An `.eml` is parsed up to this many characters (the returned message's body is not needed). */
export const MAX_MIME_INPUT = 2_097_152;
const BINARY_SAMPLE = 65_536;

/** Receivers recognised by their MX host names, for when no reply wording names them. */
const PROVIDER_BY_SITE: Readonly<Record<string, string>> = {
  'google.com': 'gmail',
  'googlemail.com': 'gmail',
  'outlook.com': 'microsoft',
  'hotmail.com': 'microsoft',
  'yahoodns.net': 'yahoo',
  'emailsrvr.com': 'rackspace',
  'mailchannels.net': 'mailchannels',
  'docomo.ne.jp': 'docomo',
  'au.com': 'au',
  'ezweb.ne.jp': 'au',
  'softbank.ne.jp': 'softbank',
};

interface Sources {
  texts: MappedText[];
  deliveryStatus: DeliveryStatusFacts;
  returnedHeaders?: HeaderBlock;
  otherHeaders: HeaderBlock[];
}

/**
 * Reads `input` as a bounce. Never throws; bounded time on any input (binary input, or text
 * without any bounce in it, gives `classification: 'not-a-bounce'` with a `reason`).
 *
 * Evidence ranges are UTF-16 offsets into `input`. For `.eml` parts in base64 (or whose charset
 * changed the text) a fact's range covers the whole encoded part body and carries `encoded`.
 */
export async function readBounce(input: string): Promise<BounceReport> {
  if (input.trim().length === 0) return notABounce('The selection is empty.');
  if (looksBinary(input)) return notABounce('The input is binary data, not a bounce message.');
  try {
    const sources = await gatherSources(input);
    return assemble(readReplyFacts(sources.texts), sources);
  } catch (error) {
    return notABounce(`The input could not be read as a bounce: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function gatherSources(input: string): Promise<Sources> {
  const parts = looksLikeMimeMessage(input) ? await readMimeParts(input.slice(0, MAX_MIME_INPUT)) : undefined;
  if (!parts) return sourcesFromText(sliceOfSource(input.slice(0, MAX_SCANNED_TEXT), 0), []);
  const deliveryStatus = parts.deliveryStatus ? readDeliveryStatus(parts.deliveryStatus) : {};
  const human = parts.humanTexts.map((text) => sourcesFromText(text, [parts.outerHeaders]));
  // The structured Diagnostic-Code first: it is the reply itself, usually in a 7bit part.
  const texts = deliveryStatus.diagnostic ? [normaliseReplyText(deliveryStatus.diagnostic)] : [];
  texts.push(...human.flatMap((found) => found.texts));
  const fromText = human.find((found) => found.returnedHeaders || found.deliveryStatus.diagnostic);
  return {
    texts,
    deliveryStatus: parts.deliveryStatus ? deliveryStatus : (fromText?.deliveryStatus ?? {}),
    returnedHeaders: parts.returnedHeaders ?? fromText?.returnedHeaders,
    otherHeaders: [parts.outerHeaders],
  };
}

function sourcesFromText(text: MappedText, otherHeaders: HeaderBlock[]): Sources {
  const blocks = findTextBlocks(text);
  const deliveryStatus = blocks.deliveryStatusStart === undefined ? {} : readDeliveryStatus(text, blocks.deliveryStatusStart);
  const texts = [normaliseReplyText(text)];
  if (deliveryStatus.diagnostic) texts.push(normaliseReplyText(deliveryStatus.diagnostic));
  const leading = blocks.leadingHeaders && blocks.leadingHeaders !== blocks.returnedHeaders ? [blocks.leadingHeaders] : [];
  return { texts, deliveryStatus, returnedHeaders: blocks.returnedHeaders, otherHeaders: [...otherHeaders, ...leading] };
}

function assemble(reply: ReplyFacts, sources: Sources): BounceReport {
  const dsn = sources.deliveryStatus;
  const reportingMta = dsn.reportingMta ?? reply.reportingMta;
  const remoteMta = dsn.remoteMta ?? reply.remoteMta;
  const receiverDomains = [remoteMta?.value, dsn.recipientDomain].filter((name): name is string => !!name);
  const fallbacks = readHeaderFallbacks(sources.returnedHeaders, sources.otherHeaders, receiverDomains, reportingMta, reply.receiverIps);
  const enhancedStatus = reply.enhancedStatus ?? dsn.status;
  const classification = classify(reply, enhancedStatus, !!(dsn.status || reply.statusCode || remoteMta));
  if (!classification) return notABounce('No bounce was found: no SMTP reply, delivery-status fields or known rejection text.');
  const clientIp = reply.clientIp ?? fallbacks.clientIp;
  const relayHost = (clientIp && hostOfAddress(clientIp.value, sources)) ?? fallbacks.relayHost;
  const provider = reply.provider ?? providerOfHost(remoteMta);
  const checks = {
    spf: reply.checks.spf?.value ?? 'unknown',
    dkim: reply.checks.dkim?.value ?? 'unknown',
    dmarc: reply.checks.dmarc?.value ?? 'unknown',
  } satisfies BounceReport['checks'];
  const spfDomain = reply.spfDomain ?? fallbacks.spfDomain ?? dsn.envelopeSenderDomain;
  const fromDomain = reply.fromDomain ?? fallbacks.fromDomain;
  const evidence: BounceEvidence = {
    classification: classification.range,
    provider: provider?.range,
    reportingMta: reportingMta?.range,
    remoteMta: remoteMta?.range,
    statusCode: reply.statusCode?.range,
    enhancedStatus: enhancedStatus?.range,
    clientIp: clientIp?.range,
    spfDomain: spfDomain?.range,
    fromDomain: fromDomain?.range,
    relayHost: relayHost?.range,
    checks: { spf: reply.checks.spf?.range, dkim: reply.checks.dkim?.range, dmarc: reply.checks.dmarc?.range },
  };
  return {
    classification: reply.authentication ? (classifyFromChecks(checks) ?? classification.value) : classification.value,
    provider: provider?.value ?? null,
    reportingMta: reportingMta?.value ?? null,
    remoteMta: remoteMta?.value ?? null,
    statusCode: reply.statusCode?.value ?? null,
    enhancedStatus: enhancedStatus?.value ?? null,
    clientIp: clientIp?.value ?? null,
    spfDomain: spfDomain?.value ?? null,
    fromDomain: fromDomain?.value ?? null,
    checks,
    relayHost: relayHost?.value ?? null,
    evidence: withoutEmpty(evidence),
  };
}

function classify(reply: ReplyFacts, enhanced: Found | undefined, anyBounceSign: boolean): Found<BounceClassification> | undefined {
  if (reply.classification) return reply.classification;
  const byStatus = enhanced && OTHER_BOUNCE_RULES.find((rule) => rule.enhancedStatuses.includes(enhanced.value));
  if (byStatus && enhanced) return { value: byStatus.classification, range: enhanced.range };
  if (anyBounceSign) return { value: 'other', range: (enhanced ?? reply.statusCode ?? reply.remoteMta)?.range ?? { start: 0, end: 0 } };
  return undefined;
}

/**
 * The classification the stated verdicts imply: SPF and DKIM both not passing is
 * "unauthenticated" (Gmail and Yahoo accept either); one of them alone names it; else DMARC.
 */
function classifyFromChecks(checks: BounceReport['checks']): BounceClassification | undefined {
  const failed = (result: BounceCheckResult): boolean => result === 'fail' || result === 'softfail' || result === 'none';
  if (failed(checks.spf) && failed(checks.dkim)) return 'unauthenticated';
  if (failed(checks.spf)) return 'spf';
  if (failed(checks.dkim)) return 'dkim';
  if (failed(checks.dmarc)) return 'dmarc';
  return undefined;
}

/** The name a Received header gives to the host with `ip` (its reverse name, else its HELO). */
function hostOfAddress(ip: string, sources: Sources): Found | undefined {
  const blocks = [sources.returnedHeaders, ...sources.otherHeaders].filter((block): block is HeaderBlock => !!block);
  for (const block of blocks) {
    for (const field of block.fields) {
      if (field.name !== 'received') continue;
      const fromClause = field.value.text.split(/\sby\s/i)[0];
      if (!fromClause.includes(`[${ip}]`) && !fromClause.includes(`(${ip})`)) continue;
      const name = /\((?:[^()\s]{1,255} )?([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\.? ?\[/.exec(fromClause) ?? /^from ([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\b/i.exec(fromClause);
      if (name) return { value: name[1].toLowerCase(), range: field.value.toSource(name.index + name[0].indexOf(name[1]), name.index + name[0].indexOf(name[1]) + name[1].length) };
    }
  }
  return undefined;
}

function providerOfHost(host: Found | undefined): Found | undefined {
  const provider = host && PROVIDER_BY_SITE[siteOf(host.value)];
  return provider && host ? { value: provider, range: host.range } : undefined;
}

function looksBinary(input: string): boolean {
  const sampleEnd = Math.min(input.length, BINARY_SAMPLE);
  let odd = 0;
  for (let i = 0; i < sampleEnd; i++) {
    const code = input.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x1b) || code === 0x7f || code === 0xfffd) odd++;
  }
  return odd > sampleEnd / 50;
}

function withoutEmpty(evidence: BounceEvidence): BounceEvidence {
  const checks = Object.fromEntries(Object.entries(evidence.checks).filter(([, range]) => range)) as BounceEvidence['checks'];
  const rest = Object.fromEntries(Object.entries(evidence).filter(([key, range]) => key !== 'checks' && range));
  return { ...rest, checks };
}

function notABounce(reason: string): BounceReport {
  return {
    classification: 'not-a-bounce',
    provider: null,
    reportingMta: null,
    remoteMta: null,
    statusCode: null,
    enhancedStatus: null,
    clientIp: null,
    spfDomain: null,
    fromDomain: null,
    checks: { spf: 'unknown', dkim: 'unknown', dmarc: 'unknown' },
    relayHost: null,
    evidence: { checks: {} },
    reason,
  };
}
