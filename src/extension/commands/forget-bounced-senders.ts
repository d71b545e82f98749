/**
 * "SPF Doctor: Forget Bounced Senders": lists the senders remembered from analysed bounces in a
 * confirmation and forgets them all. `{ confirm: true }` as argument skips the confirmation.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './command-context';

/** Senders listed in the confirmation at most. */
const LISTED = 10;

/** Returns how many senders were forgotten. */
export async function runForgetBouncedSenders(context: CommandContext, options?: unknown): Promise<number> {
  const senders = context.senders.getBouncedSenders();
  if (senders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('SPF Doctor: no bounced senders are remembered.'));
    return 0;
  }
  const confirmed = typeof options === 'object' && options !== null && (options as { confirm?: unknown }).confirm === true;
  if (!confirmed) {
    const list = senders.slice(-LISTED).map((sender) => `${sender.clientIp} (${sender.spfDomain})`).join('\n');
    const more = senders.length > LISTED ? `\n${vscode.l10n.t('and {0} more', senders.length - LISTED)}` : '';
    const forget = vscode.l10n.t('Forget');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Forget {0} bounced sender(s)?', senders.length), { modal: true, detail: `${list}${more}` }, forget);
    if (answer !== forget) return 0;
  }
  await context.senders.clear();
  context.log.info(`Forgot ${senders.length} bounced sender(s)`);
  return senders.length;
}
