/**
 * The bounced senders remembered for the workspace (client IP and SPF domain of each analysed
 * bounce). "Analyze Selection" adds to it, "Forget Bounced Senders" clears it; the diagnostics
 * consult it so that the record of a bounced domain says whether that IP is now authorised.
 */
import * as vscode from 'vscode';
import type { BounceContext } from '../core/analyzer/dns/bounce-context';
import { normalizeName } from '../core/dns/resolver';
import type { BouncedSendersSource } from './analysis-service';

const STORAGE_KEY = 'spfDoctor.bouncedSenders';
/** Oldest entries are dropped beyond this many. */
const MAX_SENDERS = 50;

export class BouncedSendersStore implements BouncedSendersSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** The remembered senders, oldest first. */
  getBouncedSenders(): readonly BounceContext[] {
    return this.memento.get<BounceContext[]>(STORAGE_KEY, []);
  }

  /** Remembers a sender (replacing an earlier entry for the same IP and domain). */
  async add(sender: BounceContext): Promise<void> {
    const same = (other: BounceContext) => other.clientIp === sender.clientIp && normalizeName(other.spfDomain) === normalizeName(sender.spfDomain);
    const senders = [...this.getBouncedSenders().filter((other) => !same(other)), sender].slice(-MAX_SENDERS);
    await this.memento.update(STORAGE_KEY, senders);
    this.changed.fire();
  }

  /** Forgets every sender. */
  async clear(): Promise<void> {
    await this.memento.update(STORAGE_KEY, undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
