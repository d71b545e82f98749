/**
 * What an input file of `spf-doctor analyze` is, told by its content first and its name second:
 * a zone file (`$ORIGIN`/`$TTL` lines, an SOA record, `IN TXT` lines), a bounce (RFC 3464
 * delivery-status fields, SMTP replies with enhanced status codes, a MIME report), a
 * DNS-as-code source (YAML, JSON, HCL, JavaScript/TypeScript), or one TXT record or value.
 */
import { basename } from 'node:path';
import { codeLanguageOfFile, type CodeLanguage } from '../core/readers/code/find-spf-strings';
import { readTxtInput } from '../core/readers/txt-input';

export type InputKind =
  | { kind: 'zone' }
  | { kind: 'bounce' }
  | { kind: 'code'; language: CodeLanguage }
  | { kind: 'txt-line' }
  | { kind: 'raw' }
  | { kind: 'unknown'; reason: string };

/** Only the head of a file is looked at to tell its kind (markers sit near the top). */
const SNIFF_LENGTH = 65_536;

const STRONG_ZONE_MARKERS = [/^\$(ORIGIN|TTL|INCLUDE)\b/im, /^\S*[ \t]+(\d+[ \t]+)?(IN[ \t]+)?SOA[ \t]/im];
const ZONE_RECORD_LINE = /^\S*[ \t]+(\d+[ \t]+)?IN[ \t]+(TXT|SPF|A|AAAA|MX|NS|CNAME|PTR|SRV|CAA)[ \t]/im;
const BOUNCE_MARKERS = [
  /^(Reporting-MTA|Final-Recipient|Original-Recipient|Diagnostic-Code|Remote-MTA|Arrival-Date)[ \t]*:/im, // RFC 3464 §2.2, §2.3
  /^Content-Type:[ \t]*(multipart\/report|message\/delivery-status)/im,
  /\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b/, // an SMTP reply with an enhanced status code (RFC 3463)
  /^(The mail system|Mail Delivery (System|Subsystem)|This message was created automatically by mail delivery software)/im,
];
const JS_DNS_CODE = /\b(D|TXT|SPF_BUILDER|D_EXTEND)\s*\(/;
const HCL_BLOCK = /^\s*(resource|variable|locals|module|provider)\s+("[^"\n]*"\s*)*\{/m;
const YAML_KEY = /^[ \t-]*[A-Za-z_][\w.-]*:(\s|$)/m;

/** Tells the kind of `text` read from `file`. Never throws; bounded time on any input. */
export function detectInputKind(file: string, text: string): InputKind {
  const head = text.slice(0, SNIFF_LENGTH);
  if (head.includes('\0')) return { kind: 'unknown', reason: 'binary data, not a zone file, bounce message or DNS-as-code file' };
  const name = basename(file).toLowerCase();
  if (name.endsWith('.eml')) return { kind: 'bounce' };
  if (STRONG_ZONE_MARKERS.some((marker) => marker.test(head))) return { kind: 'zone' };
  if (BOUNCE_MARKERS.some((marker) => marker.test(head))) return { kind: 'bounce' };
  if (ZONE_RECORD_LINE.test(head) || name.endsWith('.zone') || name.startsWith('db.')) return { kind: 'zone' };
  const language = codeLanguageOfFile(name) ?? codeLanguageOfContent(head);
  if (language) return { kind: 'code', language };
  const record = readTxtInput(text.trim());
  if (record.ok) return { kind: record.input.kind === 'zone-line' ? 'txt-line' : 'raw' };
  return { kind: 'unknown', reason: 'not a zone file, bounce message, DNS-as-code file or SPF record' };
}

/** DNS-as-code without a telling file name: JSON, DNSControl JavaScript, Terraform HCL, YAML. */
function codeLanguageOfContent(head: string): CodeLanguage | undefined {
  const start = head.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (HCL_BLOCK.test(head)) return 'hcl';
  if (JS_DNS_CODE.test(head)) return 'javascript';
  if (YAML_KEY.test(head) && /v=spf1/i.test(head)) return 'yaml';
  return undefined;
}
