/**
 * Receiver reply texts that report an authentication failure, as data. Each rule runs on the
 * normalised diagnostic text (see normalise.ts) and names the facts it captures with named
 * groups: `domain` (SPF domain), `ip` (the client), `fromDomain`, `spf`/`dkim`/`dmarc` (stated
 * verdicts) and `url` (a policyd-spf explanation URL, read further in read-reply.ts).
 *
 * Every pattern is linear: literal anchors, bounded character classes, no nested quantifiers.
 * `source` says where the wording was seen; wordings are matched, never produced.
 */
import type { BounceCheckResult, BounceClassification } from './types';

/** One reply wording. */
export interface ReplyRule {
  id: string;
  provider: string | null;
  pattern: RegExp;
  classification: BounceClassification;
  /** Verdicts the wording itself implies (captured verdicts override them). */
  checks?: Partial<Record<'spf' | 'dkim' | 'dmarc', BounceCheckResult>>;
  /** Broad phrase rules decide a classification but never contribute facts to another rule. */
  broad?: boolean;
  source: string;
}

const DOMAIN = '[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9])?';
const IP = '[0-9A-Fa-f][0-9A-Fa-f:.]{1,44}';
const GMAIL_ERRORS = 'https://support.google.com/a/answer/3726730';
const GMAIL_QUOTED_BY_SISIMAI = 'Gmail wordings as quoted in sisimai lib/Sisimai/Rhost/Google.pm (github.com/sisimai/p5-sisimai)';
const MS_NDR = 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';

function rx(pattern: string): RegExp {
  return new RegExp(pattern, 'id');
}

/** Rules in priority order: the first that matches decides provider and default classification. */
export const AUTHENTICATION_REPLY_RULES: readonly ReplyRule[] = [
  {
    id: 'gmail-spf-check-did-not-pass',
    provider: 'gmail',
    pattern: rx(`(?:DKIM checks (?<dkim>did not pass) and )?SPF check for \\[(?<domain>${DOMAIN})\\] did not pass with ip: \\[(?<ip>${IP})\\]`),
    classification: 'unauthenticated',
    checks: { spf: 'fail' },
    source: 'Gmail 550-5.7.26 bounce quoted at https://support.webcentral.au/docs/delivering-emails-to-gmail and in /work/shared/examples',
  },
  {
    id: 'gmail-spf-hard-fail-policy',
    provider: 'gmail',
    pattern: rx(`The MAIL FROM domain \\[(?<domain>${DOMAIN})\\] has an SPF record with a hard fail policy \\(-all\\) but it fails to pass SPF checks with the ip: \\[(?<ip>${IP})\\]`),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: 'Gmail 550-5.7.26 bounce quoted in https://github.com/ietf-tools/datatracker/issues/5677',
  },
  {
    id: 'gmail-spf-hard-fail-record',
    provider: 'gmail',
    pattern: rx('fails to pass SPF checks for an SPF record with a hard fail policy'),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: GMAIL_QUOTED_BY_SISIMAI,
  },
  {
    id: 'gmail-dmarc-policy',
    provider: 'gmail',
    pattern: rx(`Unauthenticated email from (?<fromDomain>${DOMAIN}) is not accepted due to domain's DMARC policy`),
    classification: 'dmarc',
    checks: { dmarc: 'fail' },
    source: 'Gmail 550-5.7.26 / 5.7.1 bounces quoted in https://github.com/postalserver/postal/issues/898 and https://github.com/docker-mailserver/docker-mailserver/issues/2953',
  },
  {
    id: 'gmail-auth-results-spf',
    provider: 'gmail',
    pattern: rx(`\\bSPF \\[?(?<domain>${DOMAIN})\\]? with (?:ip|IP address): \\[?(?<ip>${IP})\\]? = (?<spf>did not pass|pass)`),
    classification: 'spf',
    source: `${GMAIL_ERRORS} (421-4.7.26, 550-5.7.26 and 4.7.27 "Authentication results"), ${GMAIL_QUOTED_BY_SISIMAI}`,
  },
  {
    id: 'gmail-bulk-spf-required',
    provider: 'gmail',
    pattern: rx('\\bsenders to authenticate (?:their email )?with SPF\\b(?! or DKIM)'),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: `${GMAIL_ERRORS} (4.7.27 / 5.7.27), ${GMAIL_QUOTED_BY_SISIMAI}`,
  },
  {
    id: 'gmail-bulk-dkim-required',
    provider: 'gmail',
    pattern: rx('\\bsenders to authenticate (?:their email )?with DKIM\\b'),
    classification: 'dkim',
    checks: { dkim: 'fail' },
    source: `${GMAIL_ERRORS} (4.7.30 / 5.7.30), ${GMAIL_QUOTED_BY_SISIMAI}`,
  },
  {
    id: 'gmail-alignment',
    provider: 'gmail',
    pattern: rx("isn't aligned with either the authenticated SPF or DKIM organizational domain"),
    classification: 'dmarc',
    checks: { dmarc: 'fail' },
    source: `${GMAIL_ERRORS} (4.7.32), ${GMAIL_QUOTED_BY_SISIMAI}`,
  },
  {
    id: 'gmail-spf-suspicious-entries',
    provider: 'gmail',
    pattern: rx('The SPF record of the sending domain has one or more suspicious entries'),
    classification: 'spf',
    source: `${GMAIL_ERRORS} (4.7.24 / 5.7.24), ${GMAIL_QUOTED_BY_SISIMAI}`,
  },
  {
    id: 'yahoo-unauthenticated',
    provider: 'yahoo',
    pattern: rx('Yahoo requires all senders to authenticate with either SPF or DKIM'),
    classification: 'unauthenticated',
    source: 'Yahoo 550 5.7.9 quoted at https://www.autospf.com/blog/why-yahoo-blocks-emails-and-how-to-fix-sender-unauthenticated/ and in sisimai Rhost/YahooInc.pm (https://senders.yahooinc.com/smtp-error-codes)',
  },
  {
    id: 'yahoo-policy-reasons',
    provider: 'yahoo',
    pattern: rx('\\b5\\.7\\.9 Message not accepted for policy reasons'),
    classification: 'unauthenticated',
    source: 'https://help.yahoo.com/kb/SLN7253.html (554 5.7.9: failed DKIM, SPF or DMARC checks)',
  },
  {
    id: 'gmail-unauthenticated',
    provider: 'gmail',
    pattern: rx('\\b(?:senders|sender) (?:to|must) authenticate with (?:either SPF or DKIM|at least one of SPF or DKIM)'),
    classification: 'unauthenticated',
    source: `${GMAIL_ERRORS} (421-4.7.26 / 550-5.7.26)`,
  },
  {
    id: 'gmail-no-authentication-information',
    provider: 'gmail',
    pattern: rx('does not have authentication information or fails to pass authentication checks'),
    classification: 'unauthenticated',
    source: GMAIL_QUOTED_BY_SISIMAI,
  },
  {
    id: 'gmail-dkim-result',
    provider: 'gmail',
    pattern: rx('\\bDKIM = (?<dkim>did not pass|pass)\\b'),
    classification: 'dkim',
    source: `${GMAIL_ERRORS} ("Authentication results: DKIM = did not pass")`,
  },
  {
    id: 'microsoft-5.7.515',
    provider: 'microsoft',
    pattern: rx(`sending domain \\[?(?<fromDomain>${DOMAIN})\\]? (?:doesn't|does not) meet the required authentication level`),
    classification: 'unauthenticated',
    source: 'https://support.microsoft.com/en-au/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef',
  },
  {
    id: 'microsoft-verdicts',
    provider: 'microsoft',
    pattern: rx('\\bSpf ?= ?(?<spf>[A-Za-z]{2,14}) ?, ?Dkim ?= ?(?<dkim>[A-Za-z]{2,14}) ?, ?DMARC ?= ?(?<dmarc>[A-Za-z]{2,14})'),
    classification: 'unauthenticated',
    source: 'Outlook.com 550 5.7.515 bounce quoted in https://github.com/sisimai/go-sisimai/issues/150',
  },
  {
    id: 'microsoft-5.7.509-dmarc',
    provider: 'microsoft',
    pattern: rx(`sending domain \\[?(?<fromDomain>${DOMAIN})\\]? does not pass DMARC verification`),
    classification: 'dmarc',
    checks: { dmarc: 'fail' },
    source: `${MS_NDR} (5.7.509); wording also in https://github.com/zone-eu/zone-mta/issues/434`,
  },
  {
    id: 'microsoft-5.7.23-spf',
    provider: 'microsoft',
    pattern: rx('rejected because of Sender Policy Framework violation'),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: `${MS_NDR} (5.7.23)`,
  },
  {
    id: 'microsoft-ipv6-unsigned',
    provider: 'microsoft',
    pattern: rx('must pass either SPF or DKIM validation, this message is not signed'),
    classification: 'unauthenticated',
    checks: { dkim: 'none' },
    source: `${MS_NDR} (4.7.26 / 5.7.26 over IPv6)`,
  },
  {
    id: 'policyd-spf',
    provider: 'policyd-spf',
    pattern: rx('Message rejected due to: SPF (?<spf>fail|softfail|permerror|temperror|neutral|none)\\b[^.]{0,80}\\. Please see (?<url>\\S{1,600})'),
    classification: 'spf',
    source: 'pypolicyd-spf reply quoted in https://github.com/simple-login/app/issues/1556 and https://pastebin.com/8dwUawUy',
  },
  {
    id: 'bad-spf-records',
    provider: 'exim',
    pattern: rx(`Bad SPF records for \\[(?<domain>[A-Za-z0-9_.-]{1,253}):(?<ip>${IP})\\]`),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: 'Exim bounce from mx5.o2.pl in sisimai test data; phrase listed in sisimai lib/Sisimai/Reason/AuthFailure.pm',
  },
  {
    id: 'spf-ip-not-allowed',
    provider: 'cpanel',
    pattern: rx(`(?:\\bSPF: )?(?<ip>${IP}) is not allowed to send mail from (?<domain>${DOMAIN})`),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: 'cPanel/DirectAdmin Exim ACL text quoted at https://ventraip.com.au/faq/article/why-was-my-incoming-email-rejected-for-spf-failure/ and https://pastebin.com/kYjsmget',
  },
  {
    id: 'spf-not-allowed-per-record',
    provider: null,
    pattern: rx(`(?<ip>${IP}) is not allowed to send from <(?<domain>${DOMAIN})> per it's SPF Record`),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: 'https://github.com/sisimai/p5-sisimai/issues/467',
  },
  {
    id: 'mailchannels-spf',
    provider: 'mailchannels',
    pattern: rx('Sender prohibited by SPF'),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: 'https://github.com/justingit/dada-mail/issues/717',
  },
  {
    id: 'rackspace-dmarc',
    provider: 'rackspace',
    pattern: rx(`Email rejected per DMARC policy for (?<fromDomain>${DOMAIN})`),
    classification: 'dmarc',
    checks: { dmarc: 'fail' },
    source: 'https://github.com/ietf-tools/datatracker/issues/5677 (mx1.emailsrvr.com), https://github.com/sisimai/p5-sisimai/issues/467',
  },
  {
    id: 'symantec-spf',
    provider: 'symantec',
    pattern: rx('SPF \\(Sender Policy Framework\\) domain authentication fail'),
    classification: 'spf',
    checks: { spf: 'fail' },
    source: 'https://github.com/sisimai/p5-sisimai/issues/467',
  },
  {
    id: 'spf-phrase',
    provider: null,
    pattern: rx('(?<!\\bnot an? )\\b(?:SPF|Sender Policy Framework)\\b[^.\\n]{0,40}?\\b(?:check failed|validation failed|fail(?:ed|ure)?|hard ?fail|soft ?fail|violation|not authori[sz]ed|prohibited|did not pass)\\b'),
    classification: 'spf',
    checks: { spf: 'fail' },
    broad: true,
    source: 'generic: "550 5.7.23 SPF validation failed" (https://clients.websavers.ca/whmcs/knowledgebase/22/), Exim ACL "SPF check failed"',
  },
  {
    id: 'dmarc-phrase',
    provider: null,
    pattern: rx('\\bDMARC\\b[^.\\n]{0,40}?\\b(?:policy|fail(?:ed|ure)?|reject(?:ed)?)\\b'),
    classification: 'dmarc',
    checks: { dmarc: 'fail' },
    broad: true,
    source: 'generic',
  },
  {
    id: 'dkim-phrase',
    provider: null,
    pattern: rx('\\bDKIM\\b[^.\\n]{0,40}?\\b(?:fail(?:ed|ure)?|did not pass|invalid signature)\\b'),
    classification: 'dkim',
    checks: { dkim: 'fail' },
    broad: true,
    source: 'generic',
  },
];
