/**
 * `spf-doctor explain <bounce>`: what failed, for which IP and domain (with the bounce's own
 * lines), the verdict for that IP on the domain's current record (from `--zone` files or DNS),
 * and the fix: the fixed record value for a DNS provider's panel and, with `--zone`, the diff
 * of the zone file. Bounces an SPF change cannot fix (unknown user, null MX, blocklists, SMTP
 * AUTH, DKIM/DMARC-only failures) are explained as such, without an SPF fix.
 */
import { readFileSync } from 'node:fs';
import { readBounce } from '../../core/readers/bounce/read-bounce';
import { parseCommandLine } from '../args';
import { diagnoseBounce } from '../../core/report/bounce-diagnosis';
import { describeBounce } from '../bounce-text';
import { DNS_OPTIONS, DNS_OPTIONS_HELP, planDns } from '../dns-options';
import { EXIT_OK, EXIT_USAGE, colourEnabled, createStyle, type CliIo } from '../output';
import { jsonDiagnosis } from '../report/analyze-json';
import { originFromFileName } from '../../core/readers/zone/zone-names';

export const EXPLAIN_USAGE = `Usage: spf-doctor explain [options] <bounce>

Explains a bounce message (.eml or pasted text): what failed, for which IP and domain
(quoting the bounce's lines), the verdict for that IP on the domain's current SPF record,
and the fix: the fixed record value to paste into a DNS provider's panel and, when the
record is in a --zone file, the diff of that file (nothing is written).

Options:
  --format FORMAT       text (default) or json
${DNS_OPTIONS_HELP}
  -h, --help            show this help

Exit codes: 0 explained, 2 bad usage, an unreadable file, or a file that is not a bounce.`;

const OPTIONS = {
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...DNS_OPTIONS,
} as const;

/** Runs `explain` with its arguments (after the command name); returns the exit code. */
export async function runExplain(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { values, positionals } = parsed.value;
  if (values.help) {
    io.stdout(`${EXPLAIN_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return usageError(io, 'give exactly one bounce file');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(io, `--format: "${format}" is not one of text, json`);
  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return usageError(io, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const dns = planDns(values);
  if (!dns.ok) return usageError(io, dns.message);
  for (const warning of dns.value.warnings) io.stderr(`warning: ${warning}\n`);
  const report = await readBounce(text);
  if (report.classification === 'not-a-bounce') return usageError(io, `${file} is not a bounce: ${report.reason ?? 'no delivery failure found'}`);
  const zoneDocuments = (values.zone ?? []).map((zoneFile) => {
    const origin = originFromFileName(zoneFile);
    return { file: zoneFile, text: readFileSync(zoneFile, 'utf8'), ...(origin === undefined ? {} : { origin }) };
  });
  const diagnosis = await diagnoseBounce(report, { resolver: dns.value.resolver, zoneDocuments });
  if (format === 'json') {
    const { classification, provider, statusCode, enhancedStatus, clientIp, spfDomain, fromDomain, relayHost, checks } = report;
    const facts = { classification, provider, statusCode, enhancedStatus, clientIp, spfDomain, fromDomain, relayHost, checks };
    io.stdout(`${JSON.stringify({ version: 1, file, bounce: facts, dns: dns.value.description, diagnosis: jsonDiagnosis(diagnosis) }, null, 2)}\n`);
  } else {
    io.stdout(`${describeBounce(file, report, text, diagnosis, createStyle(colourEnabled(io)))}\n  DNS answers: ${dns.value.description}\n`);
  }
  return EXIT_OK;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`spf-doctor explain: ${message}\nRun 'spf-doctor explain --help' for usage.\n`);
  return EXIT_USAGE;
}
