/** The shape of what {@link readBounce} reports about a bounce message. */
import type { BounceEvidenceRange } from './text-map';

/**
 * Why the message bounced. The first four are authentication failures:
 * - `spf`: SPF did not pass (and DKIM was not reported as failing too);
 * - `dkim`: DKIM did not pass while SPF was not reported as failing;
 * - `dmarc`: DMARC policy or alignment (RFC 7489) failed;
 * - `unauthenticated`: neither SPF nor DKIM passed, or the receiver only said "unauthenticated".
 * The rest are other bounces that an SPF change cannot fix. `not-a-bounce` means the input holds
 * no bounce at all (see `reason`).
 */
export type BounceClassification =
  | 'spf'
  | 'dkim'
  | 'dmarc'
  | 'unauthenticated'
  | 'unknown-user'
  | 'mailbox-full'
  | 'null-mx'
  | 'blocklist'
  | 'relay-denied'
  | 'smtp-auth-required'
  | 'other'
  | 'not-a-bounce';

/** The authentication classifications (where an SPF, DKIM or DMARC change may help). */
export const AUTHENTICATION_CLASSIFICATIONS: readonly BounceClassification[] = ['spf', 'dkim', 'dmarc', 'unauthenticated'];

/**
 * A check's verdict as the bounce states it. `softfail` and `none` are used where the receiver
 * says so; SPF `permerror` counts as `fail` (RFC 7489 §4.2 treats it as not passing) and
 * `temperror` as `unknown`.
 */
export type BounceCheckResult = 'pass' | 'fail' | 'softfail' | 'none' | 'unknown';

/** The facts of a report that carry evidence. */
export type BounceFactName =
  | 'classification'
  | 'provider'
  | 'reportingMta'
  | 'remoteMta'
  | 'statusCode'
  | 'enhancedStatus'
  | 'clientIp'
  | 'spfDomain'
  | 'fromDomain'
  | 'relayHost';

/** Where each fact came from, as ranges of the original input text. */
export type BounceEvidence = { [K in BounceFactName]?: BounceEvidenceRange } & {
  checks: { spf?: BounceEvidenceRange; dkim?: BounceEvidenceRange; dmarc?: BounceEvidenceRange };
};

/** What a bounce says, for the bounce → fix loop. Missing facts are `null`. */
export interface BounceReport {
  classification: BounceClassification;
  /** Who wrote the reply text: `gmail`, `microsoft`, `yahoo`, `policyd-spf`, `exim`, ... */
  provider: string | null;
  /** The MTA that wrote the report (RFC 3464 §2.2.2 Reporting-MTA, or Postfix's "at host X"). */
  reportingMta: string | null;
  /** The receiving MTA that refused the message (RFC 3464 §2.3.5 Remote-MTA, "host X[ip] said"). */
  remoteMta: string | null;
  /** The SMTP reply code, e.g. `550`. */
  statusCode: string | null;
  /** The enhanced status code (RFC 3463), e.g. `5.7.26`. */
  enhancedStatus: string | null;
  /** The sending client's address as the receiver saw it (never the receiver's own MX). */
  clientIp: string | null;
  /** The domain SPF was checked for: MAIL FROM domain, or the HELO name (RFC 7208 §2.3, §2.4). */
  spfDomain: string | null;
  /** The header From domain (RFC 5322), the one DMARC aligns with. */
  fromDomain: string | null;
  checks: { spf: BounceCheckResult; dkim: BounceCheckResult; dmarc: BounceCheckResult };
  /** Host name of the sending client, used to guess the mail service (see `findMailService`). */
  relayHost: string | null;
  evidence: BounceEvidence;
  /** Only for `not-a-bounce`: why, in plain words. */
  reason?: string;
}
