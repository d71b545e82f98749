/**
 * The words of SPF Doctor's reports (bounce, record, domain and include-tree reports) in
 * English and Japanese. Templates take `{name}` placeholders (see `formatMessage`); every
 * language has the same keys and placeholders (checked by a unit test).
 */
import { formatMessage } from '../analyzer/types';

/** Languages a report can be written in. */
export type ReportLanguage = 'en' | 'ja';

/** The report language for a BCP 47 locale (VS Code's display language): `ja…` → `ja`, else `en`. */
export function reportLanguageFor(locale: string): ReportLanguage {
  return /^ja(?:-|_|$)/i.test(locale) ? 'ja' : 'en';
}

export const REPORT_TEXT_EN = {
  bounceTitle: 'SPF Doctor: bounce report',
  recordTitle: 'SPF Doctor: record report',
  domainTitle: 'SPF Doctor: {domain}',
  treeTitle: 'SPF Doctor: include tree of {domain}',
  whoRejected: 'Who rejected the mail',
  receiver: 'Receiver',
  reportedBy: 'Reported by',
  status: 'Status',
  statusUnknown: 'no enhanced status code (RFC 3463) in the bounce',
  sender: 'The sender',
  clientIp: 'Client IP',
  clientIpNote: 'the sending server, as the receiver saw it',
  spfDomain: 'SPF domain',
  fromDomain: 'From domain',
  sendingHost: 'Sending host',
  evidence: 'Evidence (lines of the bounce)',
  checks: 'Which checks failed',
  check: 'Check',
  result: 'Result',
  notStated: 'not stated',
  whatFailed: 'What the receiver says',
  currentRecord: 'Current record of {domain}',
  recordInFile: 'In {link}.',
  recordFromDns: 'From DNS. An untitled zone snippet with this record is open beside the report: apply the quick fix there, then run **SPF Doctor: Copy Fixed Record** and paste the value into your DNS provider\'s panel.',
  recordFromDnsNoSnippet: 'From DNS.',
  verdict: 'Verdict',
  verdictLine: '{ip} gets **{result}** from {term} for {domain}: {why}',
  verdictNoTerm: '{ip} gets **{result}** for {domain}: {why}',
  noMechanism: 'no mechanism before it authorises this IP',
  counters: 'DNS lookups: {lookups}/{limit}, void lookups: {voids}/{voidLimit} (RFC 7208 §4.6.4).',
  incomplete: 'Cannot verify: {names} could not be resolved, so SPF Doctor does not guess a result (a failed query is temperror, RFC 7208 §2.6.6).',
  alreadyPasses: 'The current record already authorises this IP: the record the receiver saw may be older (wait for the TTL), or SPF was checked for another domain.',
  whatToDo: 'What to do',
  fix: 'Fix: {title}',
  offeredFix: 'Offered fix (review it first): {title}',
  fixedRecord: 'Record after the fix:',
  fixInEditor: 'The record in the editor shows this as diagnostic SPF026 with the quick fix (the lightbulb).',
  noFix: 'No fix could be proven for this record.',
  alternatives: 'Alternatives',
  notSpfTitle: 'This is not an SPF problem',
  trap: '{explanation}. No SPF change will fix this bounce.',
  missingFacts: 'The bounce does not name {missing}: no verdict can be computed. Select the whole bounce, including the receiver\'s reply.',
  missingIp: 'the client IP',
  missingDomain: 'the SPF domain',
  noRecord: 'The record of {domain} could not be found: {detail}',
  noRecordHint: 'Open the zone file of {domain} in this workspace, or allow live DNS, then run the command again.',
  dns: 'DNS',
  dnsLive: 'Live DNS was used for names outside this workspace\'s zone files.',
  dnsUntrusted: 'No DNS query was sent: this workspace is not trusted (Restricted Mode). Trust the workspace to let SPF Doctor look up records.',
  dnsDisabled: 'No DNS query was sent: live DNS is off (setting `spfDoctor.dns.enabled`).',
  rememberedSender: 'SPF Doctor remembers {ip} for {domain} in this workspace: the record\'s diagnostics say whether it is authorised. Run **SPF Doctor: Forget Bounced Senders** to clear.',
  findings: 'Findings',
  noFindings: 'No problems found.',
  findingLine: '{severity} {code}: {message}',
  record: 'Record',
  lookupTree: 'Include tree',
  treeTotals: 'Total: {lookups}/{limit} DNS lookups, {voids}/{voidLimit} void lookups.',
  treeIncomplete: 'Incomplete, the totals are lower bounds: {reasons}.',
  treeUnresolved: 'Could not be resolved: {names}.',
  treeNoDomain: 'The record has no owner name, so its include tree cannot be walked: use **SPF Doctor: Check Domain…** with the domain.',
  treeLookups: '{lookups} lookup(s)',
  treeVoid: '{voids} void',
  treeStatus: 'record: {status}',
  noSpfRecord: '{domain} publishes no SPF record: {detail}',
  verdictFor: 'Verdict for {ip}',
  noIpGiven: 'No IP address given: only the record and its include tree are shown.',
  severity_error: 'Error',
  severity_warning: 'Warning',
  severity_info: 'Info',
  severity_hint: 'Hint',
  line: 'line {line}',
} as const;

/** A report template's key. */
export type ReportTextKey = keyof typeof REPORT_TEXT_EN;

export const REPORT_TEXT_JA: Readonly<Record<ReportTextKey, string>> = {
  bounceTitle: 'SPF Doctor: バウンスのレポート',
  recordTitle: 'SPF Doctor: レコードのレポート',
  domainTitle: 'SPF Doctor: {domain}',
  treeTitle: 'SPF Doctor: {domain} の include ツリー',
  whoRejected: 'メールを拒否したサーバー',
  receiver: '受信側',
  reportedBy: '報告したサーバー',
  status: 'ステータス',
  statusUnknown: 'バウンスに拡張ステータスコード (RFC 3463) がありません',
  sender: '送信元',
  clientIp: 'クライアント IP',
  clientIpNote: '受信側から見た送信サーバー',
  spfDomain: 'SPF ドメイン',
  fromDomain: 'From ドメイン',
  sendingHost: '送信ホスト',
  evidence: '根拠 (バウンスの該当行)',
  checks: '失敗した検査',
  check: '検査',
  result: '結果',
  notStated: '記載なし',
  whatFailed: '受信側の説明',
  currentRecord: '{domain} の現在のレコード',
  recordInFile: '{link} にあります。',
  recordFromDns: 'DNS から取得しました。このレコードを含む無題のゾーンスニペットをレポートの横に開いています。そこでクイックフィックスを適用し、**SPF Doctor: 修正済みレコードをコピー** を実行して、値を DNS 事業者の管理画面に貼り付けてください。',
  recordFromDnsNoSnippet: 'DNS から取得しました。',
  verdict: '判定',
  verdictLine: '{ip} は {domain} に対して {term} により **{result}** になります: {why}',
  verdictNoTerm: '{ip} は {domain} に対して **{result}** になります: {why}',
  noMechanism: 'それより前のどのメカニズムもこの IP を許可していません',
  counters: 'DNS 参照: {lookups}/{limit}、結果なしの参照: {voids}/{voidLimit} (RFC 7208 §4.6.4)。',
  incomplete: '検証できません: {names} を解決できなかったため、SPF Doctor は結果を推測しません (失敗した問い合わせは temperror、RFC 7208 §2.6.6)。',
  alreadyPasses: '現在のレコードはすでにこの IP を許可しています。受信側が見たレコードが古い (TTL の経過を待つ) か、別のドメインで SPF が検査された可能性があります。',
  whatToDo: '対処方法',
  fix: '修正: {title}',
  offeredFix: '提案 (適用前に確認してください): {title}',
  fixedRecord: '修正後のレコード:',
  fixInEditor: 'エディター上のレコードには診断 SPF026 とクイックフィックス (電球) が表示されます。',
  noFix: 'このレコードに対して証明できる修正はありません。',
  alternatives: 'ほかの方法',
  notSpfTitle: 'これは SPF の問題ではありません',
  trap: '{explanation}。SPF を変更してもこのバウンスは解決しません。',
  missingFacts: 'バウンスに {missing} が書かれていないため、判定できません。受信側の応答を含めてバウンス全体を選択してください。',
  missingIp: 'クライアント IP',
  missingDomain: 'SPF ドメイン',
  noRecord: '{domain} のレコードが見つかりません: {detail}',
  noRecordHint: 'このワークスペースで {domain} のゾーンファイルを開くか、DNS 参照を許可してから、もう一度コマンドを実行してください。',
  dns: 'DNS',
  dnsLive: 'ワークスペースのゾーンファイル以外の名前は DNS で参照しました。',
  dnsUntrusted: 'DNS の問い合わせは送信していません: このワークスペースは信頼されていません (制限モード)。レコードを参照するにはワークスペースを信頼してください。',
  dnsDisabled: 'DNS の問い合わせは送信していません: DNS 参照がオフです (設定 `spfDoctor.dns.enabled`)。',
  rememberedSender: 'SPF Doctor はこのワークスペースで {domain} の {ip} を記憶しました。レコードの診断で許可されているかどうかがわかります。消去するには **SPF Doctor: バウンスした送信元を消去** を実行してください。',
  findings: '検出された問題',
  noFindings: '問題は見つかりませんでした。',
  findingLine: '{severity} {code}: {message}',
  record: 'レコード',
  lookupTree: 'include ツリー',
  treeTotals: '合計: DNS 参照 {lookups}/{limit}、結果なしの参照 {voids}/{voidLimit}。',
  treeIncomplete: '不完全なため、合計は下限です: {reasons}。',
  treeUnresolved: '解決できませんでした: {names}。',
  treeNoDomain: 'レコードに所有者名がないため include ツリーをたどれません。ドメインを指定して **SPF Doctor: ドメインを確認…** を使ってください。',
  treeLookups: '参照 {lookups} 回',
  treeVoid: '結果なし {voids} 回',
  treeStatus: 'レコード: {status}',
  noSpfRecord: '{domain} は SPF レコードを公開していません: {detail}',
  verdictFor: '{ip} の判定',
  noIpGiven: 'IP アドレスが指定されていないため、レコードと include ツリーのみを表示します。',
  severity_error: 'エラー',
  severity_warning: '警告',
  severity_info: '情報',
  severity_hint: 'ヒント',
  line: '{line} 行目',
};

/** Every catalog by language (exported for the consistency test). */
export const REPORT_CATALOGS: Readonly<Record<ReportLanguage, Readonly<Record<ReportTextKey, string>>>> = { en: REPORT_TEXT_EN, ja: REPORT_TEXT_JA };

/** Looks up a template and fills its placeholders. */
export type ReportTranslate = (key: ReportTextKey, args?: Record<string, string | number>) => string;

/** A {@link ReportTranslate} for `language`. */
export function reportTranslator(language: ReportLanguage): ReportTranslate {
  const catalog = REPORT_CATALOGS[language];
  return (key, args = {}) => formatMessage(catalog[key], args);
}
