/**
 * Bounces that are NOT authentication failures, some of which look like one at first sight:
 * - `5.7.27` is Gmail's "SPF did not pass" code but also RFC 7505 §4.2 "Sender address has null
 *   MX" (and X.1.10 "Recipient address has null MX", RFC 7505 §4.1): decided by the text;
 * - "unauthenticated" and `5.7.0` appear in SMTP-AUTH refusals (`530 5.7.0 Authentication
 *   required`, RFC 4954 §6; Exchange `5.7.57`);
 * - "not authorized" and `5.7.1` appear in relay denials, blocklist (Spamhaus ...) and reputation
 *   blocks.
 * These rules only run when no authentication rule matched, in the order given.
 */
import type { BounceClassification } from './types';

/** One non-authentication bounce kind. */
export interface OtherBounceRule {
  classification: BounceClassification;
  /** Matched on the normalised diagnostic text. */
  pattern: RegExp;
  /** Enhanced status codes that mean this kind on their own (RFC 3463, RFC 7505). */
  enhancedStatuses: readonly string[];
}

export const OTHER_BOUNCE_RULES: readonly OtherBounceRule[] = [
  {
    classification: 'null-mx',
    pattern: /\bnull MX\b/id,
    enhancedStatuses: ['5.1.10'],
  },
  {
    classification: 'smtp-auth-required',
    pattern:
      /\b(?:authentication (?:is )?required|SMTP AUTH(?:entication)? (?:is )?required|client was not authenticated|must (?:be )?authenticated? (?:first|before)|sender address rejected: not logged in)\b/id,
    enhancedStatuses: ['5.7.57'],
  },
  {
    classification: 'relay-denied',
    pattern: /\b(?:relay(?:ing)? (?:access )?(?:denied|not permitted|prohibited|not allowed)|unable to relay|not permitted to relay|we do not relay|relaying to <[^>\s]{1,254}> (?:denied|not allowed))\b/id,
    enhancedStatuses: ['5.7.64'],
  },
  {
    classification: 'blocklist',
    pattern:
      /(?:\bspamhaus\b|\bblocked using\b|\bblock ?list(?:ed)?\b|\bblacklist(?:ed)?\b|\bDNSBL\b|\bRBL\b|\breputation\b|\bbanned sending ip\b|\blisted (?:at|in|on)\b|\bunsolicited mail\b|\[BL\d{2}\]|\(S3150\))/id,
    enhancedStatuses: ['5.7.606', '5.7.511'],
  },
  {
    classification: 'mailbox-full',
    pattern: /\b(?:mailbox (?:is )?full|over quota|quota exceeded|out of storage space|insufficient (?:system )?storage|too much mail data)\b/id,
    enhancedStatuses: ['5.2.2', '4.2.2'],
  },
  {
    classification: 'unknown-user',
    pattern:
      /\b(?:user unknown|unknown user|no such user|mailbox (?:not found|unavailable|does not exist)|recipient not found|address (?:does not exist|not found)|invalid recipient|does not exist)\b/id,
    enhancedStatuses: ['5.1.1'],
  },
];
