import type * as vscode from 'vscode';
import type { AnalysisService } from '../analysis-service';
import type { BouncedSendersStore } from '../bounced-senders';
import type { ReportView } from '../report-view';

/** What the commands share: the analysis service, the bounced senders, the report view and the log. */
export interface CommandContext {
  service: AnalysisService;
  senders: BouncedSendersStore;
  reports: ReportView;
  log: vscode.LogOutputChannel;
}
