import * as vscode from 'vscode';
import type { MessageData } from '../core/analyzer/types';
import { localizeMessage } from '../core/i18n/localize';

/**
 * A core message (finding, fix title, related information) in VS Code's display language:
 * the core's Japanese catalog when `vscode.env.language` is `ja…`, else the English text.
 */
export function renderMessage(message: MessageData): string {
  return localizeMessage(message, vscode.env.language);
}
