/**
 * Benchmark of the zone reader: generates a realistic 100,000-record zone (A, AAAA, MX, CNAME,
 * SPF and DKIM TXT records, comments, parenthesised multi-line records, relative and absolute
 * names) and reports the reading speed.
 *
 * Run: npx esbuild bench/zone-read.ts --bundle --platform=node --outfile=out/bench/zone-read.js && node out/bench/zone-read.js [records]
 */
import { readZone } from '../src/core/readers/zone/zone-reader';

function generateZone(recordCount: number): string {
  const lines = ['$ORIGIN bench.example.', '$TTL 1h', '@ IN SOA ns1 hostmaster (', '  2026112701 3600 900 1209600 300 ) ; serial etc.'];
  let records = 1;
  for (let host = 0; records < recordCount; host++) {
    const name = `host${host}`;
    const octet = host % 250;
    const block = [
      `${name} 300 IN A 198.51.${(host >> 8) % 256}.${octet}`,
      `        IN AAAA 2001:db8::${host.toString(16)}`,
      `${name}.bench.example. IN MX 10 mail${host % 7}`,
      `www.${name} IN CNAME ${name}`,
      `; SPF for ${name}; generated`,
      `${name} 3600 TXT "v=spf1 ip4:203.0.113.${octet} include:_spf.google.com" " include:spf.protection.outlook.com ~all"`,
      `sel._domainkey.${name} IN TXT ( "v=DKIM1; k=rsa; "`,
      `    "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${name}QIDAQAB" )`,
    ];
    for (const line of block) {
      if (records >= recordCount) break;
      lines.push(line);
      if (!line.startsWith(';') && !line.startsWith('    "')) records++;
    }
  }
  return lines.join('\n') + '\n';
}

const recordCount = Number(process.argv[2] ?? 100000);
const zone = generateZone(recordCount);
const megabytes = Buffer.byteLength(zone, 'utf8') / 1e6;
readZone(zone); // warm-up
const runs = 5;
const times: number[] = [];
let read = 0;
let errors = 0;
for (let run = 0; run < runs; run++) {
  const started = process.hrtime.bigint();
  const result = readZone(zone);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  read = result.records.length;
  errors = result.errors.length;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)];
console.log(`zone-read: ${read} records (${errors} errors), ${megabytes.toFixed(2)} MB`);
console.log(`zone-read: median ${median.toFixed(1)} ms over ${runs} runs, ${(megabytes / (median / 1000)).toFixed(1)} MB/s, ${Math.round(read / (median / 1000)).toLocaleString('en-US')} records/s`);
