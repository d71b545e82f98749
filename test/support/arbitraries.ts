/**
 * Shared fast-check arbitraries for the fuzz and property tests: realistic corpora read from
 * test/fixtures, a mutator that damages any text the way copy/paste, relays and hostile users
 * do, and grammar-based generators (SPF records with pathological macros, zone files with deep
 * parentheses, DNS-as-code snippets, re-wrapped bounce messages).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadConformanceSuite } from './conformance-suite';
import type { CodeLanguage } from '../../src/core/readers/code/find-spf-strings';

const FIXTURES = path.resolve(process.cwd(), 'test/fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

function readAll(dir: string, filter: (file: string) => boolean): string[] {
  return filesUnder(path.join(FIXTURES, dir)).filter(filter).sort().map((file) => readFileSync(file, 'utf8'));
}

let cachedCorpus: Corpus | undefined;

/** The fixture texts every fuzz property starts from. */
export interface Corpus {
  zones: string[];
  bounces: string[];
  code: { language: CodeLanguage; text: string }[];
  /** Record values: the conformance suites' SPF/TXT strings and the values of the zone fixtures. */
  records: string[];
  /** Single TXT lines taken from the zone fixtures. */
  txtLines: string[];
}

/** Loads (once) the realistic inputs of test/fixtures. */
export function corpus(): Corpus {
  if (cachedCorpus) return cachedCorpus;
  const zones = [
    ...readAll('zones', () => true),
    ...readAll('rules', (file) => file.endsWith('.zone')),
    ...readAll('cli', () => true),
    ...readAll('workspace', (file) => !file.endsWith('.txt')),
  ];
  const bounces = readAll('bounces', (file) => !file.endsWith('.md'));
  const languageOf: Record<string, CodeLanguage> = { '.js': 'javascript', '.tf': 'hcl', '.yaml': 'yaml', '.json': 'json' };
  const code = filesUnder(path.join(FIXTURES, 'dns-as-code')).sort().map((file) => ({ language: languageOf[path.extname(file)], text: readFileSync(file, 'utf8') }));
  const records = new Set<string>();
  for (const suite of ['rfc7208-tests.yml', 'rfc4408-tests.yml']) {
    for (const scenario of loadConformanceSuite(suite)) {
      for (const record of scenario.records) if (record.type === 'TXT') records.add(record.value.join(''));
    }
  }
  const txtLines: string[] = [];
  for (const zone of zones) {
    for (const line of zone.split(/\r?\n/)) {
      if (/\b(TXT|SPF)\b/i.test(line)) txtLines.push(line);
      const quoted = /"(v=spf1[^"]*)"/i.exec(line);
      if (quoted) records.add(quoted[1]);
    }
  }
  cachedCorpus = { zones, bounces, code, records: [...records].sort(), txtLines };
  return cachedCorpus;
}

/** Pieces that break readers when inserted anywhere: quoting, escapes, macros, line breaks, NULs. */
const HOSTILE_PIECES = [
  '"', '""', "'", '`', '(', ')', '((((', '))))', '\\', '\\\\', '\\"', '\\0', '\\065', '\\999', '\\#', '\\# 3 616263',
  '%{', '%{l10r-.+,/_=}', '%{ir}', '%{', '}', '%', '%%', '%-', '%_', '%{p}', '%{c}', '${', '#{',
  ';', '; "comment"', '\r\n', '\n', '\r', '\0', '\t', ' ', '\u00a0', '\u200b', '\ufeff', '\u201c', '\u2019', 'é', 'あ', '\ud800', '\udc00', '\u{1f600}',
  'v=spf1 ', 'v=spf1', 'include:', 'redirect=', 'exp=', 'ip4:192.0.2.1/24', 'ip6:2001:db8::/32', 'a:', 'mx//64', '-all', '+all',
  '$ORIGIN ', '$TTL 1h', '$INCLUDE ', '@ IN TXT ', ' IN ', 'TXT', 'TYPE16', 'CLASS1 ', '550-5.7.26 ', '5.7.1', '[203.0.113.',
  ']', 'ip: [', 'Content-Type: multipart/report; boundary="b"\r\n', '--b\r\n', '=?utf-8?b?', '=\r\n', '=3D', '/*', '*/', '//', '<<EOT\n',
];

/** A string of characters that matter to the readers, mixed with arbitrary code units. */
export const hostileText = (maxLength = 200): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) }, { weight: 2, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: Math.ceil(maxLength / 3) })
    .map((pieces) => pieces.join('').slice(0, maxLength));

/** Binary data read as latin1 (every byte a code unit), as a mis-opened file looks. */
export const binaryText = (maxLength = 400): fc.Arbitrary<string> => fc.uint8Array({ maxLength }).map((bytes) => Buffer.from(bytes).toString('latin1'));

type Mutation =
  | { op: 'insert'; at: number; piece: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'crlf' }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 8 })) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(15) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), times: fc.integer({ min: 10, max: 400 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
);

/** Applies one mutation; positions are taken modulo the text length so any mutation fits any text. */
export function applyMutation(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : ('at' in m ? m.at % (text.length + 1) : 0);
  switch (m.op) {
    case 'insert': return text.slice(0, at) + m.piece + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate': return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'flip': {
      if (at >= text.length) return text;
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << m.bit)) + text.slice(at + 1);
    }
    case 'repeat': return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at);
    case 'crlf': return text.replace(/\r?\n/g, '\r\n');
    case 'truncate': return text.slice(0, at);
  }
}

/** `base` damaged by 1 to `maxMutations` random mutations. */
export function mutated(base: fc.Arbitrary<string>, maxMutations = 6): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: maxMutations })).map(([text, mutations]) => mutations.reduce(applyMutation, text));
}

// ---- SPF records (RFC 7208 §12 ABNF), with deliberate near misses ----

const macroLetter = fc.constantFrom('s', 'l', 'o', 'd', 'i', 'p', 'h', 'c', 'r', 't', 'v', 'S', 'L', 'I', 'D', 'x', '');
const delimiters = fc.array(fc.constantFrom('.', '-', '+', ',', '/', '_', '='), { maxLength: 8 }).map((chars) => chars.join(''));
const transformerDigits = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 12 }).map(String), fc.constantFrom('128', '999999999999', '00'));

/** One macro expression: valid ones like `%{l10r-.+,/_=}` and broken ones (`%{`, `%{x}`, `%{l`). */
export const macro: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(macroLetter, transformerDigits, fc.constantFrom('', 'r', 'R'), delimiters).map(([l, d, r, delim]) => `%{${l}${d}${r}${delim}}`) },
  { weight: 2, arbitrary: fc.constantFrom('%%', '%_', '%-', '%{l10r-.+,/_=}', '%{ir}.%{v}._spf', '%{d2}', '%{L}', '%{s}', '%x', '%', '%{', '%{l', '%{i0}', '%{ir.-}', '%{}') },
);

const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);
/** A domain-spec: labels and macros, sometimes with odd characters or a missing TLD. */
export const domainSpec: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: label }, { weight: 2, arbitrary: macro }), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.')) },
  { weight: 2, arbitrary: fc.constantFrom('example.com', '_spf.example.net', 'n1.example.com', 'n2.example.com', 'loop.example.com', 'missing.example.org') },
  { weight: 1, arbitrary: fc.constantFrom('', '.', 'example', 'exa mple.com', 'ex_ample.com.', 'a..b', `${'x'.repeat(70)}.com`, `${'a.'.repeat(140)}com`) },
);

const qualifier = fc.constantFrom('', '', '+', '-', '~', '?', '!');
const ip4 = fc.tuple(fc.nat(300), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
const ip6 = fc.constantFrom('2001:db8::1', '2001:db8::', '::', '::ffff:192.0.2.1', 'fe80::1%eth0', '2001:db8:::1', '1:2:3:4:5:6:7:8', 'g::1');
const cidr = (max: number) => fc.oneof(fc.constant(''), fc.integer({ min: 0, max: max + 2 }).map((bits) => `/${bits}`), fc.constantFrom('/', '/-1', '/08', '/a'));

/** One SPF term from the grammar, including near misses the rules must report. */
export const spfTerm: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(qualifier, fc.constantFrom('all', 'ALL', 'a', 'mx', 'ptr')).map(([q, name]) => q + name) },
  { weight: 4, arbitrary: fc.tuple(qualifier, fc.constantFrom('include', 'exists', 'a', 'mx', 'ptr', 'Include'), domainSpec, fc.constantFrom('', '', '/24', '//64', '/24//64', '/33')).map(([q, name, d, c]) => `${q}${name}:${d}${name === 'a' || name === 'mx' ? c : ''}`) },
  { weight: 3, arbitrary: fc.tuple(qualifier, ip4, cidr(32)).map(([q, address, c]) => `${q}ip4:${address}${c}`) },
  { weight: 2, arbitrary: fc.tuple(qualifier, ip6, cidr(128)).map(([q, address, c]) => `${q}ip6:${address}${c}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('redirect', 'exp', 'REDIRECT', 'redirct', 'x-custom', 'v', '1bad'), domainSpec).map(([name, d]) => `${name}=${d}`) },
  { weight: 1, arbitrary: fc.constantFrom('ip5:192.0.2.1', 'inlcude:example.com', 'a/8', 'mx//24', '=bad', '%', 'all:x', '-redirect=x', 'exp=', 'include', 'ip4:', 'ip6:', 'a:', ':', '+') },
);

const version = fc.constantFrom('v=spf1', 'v=spf1', 'v=spf1', 'v=spf1', 'V=SPF1', 'v=spf2.0/pra', 'v=spf 1', 'spf1', 'v=spf1v', '');
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\t', '\u00a0');

/** An SPF record value generated from the RFC 7208 grammar (with near misses and odd spacing). */
export const spfRecord: fc.Arbitrary<string> = fc
  .tuple(version, fc.array(fc.tuple(separator, spfTerm), { maxLength: 14 }), fc.constantFrom('', '', ' ', '  '))
  .map(([tag, terms, tail]) => tag + terms.map(([sep, term]) => sep + term).join('') + tail);

/** Escapes a value for a master-file quoted string (RFC 1035 §5.1). */
export function zoneQuote(value: string): string {
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\${String(ch.charCodeAt(0)).padStart(3, '0')}`)}"`;
}

/** A value cut into pieces at the given points (taken modulo its length; possibly inside a term). */
export function cutAt(value: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (value.length + 1)))].filter((p) => p > 0 && p < value.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const point of [...points, value.length]) {
    pieces.push(value.slice(last, point));
    last = point;
  }
  return pieces;
}

/** A value cut into quoted strings at random points. */
export function splitQuoted(value: string, cuts: number[]): string {
  return cutAt(value, cuts).map(zoneQuote).join(' ');
}

const quotedRecord = fc.tuple(spfRecord, fc.array(fc.nat(600), { maxLength: 3 })).map(([value, cuts]) => splitQuoted(value, cuts));

// ---- zone files ----

const owner = fc.constantFrom('@', 'www', 'mail', '_spf', 'sub.example.com.', '', '*.wild', 'a\\.b', '"quoted"');
const ttl = fc.constantFrom('', '300 ', '1h30m ', '1W ', '4294967296 ', '1x ', '0 ');
const klass = fc.constantFrom('IN ', '', 'CH ', 'CLASS1 ', 'in ');

/** Wraps record data in `depth` levels of parentheses spread over lines (only depth 1 is valid). */
function nest(data: string, depth: number, newline: string): string {
  if (depth === 0) return data;
  return `${'('.repeat(depth)}${newline}  ${data} ; "q" (${newline}${')'.repeat(depth)}`;
}

const zoneRecord = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(owner, ttl, klass, fc.constantFrom('TXT', 'TXT', 'SPF', 'TYPE16', 'txt'), quotedRecord, fc.nat(3)).map(([o, t, c, type, data, depth]) => ({ line: `${o} ${t}${c}${type} `, data, depth })) },
  { weight: 1, arbitrary: fc.tuple(owner, fc.constantFrom('A 192.0.2.1', 'AAAA 2001:db8::1', 'MX 10 mail', 'CNAME www', 'NS ns1', 'SOA ns1 host ( 1 2 3 4 5 )', 'TXT \\# 4 03616263', 'TXT \\# 2 0161', 'TYPE65280 \\# 0', 'TXT unquoted words here')).map(([o, rest]) => ({ line: `${o} `, data: rest, depth: 0 })) },
  { weight: 1, arbitrary: fc.constantFrom('$ORIGIN example.com.', '$ORIGIN sub', '$TTL 3600', '$TTL bad', '$INCLUDE other.zone', '$INCLUDE "a b.zone" origin.', '$GENERATE 1-10 host$ A 192.0.2.$', '$UNKNOWN x', '; just a comment "with quotes"').map((line) => ({ line, data: '', depth: 0 })) },
);

/** A zone file from the master-file grammar: directives, SPF records split into strings, parentheses nested up to `maxDepth`. */
export function zoneFile(maxDepth = 3): fc.Arbitrary<string> {
  return fc.tuple(fc.array(zoneRecord, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.nat(maxDepth)).map(([records, crlf, extraDepth]) => {
    const newline = crlf ? '\r\n' : '\n';
    const lines = records.map(({ line, data, depth }) => line + nest(data, Math.min(depth, 1) + (depth === 3 ? extraDepth : 0), newline));
    return `$ORIGIN example.com.${newline}$TTL 3600${newline}${lines.join(newline)}${newline}`;
  });
}

/** A zone whose one record is wrapped in `depth` levels of parentheses (deep nesting, an error past depth 1). */
export const deeplyNestedZone: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 2, max: 3000 }), quotedRecord, fc.boolean()).map(([depth, data, balanced]) =>
  `$ORIGIN example.com.\n@ IN TXT ${'('.repeat(depth)}\n ${data}\n${')'.repeat(balanced ? depth : depth >> 1)}\nnext A 192.0.2.1\n`);

// ---- DNS-as-code ----

/** Escapes for each language's double-quoted strings. */
function jsonQuote(value: string): string {
  return JSON.stringify(value);
}

const codeValue = fc.oneof(spfRecord, hostileText(60));

/** A DNS-as-code snippet of `language` holding SPF strings, with comments, escapes and concatenations. */
export function codeSnippet(language: CodeLanguage): fc.Arbitrary<string> {
  switch (language) {
    case 'json':
      return fc.array(codeValue, { minLength: 1, maxLength: 4 }).map((values) => `{"records": [${values.map((v) => `{"type": "TXT", "value": ${jsonQuote(v)}}`).join(', ')}]}`);
    case 'yaml':
      return fc.array(fc.tuple(codeValue, fc.constantFrom('double', 'single', 'plain', 'folded')), { minLength: 1, maxLength: 4 }).map((items) =>
        `---\n'':\n  - type: TXT\n    values:\n${items.map(([v, style]) => {
          if (style === 'double') return `      - ${jsonQuote(v)}`;
          if (style === 'single') return `      - '${v.replace(/'/g, "''")}'`;
          if (style === 'folded') return `      - >-\n        ${v}`;
          return `      - ${v}`;
        }).join('\n')}\n# value: "v=spf1 commented -all"\n`);
    case 'hcl':
      return fc.array(fc.tuple(codeValue, fc.boolean()), { minLength: 1, maxLength: 4 }).map((items) =>
        `resource "r" "spf" {\n  records = [${items.map(([v, template]) => (template ? `"${v.replace(/["\\]/g, (c) => `\\${c}`)}\${var.x}"` : jsonQuote(v))).join(', ')}]\n  # records = ["v=spf1 -all"]\n  d = <<EOT\n${items[0][0]}\nEOT\n}\n`);
    case 'javascript':
    case 'typescript':
      return fc.array(fc.tuple(codeValue, fc.constantFrom('"', "'", '`', 'concat')), { minLength: 1, maxLength: 4 }).map((items) =>
        `D("example.com", REG, DnsProvider(DSP),\n${items.map(([v, quote]) => {
          if (quote === 'concat') return `  TXT("@", ${jsonQuote(v.slice(0, v.length >> 1))} /* c */ + '${v.slice(v.length >> 1).replace(/['\\\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`))}')`;
          if (quote === '`') return `  TXT("@", \`${v.replace(/[`\\$]/g, (c) => `\\${c}`)}\`)`;
          if (quote === "'") return `  TXT("@", '${v.replace(/['\\\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`))}')`;
          return `  TXT("@", ${jsonQuote(v)})`;
        }).join(',\n')}\n  // TXT("old", "v=spf1 -all"),\n);\n`);
  }
}

// ---- bounce messages ----

/** Re-wraps `text` at `width` columns the way relays do: line breaks land mid-word, continuation lines indented. */
export function rewrap(text: string, width: number, indent: string, newline: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    for (let start = 0; start < line.length; start += width) out.push((start === 0 ? '' : indent) + line.slice(start, start + width));
  }
  return out.join(newline);
}

const replyTemplate = fc.constantFrom(
  (d: string, ip: string) => `550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [${d}] with ip: [${ip}] = did not pass`,
  (d: string, ip: string) => `550-5.7.26 Unauthenticated email from ${d} is not accepted due to domain's DMARC policy. SPF check for [${d}] did not pass with ip: [${ip}].`,
  (d: string, ip: string) => `550 5.7.515 Access denied, sending domain [${d.toUpperCase()}] does not meet the required authentication level. Spf= Fail (${ip}), Dkim= Pass, DMARC= Pass`,
  (d: string, ip: string) => `Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=user@${d};ip=${ip};r=mx.example.org`,
  (d: string, ip: string) => `550 SPF check failed. Bad SPF records for [${d}:${ip}]`,
  (d: string, ip: string) => `<<< 550 5.7.1 Sender ${d} not allowed from ${ip}`,
  (d: string) => `421-4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate. SPF [${d}]`,
  () => `554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied`,
);

/** A bounce built around a provider reply with a random domain and IP, re-wrapped by a relay. */
export const bounceMessage: fc.Arbitrary<string> = fc
  .tuple(replyTemplate, domainSpec, fc.oneof(ip4, ip6), fc.integer({ min: 8, max: 120 }), fc.constantFrom('', '    ', '\t', ' 550-5.7.26 '), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([template, domain, ip, width, indent, newline, eml]) => {
    const reply = rewrap(template(domain, ip), width, indent, newline);
    const text = `<someone@gmail.com>: host gmail-smtp-in.l.google.com[142.250.1.1] said:${newline}    ${reply} (in reply to end of DATA command)${newline}`;
    if (!eml) return `This is the mail system at host relay.example.net.${newline}${newline}${text}`;
    return [
      'From: MAILER-DAEMON@relay.example.net', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', 'MIME-Version: 1.0', '',
      '--b1', 'Content-Type: text/plain', '', text,
      '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; relay.example.net', '', 'Final-Recipient: rfc822; someone@gmail.com', 'Action: failed', 'Status: 5.7.26',
      `Diagnostic-Code: smtp; ${rewrap(template(domain, ip), 70, ' ', newline)}`, '',
      '--b1', 'Content-Type: text/rfc822-headers', '', `Received: from sv1.example.jp (sv1.example.jp [${ip}]) by relay.example.net`, `From: a@${domain}`, '', '--b1--', '',
    ].join(newline);
  });

/** Re-wraps a fixture bounce at a random width. */
export const rewrappedFixtureBounce = (): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...corpus().bounces), fc.integer({ min: 6, max: 100 }), fc.constantFrom('', '  ', '\t')).map(([text, width, indent]) => rewrap(text, width, indent, text.includes('\r\n') ? '\r\n' : '\n'));
