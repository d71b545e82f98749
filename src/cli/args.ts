/**
 * Argument parsing on Node's own `util.parseArgs`, with its errors turned into usage messages
 * (data, not exceptions), and the value checks the commands share.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import ipaddr from 'ipaddr.js';
import { domainNameProblem } from '../core/spf/domain-name';

/** A value, or why the command line is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Options of one command, parsed strictly (unknown options and stray arguments are usage errors). */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): Parsed<ReturnType<typeof parseArgs<T>>> {
  try {
    return { ok: true, value: parseArgs(config) };
  } catch (error) {
    // Node's messages end with advice on `--` and `--option=-value` that does not help here.
    const message = (error as Error).message.replace(/\s*To specify [^]*$/, '').replace(/\s*\n\s*/g, ' ');
    return { ok: false, message };
  }
}

/** A client IP: dotted-quad IPv4 or IPv6 (no zone index). */
export function parseIpAddress(text: string): Parsed<string> {
  const valid = ipaddr.IPv4.isValidFourPartDecimal(text) || (ipaddr.IPv6.isValid(text) && !text.includes('%'));
  return valid ? { ok: true, value: text } : { ok: false, message: `--ip: "${text}" is not an IPv4 or IPv6 address` };
}

/** A domain name that `check_host()` can look up (RFC 7208 §4.3). */
export function parseDomain(option: string, text: string): Parsed<string> {
  const problem = domainNameProblem(text);
  return problem === undefined ? { ok: true, value: text } : { ok: false, message: `${option}: "${text}" cannot be checked: ${problem}` };
}

/**
 * MAIL FROM as `local@domain` or a bare domain; a bare domain stands for `postmaster@domain`
 * (RFC 7208 §4.3, as for a null sender in §2.4). The empty string is the null sender.
 */
export function parseSender(text: string): Parsed<string> {
  if (text === '') return { ok: true, value: '' };
  const at = text.lastIndexOf('@');
  if (at < 0) {
    const domain = parseDomain('--sender', text);
    return domain.ok ? { ok: true, value: `postmaster@${text}` } : domain;
  }
  if (/\s/.test(text)) return { ok: false, message: `--sender: "${text}" contains white space` };
  const domain = text.slice(at + 1);
  const problem = domainNameProblem(domain);
  if (problem !== undefined) return { ok: false, message: `--sender: the domain of "${text}" cannot be checked: ${problem}` };
  return { ok: true, value: text };
}

/** A whole number of milliseconds, at least 1. */
export function parseMilliseconds(option: string, text: string): Parsed<number> {
  const value = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  return value >= 1 ? { ok: true, value } : { ok: false, message: `${option}: "${text}" is not a number of milliseconds (1 to 9999999)` };
}
