/**
 * Mail services that relay mail for customers' domains: how to recognise their sending hosts
 * (relay host names and PTR names) and the SPF `include:` each documents (RFC 7208 §5.2).
 *
 * `confidence: 'confirmed'` means the include (or host name) was seen in the provider's own help
 * page or in a published record quoted publicly while this table was written; `'unconfirmed'`
 * entries name the provider's SPF help page but were not checked: verify before relying on them.
 * `include: null` means the service documents no shared include (account- or region-specific, or
 * none at all); the fix loop then offers `ip4:`/`a:` instead.
 */
import type { MailService } from './mail-services';

const suffix = (value: string) => ({ suffix: value });
const regex = (value: RegExp) => ({ regex: value });

export const MAIL_SERVICES: readonly MailService[] = [
  { id: 'google-workspace', name: 'Google Workspace / Gmail', include: '_spf.google.com', hostPatterns: [suffix('.google.com'), suffix('.googlemail.com')], source: 'https://support.google.com/a/answer/10683907', confidence: 'confirmed' },
  { id: 'microsoft-365', name: 'Microsoft 365 / Exchange Online', include: 'spf.protection.outlook.com', hostPatterns: [suffix('.outbound.protection.outlook.com'), suffix('.prod.outlook.com')], source: 'https://learn.microsoft.com/en-us/defender-office-365/email-authentication-spf-configure', confidence: 'confirmed' },
  { id: 'amazon-ses', name: 'Amazon SES (custom MAIL FROM domain)', include: 'amazonses.com', hostPatterns: [suffix('.amazonses.com')], source: 'https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-spf.html', confidence: 'unconfirmed', note: 'Only for a custom MAIL FROM domain; the default MAIL FROM is amazonses.com itself.' },
  { id: 'sendgrid', name: 'Twilio SendGrid', include: 'sendgrid.net', hostPatterns: [suffix('.sendgrid.net')], source: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/spf-records', confidence: 'confirmed' },
  { id: 'mailgun', name: 'Mailgun', include: 'mailgun.org', hostPatterns: [suffix('.mailgun.net'), suffix('.mailgun.org')], source: 'https://documentation.mailgun.com/docs/mailgun/user-manual/domains/domains-verify', confidence: 'unconfirmed' },
  { id: 'mailchimp', name: 'Mailchimp', include: 'servers.mcsv.net', hostPatterns: [suffix('.mcsv.net'), suffix('.rsgsv.net')], source: 'https://mailchimp.com/help/set-up-email-domain-authentication/', confidence: 'confirmed' },
  { id: 'mandrill', name: 'Mandrill (Mailchimp Transactional)', include: 'spf.mandrillapp.com', hostPatterns: [suffix('.mandrillapp.com')], source: 'https://mailchimp.com/developer/transactional/docs/authentication-delivery/', confidence: 'confirmed' },
  { id: 'postmark', name: 'Postmark', include: 'spf.mtasv.net', hostPatterns: [suffix('.mtasv.net')], source: 'https://postmarkapp.com/support/article/1092-how-do-i-set-up-spf-for-postmark', confidence: 'unconfirmed' },
  { id: 'sparkpost', name: 'SparkPost (Bird)', include: '_spf.sparkpostmail.com', hostPatterns: [suffix('.sparkpostmail.com')], source: 'https://support.sparkpost.com/docs/getting-started/setting-up-domains', confidence: 'unconfirmed' },
  { id: 'zoho', name: 'Zoho Mail', include: 'zoho.com', hostPatterns: [suffix('.zoho.com'), suffix('.zohomail.com')], source: 'https://www.zoho.com/mail/help/adminconsole/spf-configuration.html', confidence: 'unconfirmed' },
  { id: 'zoho-jp', name: 'Zoho Mail (Japan data centre)', include: 'zoho.jp', hostPatterns: [suffix('.zoho.jp')], source: 'https://www.zoho.com/jp/mail/help/adminconsole/spf-configuration.html', confidence: 'unconfirmed' },
  { id: 'salesforce', name: 'Salesforce', include: '_spf.salesforce.com', hostPatterns: [suffix('.salesforce.com')], source: 'https://help.salesforce.com/s/articleView?id=sf.emailadmin_spf_records.htm', confidence: 'unconfirmed' },
  { id: 'hubspot', name: 'HubSpot', include: null, hostPatterns: [suffix('.hubspotemail.net'), suffix('.hubspot.net')], source: 'https://knowledge.hubspot.com/marketing-email/manage-email-authentication-in-hubspot', confidence: 'unconfirmed', note: 'The include is account-specific; HubSpot shows it in its domain settings.' },
  { id: 'zendesk', name: 'Zendesk', include: 'mail.zendesk.com', hostPatterns: [suffix('.zendesk.com')], source: 'https://support.zendesk.com/hc/en-us/articles/4408832543770', confidence: 'confirmed' },
  { id: 'xserver', name: 'XSERVER / XSERVER Business', include: 'spf.sender.xserver.jp', hostPatterns: [regex(/^sv\d{1,6}\.xserver\.jp$/), regex(/^sv\d{1,6}\.xbiz\.ne\.jp$/), suffix('.sender.xserver.jp')], source: 'https://www.xserver.ne.jp/manual/man_mail_spf.php', confidence: 'confirmed' },
  { id: 'sakura', name: 'さくらのレンタルサーバ / さくらのメールボックス', include: null, hostPatterns: [regex(/^www\d{1,6}\.sakura\.ne\.jp$/)], source: 'https://help.sakura.ad.jp/rs/2229/', confidence: 'unconfirmed', note: 'No include of its own: authorise the server with a:wwwNNNN.sakura.ne.jp or its ip4.' },
  { id: 'conoha', name: 'ConoHa WING', include: '_spf.conoha.ne.jp', hostPatterns: [suffix('.conoha.ne.jp'), suffix('.conoha.io')], source: 'https://support.conoha.jp/w/spf/', confidence: 'unconfirmed' },
  { id: 'lolipop', name: 'ロリポップ！ (Lolipop)', include: '_spf.lolipop.jp', hostPatterns: [suffix('.lolipop.jp')], source: 'https://lolipop.jp/manual/user/spf/', confidence: 'unconfirmed' },
  { id: 'onamae', name: 'お名前.com (Onamae.com) mail', include: '_spf.onamae.ne.jp', hostPatterns: [suffix('.onamae.ne.jp'), suffix('.onamae.com')], source: 'https://help.onamae.com/answer/7883', confidence: 'unconfirmed' },
  { id: 'kagoya', name: 'KAGOYA', include: 'kagoya.net', hostPatterns: [suffix('.kagoya.net')], source: 'https://support.kagoya.jp/kir/manual/mail/spf.html', confidence: 'unconfirmed' },
  { id: 'heteml', name: 'ヘテムル (heteml)', include: '_spf.heteml.jp', hostPatterns: [suffix('.heteml.jp'), suffix('.heteml.net')], source: 'https://support.heteml.jp/hc/ja/articles/360041679414', confidence: 'confirmed' },
  { id: 'godaddy', name: 'GoDaddy email / hosting', include: 'secureserver.net', hostPatterns: [suffix('.secureserver.net')], source: 'https://jp.godaddy.com/help/add-an-spf-record-19218', confidence: 'confirmed' },
  { id: 'haihaimail', name: '配配メール (haihaimail)', include: 'spf.haihaimail.jp', hostPatterns: [suffix('.haihaimail.jp')], source: 'https://support.haihaimail.jp/arrivalimprovement/spfset/', confidence: 'confirmed' },
  { id: 'brevo', name: 'Brevo (Sendinblue)', include: 'spf.brevo.com', hostPatterns: [suffix('.brevo.com'), suffix('.sendinblue.com')], source: 'https://help.brevo.com/hc/en-us/articles/12163873383186', confidence: 'unconfirmed' },
  { id: 'mailjet', name: 'Mailjet', include: 'spf.mailjet.com', hostPatterns: [suffix('.mailjet.com')], source: 'https://documentation.mailjet.com/hc/en-us/articles/360042412734', confidence: 'unconfirmed' },
  { id: 'mimecast', name: 'Mimecast', include: null, hostPatterns: [suffix('.mimecast.com'), suffix('.mimecast-offshore.com')], source: 'https://community.mimecast.com/s/article/Implementing-SPF-Records', confidence: 'unconfirmed', note: 'The include is region-specific (for example eu._netblocks.mimecast.com).' },
  { id: 'proofpoint', name: 'Proofpoint', include: null, hostPatterns: [suffix('.pphosted.com'), suffix('.ppe-hosted.com')], source: 'https://help.proofpoint.com/Proofpoint_Essentials/Email_Security/Administrator_Topics/000_gettingstarted/SPF_records', confidence: 'unconfirmed', note: 'Customer- or region-specific; Proofpoint Essentials documents an a: mechanism.' },
  { id: 'fastmail', name: 'Fastmail', include: 'spf.messagingengine.com', hostPatterns: [suffix('.messagingengine.com'), suffix('.fastmail.com')], source: 'https://www.fastmail.help/hc/en-us/articles/360060591153', confidence: 'unconfirmed' },
  { id: 'icloud', name: 'iCloud Mail (custom domain)', include: 'icloud.com', hostPatterns: [suffix('.icloud.com'), suffix('.me.com')], source: 'https://support.apple.com/en-us/102374', confidence: 'unconfirmed' },
  { id: 'yahoo', name: 'Yahoo Mail', include: '_spf.mail.yahoo.com', hostPatterns: [suffix('.yahoo.com'), suffix('.yahoodns.net')], source: 'https://senders.yahooinc.com/best-practices/', confidence: 'unconfirmed' },
  { id: 'freshdesk', name: 'Freshdesk', include: 'email.freshdesk.com', hostPatterns: [suffix('.freshdesk.com'), suffix('.freshemail.io')], source: 'https://support.freshdesk.com/support/solutions/articles/43170', confidence: 'unconfirmed' },
  { id: 'intercom', name: 'Intercom', include: null, hostPatterns: [suffix('.intercom-mail.com'), suffix('.intercom.io')], source: 'https://www.intercom.com/help/en/articles/182-set-up-your-email-domain', confidence: 'unconfirmed', note: 'Intercom authenticates through a custom sending domain (CNAME records).' },
  { id: 'klaviyo', name: 'Klaviyo', include: null, hostPatterns: [suffix('.klaviyomail.com'), suffix('.klaviyodns.com')], source: 'https://help.klaviyo.com/hc/en-us/articles/115000357732', confidence: 'unconfirmed', note: 'SPF is handled on a Klaviyo-managed sending subdomain (CNAME), not by an include on yours.' },
  { id: 'constant-contact', name: 'Constant Contact', include: 'spf.constantcontact.com', hostPatterns: [suffix('.constantcontact.com'), suffix('.ccsend.com')], source: 'https://knowledgebase.constantcontact.com/articles/KnowledgeBase/5932', confidence: 'unconfirmed' },
  { id: 'sendpulse', name: 'SendPulse', include: 'mxsspf.sendpulse.com', hostPatterns: [suffix('.sendpulse.com')], source: 'https://sendpulse.com/knowledge-base/email-service/authentication/spf', confidence: 'unconfirmed' },
  { id: 'mailersend', name: 'MailerSend', include: '_spf.mailersend.net', hostPatterns: [suffix('.mailersend.net')], source: 'https://www.mailersend.com/help/how-to-verify-and-authenticate-a-sending-domain', confidence: 'unconfirmed' },
  { id: 'resend', name: 'Resend', include: 'amazonses.com', hostPatterns: [suffix('.resend.com'), suffix('.resend.dev')], source: 'https://resend.com/docs/dashboard/domains/introduction', confidence: 'unconfirmed', note: 'Resend sends through Amazon SES on a send. subdomain it asks you to create.' },
  { id: 'customer-io', name: 'Customer.io', include: null, hostPatterns: [suffix('.customeriomail.com')], source: 'https://docs.customer.io/journeys/email-authentication/', confidence: 'unconfirmed', note: 'Authenticates through a custom bounce/MAIL FROM subdomain.' },
  { id: 'mailchannels', name: 'MailChannels', include: 'relay.mailchannels.net', hostPatterns: [suffix('.mailchannels.net')], source: 'https://support.mailchannels.com/hc/en-us/articles/200262610', confidence: 'unconfirmed' },
];
