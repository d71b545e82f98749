/**
 * A generated zone file that looks like a real one: a multi-line SOA with comments, NS and MX at
 * the apex, then per host A, AAAA (owner omitted), MX, CNAME, NS, an SPF record (every third
 * one split into two strings `"..." "..."`), a DMARC TXT, a DKIM key in parentheses over two
 * lines, and comments. One host in ten has an SPF record with problems the rules report
 * (`ptr`, `?all`, host bits in a CIDR, a duplicate term), as real zones do.
 */

/** The zone text and how many records it holds. */
export interface GeneratedZone {
  text: string;
  records: number;
}

const HEADER = [
  '; bench.example. generated for benchmarks',
  '$ORIGIN bench.example.',
  '$TTL 1h',
  '@ IN SOA ns1.bench.example. hostmaster.bench.example. (',
  '        2026112701 ; serial',
  '        3600       ; refresh',
  '        900        ; retry',
  '        1209600    ; expire',
  '        300 )      ; negative caching TTL',
  '@ IN NS ns1',
  '@ IN NS ns2.provider.example.',
  '@ IN MX 10 mail',
  '@ IN TXT "v=spf1 mx include:_spf.google.com -all"',
];
const HEADER_RECORDS = 5;

/**
 * The lines of one host and how many records they hold. `compatible` writes the constructs the
 * npm parsers `dns-zonefile` and `zone-file` misread in a form they read: the AAAA owner spelled
 * out, the DKIM key on one line without parentheses, no `;` inside the DMARC string.
 */
function hostBlock(host: number, compatible: boolean): { lines: string[]; records: number } {
  const name = `host${host}`;
  const octet = host % 250;
  const third = (host >> 8) % 256;
  const spf =
    host % 10 === 7
      ? `${name} 3600 IN TXT "v=spf1 ptr ip4:203.0.113.${octet}/24 include:_spf.google.com include:_spf.google.com ?all"`
      : host % 3 === 0
        ? `${name} 3600 IN TXT "v=spf1 ip4:203.0.113.${octet} ip4:198.51.${third}.0/24 include:_spf.google.com" " include:spf.protection.outlook.com ~all"`
        : `${name} IN TXT "v=spf1 a mx ip6:2001:db8:${host.toString(16)}::/48 include:mailgun.org -all"`;
  return {
    lines: [
      `; ${name}: web and mail`,
      `${name} 300 IN A 198.51.${third}.${octet}`,
      compatible ? `${name} IN AAAA 2001:db8::${host.toString(16)}` : `        IN AAAA 2001:db8::${host.toString(16)} ; same owner`,
      `${name}.bench.example. IN MX 10 mail${host % 7}`,
      `www.${name} IN CNAME ${name}`,
      spf,
      compatible
        ? `_dmarc.${name} IN TXT "v=DMARC1 p=quarantine rua=mailto:dmarc@${name}.bench.example"`
        : `_dmarc.${name} IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@${name}.bench.example"`,
      ...(compatible
        ? [`sel._domainkey.${name} IN TXT "v=DKIM1 k=rsa " "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${name}QIDAQAB"`]
        : [`sel._domainkey.${name} IN TXT ( "v=DKIM1; k=rsa; "`, `    "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${name}QIDAQAB" ) ; key`]),
      `sub.${name} IN NS ns1.${name}`,
    ],
    records: 8,
  };
}

/** Generates a zone of at least `recordCount` records (whole host blocks). */
export function generateRealisticZone(recordCount: number, options: { compatible?: boolean } = {}): GeneratedZone {
  const lines = [...HEADER];
  let records = HEADER_RECORDS;
  for (let host = 0; records < recordCount; host++) {
    const block = hostBlock(host, options.compatible ?? false);
    lines.push(...block.lines);
    records += block.records;
  }
  // One join, so the text is one flat string like a file read from disk or an editor's document
  // text (appending the last line break afterwards would leave V8 an indirect string, slower to
  // read character by character than anything a reader is given in practice).
  lines.push('');
  return { text: lines.join('\n'), records };
}
