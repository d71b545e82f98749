/**
 * Live diagnostics, scheduled the way vscode-shellcheck and vscode-eslint do it: per document a
 * debounce timer, at most one DNS analysis in flight, and results for an older version dropped.
 * The document-only findings are published at once; the DNS analysis replaces them when it
 * finishes, so the editor never waits on the network.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/analyzer/types';
import { DIAGNOSTIC_COLLECTION, SETTINGS_SECTION } from '../constants';
import type { AnalysisService } from '../analysis-service';
import { toDiagnostic } from './to-diagnostic';

/** Scheduling state of one open document. */
interface DocumentSchedule {
  timer?: NodeJS.Timeout;
  /** The DNS analysis in flight and its cancellation. */
  inFlight?: { controller: AbortController; done: Promise<void> };
  /** A newer version waits for the DNS analysis in flight to finish. */
  pending: boolean;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private readonly schedules = new Map<string, DocumentSchedule>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly service: AnalysisService, private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.onOpen(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onChange(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.onSave(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document)),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SETTINGS_SECTION) && this.refreshAll()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()),
    );
    for (const document of vscode.workspace.textDocuments) this.onOpen(document);
  }

  /** Analyses a document now, whatever the run mode (the manual command, and settings changes). */
  runNow(document: vscode.TextDocument): void {
    if (!this.service.isAnalysable(document) || !this.service.settingsFor(document).enable) {
      this.clear(document);
      return;
    }
    this.schedule(document, 0);
  }

  /** Re-analyses every open document, or clears those the settings no longer cover. */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      const settings = this.service.isAnalysable(document) ? this.service.settingsFor(document) : undefined;
      if (!settings?.enable) this.clear(document);
      else if (settings.run !== 'manual') this.schedule(document, 0);
    }
  }

  dispose(): void {
    for (const schedule of this.schedules.values()) this.cancel(schedule);
    this.schedules.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private onOpen(document: vscode.TextDocument): void {
    const settings = this.service.isAnalysable(document) ? this.service.settingsFor(document) : undefined;
    if (settings?.enable && settings.run !== 'manual') this.schedule(document, 0);
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0 || !this.service.isAnalysable(event.document)) return;
    const settings = this.service.settingsFor(event.document);
    if (settings.enable && settings.run === 'onType') this.schedule(event.document, settings.debounceMs);
  }

  private onSave(document: vscode.TextDocument): void {
    const settings = this.service.isAnalysable(document) ? this.service.settingsFor(document) : undefined;
    if (settings?.enable && settings.run === 'onSave') this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    const key = document.uri.toString();
    const schedule = this.schedules.get(key) ?? { pending: false };
    this.schedules.set(key, schedule);
    clearTimeout(schedule.timer);
    schedule.timer = setTimeout(() => this.run(document, schedule), delayMs);
  }

  private run(document: vscode.TextDocument, schedule: DocumentSchedule): void {
    schedule.timer = undefined;
    if (document.isClosed || this.schedules.get(document.uri.toString()) !== schedule) return;
    const state = this.service.analyzeNow(document);
    if (!state) return;
    this.publish(document, state.version, state.dns?.findings ?? state.sync.findings);
    if (state.dns) return;
    if (schedule.inFlight) {
      // One DNS analysis per document at a time: stop the stale one, start again when it has settled.
      schedule.inFlight.controller.abort();
      schedule.pending = true;
      return;
    }
    this.startDns(document, schedule);
  }

  private startDns(document: vscode.TextDocument, schedule: DocumentSchedule): void {
    const controller = new AbortController();
    const done = this.service
      .analyzeWithDns(document, controller.signal)
      .then((state) => state?.dns && this.publish(document, state.version, state.dns.findings))
      .catch((error: unknown) => this.log.error(`DNS analysis of ${document.uri.toString()} failed: ${String(error)}`))
      .finally(() => {
        schedule.inFlight = undefined;
        if (!schedule.pending || document.isClosed || this.schedules.get(document.uri.toString()) !== schedule) return;
        schedule.pending = false;
        this.run(document, schedule);
      });
    schedule.inFlight = { controller, done };
  }

  /** Publishes findings for `version`; results for any other version are stale and dropped. */
  private publish(document: vscode.TextDocument, version: number, findings: readonly Finding[]): void {
    if (document.isClosed || document.version !== version || !this.schedules.has(document.uri.toString())) return;
    this.collection.set(document.uri, findings.map((finding) => toDiagnostic(finding, document)));
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const schedule = this.schedules.get(key);
    if (schedule) this.cancel(schedule);
    this.schedules.delete(key);
    this.collection.delete(document.uri);
    this.service.forget(document.uri);
  }

  private cancel(schedule: DocumentSchedule): void {
    clearTimeout(schedule.timer);
    schedule.inFlight?.controller.abort();
    schedule.pending = false;
  }
}
