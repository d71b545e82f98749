/**
 * What a bounce tells the analysis: which client IP was refused for which SPF domain, which
 * checks failed, and the sending host (to recognise a mail service). Attached to an analysis as
 * `settings.bounce` (see {@link attachBounce}).
 */
import type { BounceCheckResult, BounceReport } from '../../readers/bounce/types';
import { normalizeName } from '../../dns/resolver';
import type { AnalysisSettings } from '../rule-api';

/** The bounce facts the DNS rules use. */
export interface BounceContext {
  /** The SMTP client's address as the receiver saw it. */
  clientIp: string;
  /** The domain SPF was checked for (MAIL FROM domain or HELO name). */
  spfDomain: string;
  /** The header From domain, for DMARC alignment (RFC 7489 §3.1.2). */
  fromDomain?: string;
  checks: { spf: BounceCheckResult; dkim: BounceCheckResult; dmarc: BounceCheckResult };
  /** Host name of the sending client (`sv1234.xserver.jp`), when the bounce names it. */
  relayHost?: string;
  /** Who wrote the bounce (`gmail`, `microsoft`…), for fix titles. */
  provider?: string;
  /** The client's PTR name, when known. */
  ptrName?: string;
}

/**
 * The bounce context of a read bounce, or undefined when it lacks the client IP or SPF domain
 * (then no verdict can be computed).
 */
export function bounceContextFrom(report: BounceReport, extras: { ptrName?: string } = {}): BounceContext | undefined {
  if (!report.clientIp || !report.spfDomain) return undefined;
  const context: BounceContext = { clientIp: report.clientIp, spfDomain: normalizeName(report.spfDomain), checks: { ...report.checks } };
  if (report.fromDomain) context.fromDomain = normalizeName(report.fromDomain);
  if (report.relayHost) context.relayHost = normalizeName(report.relayHost);
  if (report.provider) context.provider = report.provider;
  if (extras.ptrName) context.ptrName = normalizeName(extras.ptrName);
  return context;
}

/** Settings with a bounce attached: the DNS analysis then evaluates that IP on the draft (SPF026). */
export function attachBounce<T extends AnalysisSettings>(settings: T, bounce: BounceContext | BounceReport): T {
  const context = 'evidence' in bounce ? bounceContextFrom(bounce) : bounce;
  return context ? { ...settings, bounce: context } : settings;
}

/** Display names of bounce providers, for fix titles ("from the Gmail bounce"). */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  gmail: 'Gmail',
  microsoft: 'Microsoft',
  yahoo: 'Yahoo',
  'policyd-spf': 'policyd-spf',
  exim: 'Exim',
  sendmail: 'Sendmail',
  postfix: 'Postfix',
};

/** "Gmail", or the provider id as given, or "the" when unknown ("the bounce"). */
export function providerName(bounce: BounceContext): string | undefined {
  if (!bounce.provider) return undefined;
  return PROVIDER_NAMES[bounce.provider] ?? bounce.provider;
}

/**
 * RFC 7489 §3.1.2 relaxed alignment, approximated without the Public Suffix List: the SPF domain
 * and the From domain are the same, or one is a subdomain of the other. Two sibling subdomains
 * of one organisational domain are reported as "not known to be aligned".
 */
export function isAlignedWithFrom(bounce: BounceContext): boolean | undefined {
  if (!bounce.fromDomain) return undefined;
  const spf = bounce.spfDomain;
  const from = bounce.fromDomain;
  return spf === from || spf.endsWith(`.${from}`) || from.endsWith(`.${spf}`);
}
