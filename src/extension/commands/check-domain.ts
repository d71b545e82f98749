/**
 * "SPF Doctor: Check Domain…": asks for a domain (validated) and optionally an IP address, then
 * reports the domain's live SPF record, its include tree with the lookup counters (RFC 7208
 * §4.6.4) and the `check_host()` verdict for the IP. Tests and other callers pass the domain
 * and IP as arguments, which skips the input boxes.
 */
import ipaddr from 'ipaddr.js';
import * as vscode from 'vscode';
import { checkDomain, renderDomainReport } from '../../core/report/record-report';
import { reportLanguageFor } from '../../core/report/report-text';
import { domainNameProblem } from '../../core/spf/domain-name';
import type { CommandContext } from './command-context';

/** What the command reported (returned to `executeCommand` callers). */
export interface CheckDomainOutcome {
  domain: string;
  ip?: string;
  reportUri: string;
  markdown: string;
}

export async function runCheckDomain(context: CommandContext, domainArgument?: unknown, ipArgument?: unknown): Promise<CheckDomainOutcome | undefined> {
  const domain = typeof domainArgument === 'string' ? domainArgument.trim() : await askDomain();
  if (domain === undefined || domain === '') return undefined;
  const domainProblem = domainNameProblem(domain);
  if (domainProblem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SPF Doctor: "{0}" is not a domain name: {1}', domain, domainProblem));
    return undefined;
  }
  const ip = typeof ipArgument === 'string' ? ipArgument.trim() : domainArgument === undefined ? await askIp() : '';
  if (ip === undefined) return undefined;
  if (ip !== '' && !ipaddr.isValid(ip)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SPF Doctor: "{0}" is not an IPv4 or IPv6 address.', ip));
    return undefined;
  }
  const { resolver, mode } = context.service.resolver();
  context.log.info(`Check Domain ${domain}${ip ? ` for ${ip}` : ''} (${mode.live ? 'live DNS' : `offline: ${mode.reason}`})`);
  const check = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}…', domain) }, () =>
    checkDomain(domain, ip === '' ? undefined : ip, resolver),
  );
  const markdown = renderDomainReport(check, mode, reportLanguageFor(vscode.env.language));
  const reportUri = await context.reports.show(`check-${domain}`, markdown);
  return { domain, ...(ip === '' ? {} : { ip }), reportUri: reportUri.toString(), markdown };
}

function askDomain(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('SPF Doctor: Check Domain'),
    prompt: vscode.l10n.t('The domain whose SPF record to check'),
    placeHolder: 'example.com',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = value.trim() === '' ? undefined : domainNameProblem(value.trim());
      return problem ? vscode.l10n.t('Not a domain name: {0}', problem) : undefined;
    },
  });
}

function askIp(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('SPF Doctor: Check Domain'),
    prompt: vscode.l10n.t('Optional: the sending IP address to check (leave empty to skip)'),
    placeHolder: '203.0.113.45',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' || ipaddr.isValid(value.trim()) ? undefined : vscode.l10n.t('Not an IPv4 or IPv6 address')),
  });
}
