/**
 * Hover help inside SPF strings of zone files and of the DNS-as-code languages listed in
 * `spfDoctor.codeLanguages`: the core's `hoverAt` as a VS Code hover, in the display language.
 *
 * On an `include:`, the included record and its lookup count come only from what the DNS
 * analysis has already fetched (its lookup trees): the hover itself sends no query and never
 * waits on the network. In an untrusted workspace, or with live DNS off, it says so instead.
 */
import * as vscode from 'vscode';
import { hoverAt } from '../core/hover/hover';
import { hoverLanguageFor } from '../core/hover/hover-text';
import { includeLookupFromTree } from '../core/hover/include-info';
import type { IncludeLookup } from '../core/hover/types';
import type { AnalysisService } from './analysis-service';
import { Settings, ZONE_LANGUAGE_ID } from './constants';
import { affects, readDocumentSettings } from './settings';

export class SpfHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: AnalysisService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = this.service.settingsFor(document);
    if (!settings.enable) return undefined;
    const state = this.service.analyzeNow(document);
    if (!state) return undefined;
    const read = state.sync.document;
    const hover = await hoverAt(read.text, document.offsetAt(position), {
      kind: read.kind,
      document: read,
      language: hoverLanguageFor(vscode.env.language),
      extraServices: settings.mailServices,
      ...(this.service.resolver().mode.live ? { lookupInclude: async (domain: string) => this.cachedInclude(document, domain) } : {}),
    });
    if (!hover || token.isCancellationRequested) return undefined;
    const markdown = new vscode.MarkdownString(hover.markdown);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(hover.range.start), document.positionAt(hover.range.end)));
  }

  /** The include as the latest DNS analysis of this document version saw it; nothing is queried. */
  private cachedInclude(document: vscode.TextDocument, domain: string): IncludeLookup {
    for (const tree of this.service.latest(document)?.trees?.values() ?? []) {
      const lookup = includeLookupFromTree(tree, domain);
      if (lookup.status !== 'not-looked-up') return lookup;
    }
    return { status: 'not-looked-up' };
  }
}

/** Registers the hover provider for zone files and the configured DNS-as-code languages. */
export function registerHoverProvider(service: AnalysisService): vscode.Disposable {
  const provider = new SpfHoverProvider(service);
  let registration: vscode.Disposable | undefined;
  const register = (): void => {
    registration?.dispose();
    const languages = [ZONE_LANGUAGE_ID, ...readDocumentSettings(undefined).codeLanguages];
    registration = vscode.languages.registerHoverProvider(languages.map((language) => ({ language })), provider);
  };
  register();
  const listener = vscode.workspace.onDidChangeConfiguration((event) => affects(event, Settings.codeLanguages) && register());
  return new vscode.Disposable(() => {
    listener.dispose();
    registration?.dispose();
  });
}
