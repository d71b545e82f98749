/**
 * What an enhanced status code (RFC 3463) means, and why a bounce that is not an
 * authentication failure cannot be fixed in SPF, in English and Japanese.
 */
import type { BounceClassification } from '../readers/bounce/types';
import type { ReportLanguage } from './report-text';

type Meaning = Readonly<Record<ReportLanguage, string>>;

/** Specific codes: RFC 3463 §3, RFC 7372 §3 (email authentication), RFC 7505 §4 (null MX), RFC 4954 §6. */
const SPECIFIC: Readonly<Record<string, Meaning>> = {
  '5.1.1': { en: 'bad destination mailbox address: the recipient does not exist (RFC 3463 §3.2)', ja: '宛先メールボックスのアドレスが不正: 受信者が存在しません (RFC 3463 §3.2)' },
  '5.1.10': { en: 'the recipient domain has a null MX: it accepts no mail (RFC 7505 §4)', ja: '宛先ドメインは null MX: メールを一切受け付けません (RFC 7505 §4)' },
  '5.2.2': { en: 'mailbox full (RFC 3463 §3.3)', ja: 'メールボックスが満杯です (RFC 3463 §3.3)' },
  '4.2.2': { en: 'mailbox full, try again later (RFC 3463 §3.3)', ja: 'メールボックスが満杯です。後で再送されます (RFC 3463 §3.3)' },
  '5.7.0': { en: 'other security or policy status (RFC 3463 §3.8)', ja: 'その他のセキュリティまたはポリシー上の理由 (RFC 3463 §3.8)' },
  '5.7.1': { en: 'delivery not authorised, message refused by policy (RFC 3463 §3.8)', ja: '配送が許可されていません: ポリシーにより拒否されました (RFC 3463 §3.8)' },
  '5.7.8': { en: 'authentication credentials invalid (RFC 4954 §6)', ja: '認証情報が無効です (RFC 4954 §6)' },
  '5.7.20': { en: 'no passing DKIM signature found (RFC 7372 §3.1)', ja: '有効な DKIM 署名がありません (RFC 7372 §3.1)' },
  '5.7.21': { en: 'no acceptable DKIM signature found (RFC 7372 §3.1)', ja: '受け入れ可能な DKIM 署名がありません (RFC 7372 §3.1)' },
  '5.7.22': { en: 'no valid author-matched DKIM signature found (RFC 7372 §3.1)', ja: '作成者と一致する有効な DKIM 署名がありません (RFC 7372 §3.1)' },
  '5.7.23': { en: 'SPF validation failed (RFC 7372 §3.2)', ja: 'SPF の検証に失敗しました (RFC 7372 §3.2)' },
  '5.7.24': { en: 'SPF validation error: the record could not be evaluated (RFC 7372 §3.2)', ja: 'SPF の検証エラー: レコードを評価できませんでした (RFC 7372 §3.2)' },
  '5.7.25': { en: 'reverse DNS validation failed (RFC 7372 §3.3)', ja: '逆引き DNS の検証に失敗しました (RFC 7372 §3.3)' },
  '5.7.26': { en: 'multiple authentication checks failed (RFC 7372 §3.4): Gmail uses it when neither SPF nor DKIM passed', ja: '複数の認証検査に失敗しました (RFC 7372 §3.4): Gmail は SPF と DKIM のどちらも成功しなかったときに使います' },
  '5.7.27': { en: 'the sender address has a null MX (RFC 7505 §4)', ja: '送信者アドレスのドメインが null MX です (RFC 7505 §4)' },
};

/** The class digit (RFC 3463 §3.1). */
const CLASSES: Readonly<Record<string, Meaning>> = {
  '4': { en: 'persistent transient failure: the sender will retry', ja: '一時的な失敗: 送信側が再送します' },
  '5': { en: 'permanent failure: the message was not delivered', ja: '恒久的な失敗: メールは配送されませんでした' },
};

/** The subject digit (RFC 3463 §3.2–§3.8). */
const SUBJECTS: Readonly<Record<string, Meaning>> = {
  '1': { en: 'addressing', ja: 'アドレス' },
  '2': { en: 'mailbox', ja: 'メールボックス' },
  '3': { en: 'mail system', ja: 'メールシステム' },
  '4': { en: 'network and routing', ja: 'ネットワークと経路' },
  '5': { en: 'mail delivery protocol', ja: '配送プロトコル' },
  '6': { en: 'message content or media', ja: 'メッセージの内容' },
  '7': { en: 'security or policy', ja: 'セキュリティまたはポリシー' },
};

/** The meaning of an enhanced status code such as `5.7.26`, in `language`. */
export function enhancedStatusMeaning(code: string, language: ReportLanguage): string {
  const specific = SPECIFIC[code];
  if (specific) return specific[language];
  const [klass, subject] = code.split('.');
  const parts = [CLASSES[klass]?.[language], SUBJECTS[subject]?.[language]].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? `${parts.join(language === 'ja' ? '、' : ', ')} (RFC 3463 §3)` : code;
}

/** Why each bounce that is not an authentication failure cannot be fixed in SPF. */
const TRAPS: Readonly<Partial<Record<BounceClassification, Meaning>>> = {
  'unknown-user': { en: 'The recipient address does not exist at the receiver: check the address (SPF is not involved)', ja: '受信側に宛先アドレスが存在しません。アドレスを確認してください (SPF は関係ありません)' },
  'mailbox-full': { en: 'The recipient\'s mailbox is full: try again later or reach them another way (SPF is not involved)', ja: '受信者のメールボックスが満杯です。時間をおいて送るか、別の方法で連絡してください (SPF は関係ありません)' },
  'null-mx': { en: 'The recipient domain publishes a null MX (RFC 7505): it accepts no mail at all (SPF is not involved)', ja: '宛先ドメインは null MX (RFC 7505) を公開しており、メールを一切受け付けません (SPF は関係ありません)' },
  blocklist: { en: 'The sending IP or domain is on a blocklist or has a poor reputation: ask for delisting and check the sender\'s reputation (SPF is not involved)', ja: '送信元の IP またはドメインがブロックリストに載っているか、評価が低くなっています。解除を依頼し、送信元の評価を確認してください (SPF は関係ありません)' },
  'relay-denied': { en: 'The server refused to relay: the sender may not send through it; authenticate or use the right outgoing server (SPF is not involved)', ja: 'サーバーが中継を拒否しました。送信者はこのサーバーを経由できません。認証するか正しい送信サーバーを使ってください (SPF は関係ありません)' },
  'smtp-auth-required': { en: 'The server requires SMTP authentication (RFC 4954) before it accepts mail: configure the mail client\'s login (SPF is not involved)', ja: 'サーバーはメールを受け付ける前に SMTP 認証 (RFC 4954) を求めています。メールソフトのログイン設定を確認してください (SPF は関係ありません)' },
  other: { en: 'The receiver refused the message for a reason other than SPF, DKIM or DMARC', ja: '受信側は SPF・DKIM・DMARC 以外の理由でメールを拒否しました' },
};

/** Why a bounce of `classification` is not an SPF problem, in `language`. */
export function trapExplanation(classification: BounceClassification, language: ReportLanguage): string {
  return (TRAPS[classification] ?? TRAPS.other ?? { en: '', ja: '' })[language];
}
