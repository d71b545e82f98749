/**
 * Japanese templates of the analyzer's messages, by message id (see `messageCatalog()`).
 * Each template has exactly the `{name}` placeholders of its English original (a unit test
 * checks this for every id). Written for mail administrators: SPF terms stay as written in the
 * record (include, redirect=, ~all), RFC sections are cited as in English.
 */
export const JA_MESSAGES: Readonly<Record<string, string>> = {
  'SPF000.ruleFailure': 'このレコードでルール {code} を最後まで実行できませんでした（SPF Doctor の不具合です。報告をお願いします）: {error}',
  'bounce.sourceNamed': '{provider} のバウンス',
  'bounce.sourceUnnamed': 'バウンス',

  'SPF001.syntaxError': '"{term}" に構文エラーがあります: {reason}。受信側はレコード全体を壊れたものとして扱う（permerror、RFC 7208 §4.6）ため、このドメインのすべてのメールで SPF が失敗します。',
  'SPF001.duplicateModifier': '"{name}=" が複数回書かれています。RFC 7208 §6 では redirect= と exp= はそれぞれ 1 回までなので、受信側はレコード全体に permerror を返します。',
  'SPF001.removeDuplicate': '重複した "{term}" を削除',
  'SPF001.firstOccurrence': '最初の "{name}=" はここです',

  'SPF002.unknownMechanism': '"{term}" の "{name}" は未知のメカニズムです。RFC 7208 §5 が定めるのは all、include、a、mx、ptr、ip4、ip6、exists だけで、受信側はレコード全体に permerror を返します。',
  'SPF002.unknownMechanismSuggestion': '"{term}" の "{name}" は未知のメカニズムです。"{suggestion}" の誤りではありませんか？ RFC 7208 §5 が定めるのは all、include、a、mx、ptr、ip4、ip6、exists だけで、受信側はレコード全体に permerror を返します。',
  'SPF002.misspeltModifier': '未知の修飾子 "{name}=" は "{suggestion}=" のつづり誤りのようです。未知の修飾子は無視される（RFC 7208 §6）ため、この修飾子は効果がありません。',
  'SPF002.rename': '"{name}" を "{suggestion}" に変更',

  'SPF003.multipleRecords': '{owner} に SPF レコードが {count} 件あります。1 つの名前に "v=spf1" の TXT レコードが複数あると受信側は permerror を返す（RFC 7208 §4.5）ため、どれも機能しません。1 つのレコードにまとめてください。',
  'SPF003.otherRecord': '{owner} のもう 1 つの SPF レコード',

  'SPF004.spfType': 'このレコードは SPF レコードタイプを使っていますが、RFC 7208 §3.1 で廃止されています。受信側は TXT レコードしか参照しないため、このレコードは読まれません。',
  'SPF004.spfTypeWithTxt': 'このレコードは RFC 7208 §3.1 で廃止された SPF レコードタイプを使っています。受信側はこの名前の TXT レコードだけを読みます。',
  'SPF004.changeToTxt': 'TXT レコードとして公開',
  'SPF004.removeRecord': 'この SPF タイプのレコードを削除（TXT レコードに同じ値があります）',
  'SPF004.txtRecord': '受信側が使う TXT レコード',

  'SPF005.upperCase': 'バージョンタグが "{tag}" と書かれています。RFC 7208 §4.5 では大文字小文字を区別しませんが、小文字の "v=spf1" しか認識しない受信側もあります。',
  'SPF005.lowerCase': 'タグを "v=spf1" と書く',
  'SPF005.leadingCharacters': 'このレコードは "v=spf1" の前に {characters} があります。受信側は "v=spf1" でちょうど始まる TXT レコードしか使わない（RFC 7208 §4.5）ため、このレコードは無視され、ドメインに SPF がない状態になります。',
  'SPF005.noSpaceAfterTag': '"v=spf1" の後ろが空白ではなく "{next}" になっています。受信側は "v=spf1" の後に空白か終端が続くレコードしか使わない（RFC 7208 §4.5）ため、このレコードは無視されます。',
  'SPF005.mangledTag': '"{tag}" は SPF のバージョンタグではありません。受信側は "v=spf1" でちょうど始まる TXT レコードしか使わない（RFC 7208 §4.5）ため、このレコードは無視され、ドメインに SPF がない状態になります。',
  'SPF005.senderId': 'これは SPF ではなく Sender ID のレコード（"{tag}"、RFC 4406、historic）で、SPF の受信側は無視します。SPF には "v=spf1" のレコードを公開してください。',
  'SPF005.removeLeading': '"v=spf1" の前の文字を削除',
  'SPF005.insertSpace': '"v=spf1" の後に空白を挿入',
  'SPF005.replaceTag': '"{tag}" を "v=spf1" に置き換え',

  'SPF006.passAll': '"{term}" はインターネット上のすべてのホストにこのドメインとしての送信を許可します（結果は pass、RFC 7208 §5.1、§8.3）。これでは SPF の意味がありません。レコードの末尾は "~all" か "-all" にしてください。',
  'SPF006.neutralAll': '"{term}" の結果は neutral で、受信側は SPF がないのと同じに扱います（RFC 7208 §8.2）。送信元をすべて列挙したら、末尾を "~all"（softfail）か "-all"（fail）にしてください。',
  'SPF006.useQualifier': '"{replacement}" に変更',

  'SPF007.noAll': 'このレコードには "all" メカニズムも "redirect=" もありません。列挙されていないホストからのメールは既定の結果 neutral になり（RFC 7208 §4.7）、受信側は SPF がないのと同じに扱います。末尾に "~all" か "-all" を付けてください。',
  'SPF007.appendAll': '"{term}" を末尾に追加',

  'SPF008.termAfterAll': '"{all}" の後の "{term}" は効果がありません。"all" は常に一致するため、評価はそこで終わります（RFC 7208 §5.1）。この送信元を pass させたいなら "{all}" の前に移動してください。',
  'SPF008.termsAfterAll': '"{all}" の後の {count} 個のメカニズムは効果がありません。"all" は常に一致するため、評価はそこで終わります（RFC 7208 §5.1）。必要な送信元は "{all}" の前に移動してください。',
  'SPF008.removeTerm': '無視されている "{term}" を削除',
  'SPF008.removeTerms': '"{all}" の後の無視されている {count} 個のメカニズムを削除',

  'SPF009.redirectIgnored': 'このレコードには "{all}" もあるため、"{redirect}" は使われません。redirect= はどのメカニズムにも一致しなかったときだけ適用され、"all" は常に一致します（RFC 7208 §6.1）。',
  'SPF009.removeRedirect': '"{redirect}" を削除（結果は変わりません）',
  'SPF009.removeAll': '"{all}" を削除して "{redirect}" を有効にする',
  'SPF009.allTerm': 'redirect より先にこの "{all}" で結果が決まります',

  'SPF010.ptr': '"{term}": RFC 7208 §5.5 は ptr メカニズムを使うべきでない（SHOULD NOT）としています。送信元ごとに時間のかかる逆引きが必要で、10 回のルックアップ上限にも数えられ、大手の受信側は無視します。代わりに ip4:、ip6:、a: で送信ホストを列挙してください。',
  'SPF010.ptrMacro': '"{term}" は %{p} マクロを使っています。ptr と同じく時間がかかり信頼性の低い逆引きが必要です（RFC 7208 §7.3 は使用を勧めていません）。',
  'SPF010.removePtr': '"{term}" を削除（先にそのホストを ip4:/ip6:/a: で列挙してください）',

  'SPF011.noFail': '"{exp}" は使われません。説明文は結果が fail のときだけ返され（RFC 7208 §6.2）、このレコードには "-" 修飾子のメカニズムがありません。',
  'SPF011.sameDomain': '"{exp}" はこのレコード自身の名前を指しています。そこの TXT レコードには SPF レコード自体も含まれるため、TXT レコードが複数あると受信側は説明文を捨てます（RFC 7208 §6.2）。"_spf-exp.{domain}" のような専用の名前を使ってください。',
  'SPF011.included': '{owner} はこの文書の別のレコードから "include:" で参照されています。include されたレコードの exp= は無視され（RFC 7208 §6.2）、最上位のレコードの説明文だけが使われます。',
  'SPF011.includedBy': 'ここで include されています',
  'SPF011.targetRecords': '説明文の名前 {target} にはこのゾーンで TXT レコードが {count} 件あります。受信側が説明文を使うのは 1 件だけのときです（RFC 7208 §6.2）。',
  'SPF011.targetText': '{target} の説明文が正しくありません: {reason}（RFC 7208 §6.2、§7）。受信側は説明文を返しません。',

  'SPF012.invalidMacro': '"{term}" のマクロが不正です: {reason}。受信側はレコード全体に permerror を返します（RFC 7208 §7.1、§4.6）。',
  'SPF012.invalidMacroExample': '"{term}" のマクロが不正です: {reason}。受信側はレコード全体に permerror を返します（RFC 7208 §7.1、§4.6）。"{fixed}" と書けば、{ip} から送られた {sender} のメールでは "{expansion}" に展開されます。',
  'SPF012.notAllowed': '"{term}" の {reason}: %{c}、%{r}、%{t} は説明文の中でしか使えず、ドメインには書けません（RFC 7208 §7.2）。受信側は permerror を返します。',
  'SPF012.addBraces': '"{fixed}" と書く',

  'SPF013.duplicate': '"{term}" は "{first}" の繰り返しです。最初に一致したものが結果を決める（RFC 7208 §4.6.2）ため、こちらは効果がなく、ルックアップを消費するだけです。',
  'SPF013.duplicateQualifier': '"{term}" は別の修飾子で "{first}" を繰り返しています。前にある方が常に先に結果を決める（RFC 7208 §4.6.2）ため、"{term}" は効果がありません。意図した結果を確認してください。',
  'SPF013.firstTerm': '前にある "{first}"',
  'SPF013.remove': '重複した "{term}" を削除',

  'SPF014.covered': '"{term}" は前に書かれた "{wider}" の範囲に含まれます。一致するアドレスはすべてそちらで一致する（RFC 7208 §4.6.2）ため、こちらは効果がありません。',
  'SPF014.coveredQualifier': '"{term}" は前に別の修飾子で書かれた "{wider}" の範囲に含まれます。前の項目が常に先に結果を決める（RFC 7208 §4.6.2）ため、"{term}" は効果がありません。例外にしたいなら "{wider}" の前に移動してください。',
  'SPF014.widerTerm': '範囲の広い "{wider}"',
  'SPF014.remove': '"{term}" を削除',

  'SPF015.hostBits': '"{term}" は /{prefix} より後ろのホスト部のビットが立っています。SPF は先頭 {prefix} ビットしか比較しない（RFC 7208 §5.6）ため、{network}/{prefix} 全体を許可します。ネットワークのつもりなら "{network}/{prefix}"、1 台のホストなら "{address}" だけを書いてください。',
  'SPF015.useNetwork': 'ネットワークを {network}/{prefix} と書く（意味は同じ）',
  'SPF015.useHost': 'ホスト {address} だけを許可',

  'SPF016.broad': '"{term}" は {size} 個のアドレス（/{prefix} の {family} ネットワーク）を許可します。メール送信に使う範囲よりはるかに広く、無関係な多数のホストが SPF を pass してしまいます（RFC 7208 §5.6）。送信元自身のアドレスを列挙してください。',
  'SPF016.everything': '"{term}" は /0 のネットワークで、すべての {family} アドレスを許可します。"+all" と同じです（RFC 7208 §5.6）。',

  'SPF017.tooLong': 'この文字列は {octets} オクテットあります。DNS の character-string は最大 255 オクテット（RFC 1035 §3.3）なので、ゾーンが読み込まれないかレコードが切り詰められます。同じレコードの中で複数の文字列（"…" "…"）に分けてください。受信側はそれらを連結します（RFC 7208 §3.3）。',
  'SPF017.split': '255 オクテット以下の文字列に分割',

  'SPF018.tooLong': 'この SPF レコードは {octets} オクテットあります。RFC 7208 §3.4 は DNS 応答が 512 オクテットの UDP パケットに収まるよう 450 未満を勧めています。大きな応答は切り詰められ、temperror になる受信側もあります。送信元を別の名前の include: に移してください。',

  'SPF019.glued': 'TXT レコードの文字列は間に何も挟まずに連結される（RFC 7208 §3.3）ため、"{left}" と "{right}" が 1 つの項目 "{joined}" になります。2 つ目の文字列の先頭に空白を入れてください。',
  'SPF019.insertSpace': '"{right}" の前に空白を挿入',

  'SPF020.overLimit': 'このレコードには DNS ルックアップが {total} 回必要で、上限の {limit} 回を超えています（RFC 7208 §4.6.4）: {arithmetic}。受信側は上限で評価をやめて permerror を返します。使っていない include を削除する、a/mx を ip4:/ip6: に置き換える、または include をフラット化してください。',
  'SPF020.overLimitIncomplete': 'このレコードには DNS ルックアップが少なくとも {total} 回必要で、上限の {limit} 回を超えています（RFC 7208 §4.6.4）: {arithmetic}。次の名前は解決できなかったため数えていません: {unresolved}。',
  'SPF020.overLimitUncounted': 'このレコードには DNS ルックアップが少なくとも {total} 回必要で、上限の {limit} 回を超えています（RFC 7208 §4.6.4）: {arithmetic}。対象がメッセージによって変わる項（マクロ、ptr）と、入れ子が深すぎる項は数えていません。',
  'SPF020.includedLookups': '"{term}" がそのうち {count} 回を使います',
  'SPF020.replaceFlattened': '{terms} をフラット化（ルックアップ −{saved} 回、適用後 {after}/{limit} 回）— 先にプレビューを確認',
  'SPF020.flattenPreview':
    'フラット化したレコード（{octets} オクテット、DNS ルックアップ {before} → {after}/{limit} 回、RFC 7208 §4.6.4）:\n{record}\n\n' +
    '現在公開されているアドレスに置き換えたもの（そのレコードが pass にするものだけ、RFC 7208 §5.2）:\n{flattened}\n\n' +
    'そのまま残したもの:\n{kept}\n\n{size}' +
    'フラット化したレコードは古くなります: 事業者がアドレスを変えると、新しいアドレスからのメールはもう一度フラット化するまで SPF に失敗します。定期的にフラット化をやり直し、ルックアップ数に余裕があれば事業者の include を残してください（flattenKeep 設定に書きます）。',
  'SPF020.flattenSize': '{octets} オクテットで 450 を超えています: この大きさの応答は 512 オクテットの UDP に収まらないことがあり、EDNS か TCP が必要になります（RFC 7208 §3.4）。\n\n',

  'SPF021.overLimit': 'このレコードは void ルックアップ（存在しない名前やレコードのない名前の検索）を {total} 回行い、上限の {limit} 回を超えています（RFC 7208 §4.6.4）: {terms}。受信側は permerror を返します。もう存在しない名前の項目を削除してください。',
  'SPF021.includedVoidLookup': '"{term}" は存在しないかレコードのない名前を検索しています',
  'SPF022.tooMany': '"{term}"{where} は {target} を参照しますが、MX 名が {names} 個あります。10 個を超えると permerror です（RFC 7208 §4.6.4）。送信ホストを ip4:/ip6: または a: で列挙してください。',
  'SPF023.loop': '"{term}" は評価中のレコードに戻ります: {path}。受信側は permerror を返します（RFC 7208 §5.2、§6.1）。ループを閉じている項目を削除してください。',
  'SPF023.otherClosingTerm': '{domain} の "{term}" がループを閉じています',
  'SPF024.noSpf': '"{term}"{where}: {reason}。そのため、ここに到達すると check_host() は permerror を返します（RFC 7208 §5.2、§6.1）。プロバイダーに名前を確認するか、この項目を削除してください。',
  'SPF024.remove': '"{term}" を削除',
  'SPF025.mailDomain': '{domain} はメールを受信します（MX レコードがあります）が、SPF レコードがありません。受信側の結果は none になり（RFC 7208 §2.6.1）、なりすましと本物を区別できません。送信ホストを列挙した SPF レコードを公開してください。',
  'SPF025.bounceDomain': '{domain} には SPF レコードがなく、{ip} のバウンスはこのドメインで検査されました。受信側の結果は none です（RFC 7208 §2.6.1）。{ip} を許可する SPF レコードを公開してください。',
  'SPF025.addRecord': '{domain} に "{record}" を追加',

  'SPF026.notAuthorized': '{ip}（{source}）は "{term}"{inDomain} で {result} になります: {why}（ルックアップ {lookups}/{limit} 回）。',
  'SPF026.notAuthorizedNoTerm': '{ip}（{source}）は {domain} で {result} になります: {why}（ルックアップ {lookups}/{limit} 回）。',
  'SPF026.allNoMechanism': 'これを許可するメカニズムがありません',
  'SPF026.incomplete': '{ip}（{source}）の判定は不完全です: {names} を解決できませんでした。SPF Doctor は結果を推測しません。ライブ DNS を許可するかそれらの名前を直してから、もう一度解析してください。',
  'SPF026.authorized': '{ip}（{source}）は "{term}"{inDomain} で pass になりました（ルックアップ {lookups}/{limit} 回）。このレコードを公開すればバウンスは解消します。',
  'SPF026.spfPassed': 'バウンスによると {ip} の SPF は pass でしたが、{failed} が失敗しています。SPF に追加しても解決しません。{fromDomain} の DKIM でメールに署名してください（DMARC には From ドメインと一致した SPF か DKIM が必要です、RFC 7489 §3.1）。',
  'SPF026.notAligned': 'SPF は {spfDomain} で検査されていますが、From ドメインは {fromDomain} です。DMARC には一致したドメインが必要（RFC 7489 §3.1.2）なので、{spfDomain} の SPF を変えても解決しません。{fromDomain} の DKIM で署名するか、{fromDomain} 配下の MAIL FROM（Return-Path）で送信してください。',
  'SPF026.addAddress': '{ip} を許可（{source}）— 結果は pass、ルックアップ {lookups}/{limit} 回',
  'SPF026.addServiceInclude': '{service} を include（{term}）— {ip} は pass、ルックアップ {lookups}/{limit} 回。{service} のすべての送信元を許可します',
  'SPF026.addRelayHost': 'リレー {host} を許可（{term}、{ip} に解決）— 結果は pass、ルックアップ {lookups}/{limit} 回',
  'SPF026.overLimit': '"{term}" を追加すれば {ip} は pass になりますが、レコードのルックアップが {lookups}/{limit} 回になります（RFC 7208 §4.6.4）。アドレスで書くか、include をフラット化してください。',
  'SPF026.otherCandidateFails': '"{term}" を追加して下書きで試しましたが、{ip} は {result} のままです。',
  'SPF026.replaceFlattened': '{terms} をフラット化（ルックアップ −{saved} 回、適用後 {after}/{limit} 回）— 先にプレビューを確認',
  'SPF026.flattenPreview':
    'フラット化したレコード（{octets} オクテット、DNS ルックアップ {before} → {after}/{limit} 回、RFC 7208 §4.6.4）:\n{record}\n\n' +
    '現在公開されているアドレスに置き換えたもの（そのレコードが pass にするものだけ、RFC 7208 §5.2）:\n{flattened}\n\n' +
    'そのまま残したもの:\n{kept}\n\n{size}' +
    'フラット化したレコードは古くなります: 事業者がアドレスを変えると、新しいアドレスからのメールはもう一度フラット化するまで SPF に失敗します。定期的にフラット化をやり直し、ルックアップ数に余裕があれば事業者の include を残してください（flattenKeep 設定に書きます）。',
  'SPF026.flattenSize': '{octets} オクテットで 450 を超えています: この大きさの応答は 512 オクテットの UDP に収まらないことがあり、EDNS か TCP が必要になります（RFC 7208 §3.4）。\n\n',
};
