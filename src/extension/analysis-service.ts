/**
 * The analysis service every feature shares (diagnostics, code actions, status bar, hovers and
 * the commands): it knows which documents are analysed and how, holds the session's DNS resolver
 * stack (live DNS behind a cache, or an offline resolver when DNS is off or the workspace is not
 * trusted), and caches the latest analyses per document and version.
 *
 * The document-only analysis is synchronous and cheap; the DNS analysis runs after it, can be
 * cancelled, and never blocks the editor.
 */
import * as vscode from 'vscode';
import { analyzeDocument, analyzeDocumentWithDns, type AnalyzeDocumentOptions, type DocumentAnalysis } from '../core/analyzer/analyze';
import type { SpfRecordSite } from '../core/analyzer/document';
import type { BounceContext } from '../core/analyzer/dns/bounce-context';
import { draftResolver, siteDomain } from '../core/analyzer/dns/draft-resolver';
import { lookupTreeBuiltFor } from '../core/analyzer/dns/dns-context';
import { buildLookupTree, type LookupTree } from '../core/analyzer/dns/lookup-tree';
import type { CodeLanguage } from '../core/readers/code/find-spf-strings';
import { codeLanguageOfFile } from '../core/readers/code/find-spf-strings';
import { originFromFileName } from '../core/readers/zone/zone-names';
import { CachingResolver } from '../core/dns/caching-resolver';
import { NodeResolver } from '../core/dns/node-resolver';
import { OfflineResolver } from '../core/dns/offline-resolver';
import { normalizeName, type Resolver } from '../core/dns/resolver';
import { checkHost } from '../core/spf/check-host';
import { ZONE_LANGUAGE_ID } from './constants';
import { affects, readDnsSettings, readDocumentSettings, type DocumentSettings } from './settings';
import { Settings } from './constants';

/** The analyses of one version of a document. */
export interface DocumentAnalysisState {
  uri: string;
  version: number;
  /** The options the analyses ran with (fix-all re-analyses with the same ones). */
  options: AnalyzeDocumentOptions;
  /** The document-only analysis: available at once. */
  sync: DocumentAnalysis;
  /** The DNS analysis of the same version, once it has finished. */
  dns?: DocumentAnalysis;
  /** Lookup trees per site index, from the DNS analysis. */
  trees?: ReadonlyMap<number, LookupTree>;
  /** The resolver the DNS analysis used: live or offline. */
  dnsMode?: DnsMode;
}

/** Whether DNS queries may leave the machine, and why not. */
export type DnsMode = { live: true } | { live: false; reason: 'disabled' | 'untrusted' };

/** Where the service gets the bounced senders the diagnostics consult (filled by a command). */
export interface BouncedSendersSource {
  getBouncedSenders(): readonly BounceContext[];
  readonly onDidChange: vscode.Event<void>;
}

/** Hooks for tests and for the trust gate. */
export interface AnalysisServiceOptions {
  /** Default: `vscode.workspace.isTrusted`. */
  isTrusted?: () => boolean;
  bouncedSenders?: BouncedSendersSource;
}

/** Seconds a failed DNS query (timeout, SERVFAIL, refused) is answered from the cache. */
const ERROR_TTL_SECONDS = 10;

/** VS Code language ids → the DNS-as-code reader that reads them. */
const CODE_LANGUAGES: Readonly<Record<string, CodeLanguage>> = {
  yaml: 'yaml',
  json: 'json',
  jsonc: 'json',
  terraform: 'hcl',
  hcl: 'hcl',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'typescript',
};

export class AnalysisService implements vscode.Disposable {
  private readonly states = new Map<string, DocumentAnalysisState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private resolverStack: { resolver: Resolver; mode: DnsMode } | undefined;

  /** Fires when a document's cached analysis changes (document-only or DNS result). */
  readonly onDidChangeAnalysis = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly options: AnalysisServiceOptions = {}) {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, Settings.dnsEnabled, Settings.dnsServers, Settings.dnsTimeoutMs)) this.resetResolver('DNS settings changed');
        if (event.affectsConfiguration('spfDoctor')) this.states.clear();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.resetResolver('workspace trusted')),
    );
    if (options.bouncedSenders) this.subscriptions.push(options.bouncedSenders.onDidChange(() => this.states.clear()));
  }

  /** The settings that apply to a document. */
  settingsFor(document: vscode.TextDocument): DocumentSettings {
    return readDocumentSettings(document.uri);
  }

  /** How the document is read, or undefined when SPF Doctor does not analyse it. */
  analysisOptions(document: vscode.TextDocument, settings = this.settingsFor(document)): AnalyzeDocumentOptions | undefined {
    const common = { rules: settings.rules, mailServices: settings.mailServices, flattenKeep: settings.flattenKeep };
    if (document.languageId === ZONE_LANGUAGE_ID) {
      const origin = originFromFileName(document.uri.path);
      return origin === undefined ? { ...common, kind: 'zone' } : { ...common, kind: 'zone', origin };
    }
    if (!settings.codeLanguages.includes(document.languageId)) return undefined;
    const language = CODE_LANGUAGES[document.languageId] ?? codeLanguageOfFile(document.uri.path);
    return language ? { ...common, kind: 'code', language } : undefined;
  }

  /** True when the document is analysed (a zone file, or a listed DNS-as-code language). */
  isAnalysable(document: vscode.TextDocument): boolean {
    return this.analysisOptions(document) !== undefined;
  }

  /** The cached state for the document's current version, if any. */
  latest(document: vscode.TextDocument): DocumentAnalysisState | undefined {
    const state = this.states.get(document.uri.toString());
    return state && state.version === document.version ? state : undefined;
  }

  /** The document-only analysis of the current version (computed now when not cached). */
  analyzeNow(document: vscode.TextDocument): DocumentAnalysisState | undefined {
    const cached = this.latest(document);
    if (cached) return cached;
    const options = this.analysisOptions(document);
    if (!options) return undefined;
    const state: DocumentAnalysisState = { uri: document.uri.toString(), version: document.version, options, sync: analyzeDocument(document.getText(), options) };
    this.states.set(state.uri, state);
    this.changed.fire(document.uri);
    return state;
  }

  /**
   * Runs the DNS analysis of the current version (the document-only one first, if needed).
   * Resolves to undefined when cancelled or when the document changed meanwhile: stale results
   * are dropped, never stored.
   */
  async analyzeWithDns(document: vscode.TextDocument, signal: AbortSignal): Promise<DocumentAnalysisState | undefined> {
    const state = this.analyzeNow(document);
    if (!state) return undefined;
    if (state.dns) return state;
    const { resolver, mode } = this.resolver();
    const text = state.sync.document.text;
    const options = this.withBounce(state);
    const started = Date.now();
    const dns = await analyzeDocumentWithDns(text, { ...options, dns: { resolver, checkHost, signal } });
    const trees = await this.lookupTrees(dns, resolver, options.bounce?.spfDomain, signal);
    if (signal.aborted || this.latest(document) !== state) {
      this.log.trace(`DNS analysis of ${state.uri} v${state.version} dropped (${signal.aborted ? 'cancelled' : 'document changed'})`);
      return undefined;
    }
    this.log.debug(`DNS analysis of ${state.uri} v${state.version}: ${dns.findings.length} finding(s) in ${Date.now() - started} ms (${mode.live ? 'live DNS' : `offline: ${mode.reason}`})`);
    Object.assign(state, { dns, trees, dnsMode: mode });
    this.changed.fire(document.uri);
    return state;
  }

  /** The resolver the analyses use: cached live DNS, or an offline one (DNS off, or untrusted workspace). */
  resolver(): { resolver: Resolver; mode: DnsMode } {
    if (!this.resolverStack) {
      const trusted = (this.options.isTrusted ?? (() => vscode.workspace.isTrusted))();
      const dns = readDnsSettings();
      if (!trusted) this.resolverStack = { resolver: new OfflineResolver('the workspace is not trusted'), mode: { live: false, reason: 'untrusted' } };
      else if (!dns.enabled) this.resolverStack = { resolver: new OfflineResolver('live DNS is off (spfDoctor.dns.enabled)'), mode: { live: false, reason: 'disabled' } };
      else {
        const upstream = new NodeResolver({ timeout: dns.timeoutMs, ...(dns.servers.length > 0 ? { servers: dns.servers } : {}) });
        // Failed queries are remembered briefly, so one analysis (and the edits right after it) asks a
        // failing server once per name instead of once per rule pass: no retry loop on a dead server.
        this.resolverStack = { resolver: new CachingResolver(upstream, { errorTtl: ERROR_TTL_SECONDS }), mode: { live: true } };
      }
      const { mode } = this.resolverStack;
      this.log.info(mode.live ? `Live DNS on (servers: ${dns.servers.length > 0 ? dns.servers.join(', ') : 'system'})` : `Live DNS off: ${mode.reason}`);
    }
    return this.resolverStack;
  }

  /** Forgets a document's analyses (when it closes). */
  forget(uri: vscode.Uri): void {
    this.states.delete(uri.toString());
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.states.clear();
  }

  private resetResolver(why: string): void {
    this.log.info(`DNS resolver reset: ${why}`);
    this.resolverStack = undefined;
    this.states.clear();
  }

  /** The latest bounce whose SPF domain has a record in the document: the DNS rules then check that IP. */
  private withBounce(state: DocumentAnalysisState): AnalyzeDocumentOptions {
    const senders = this.options.bouncedSenders?.getBouncedSenders() ?? [];
    const owners = new Set(state.sync.document.sites.flatMap((site) => (site.owner === undefined ? [] : [normalizeName(site.owner)])));
    const bounce = [...senders].reverse().find((sender) => owners.has(normalizeName(sender.spfDomain)));
    return bounce ? { ...state.options, bounce } : state.options;
  }

  private async lookupTrees(analysis: DocumentAnalysis, resolver: Resolver, fallbackOwner: string | undefined, signal: AbortSignal): Promise<Map<number, LookupTree>> {
    const trees = new Map<number, LookupTree>();
    let draft: Resolver | undefined;
    for (const site of analysis.document.sites) {
      if (signal.aborted) break;
      const domain = siteDomain(site, analysis.document.sites.length === 1 ? fallbackOwner : undefined);
      if (site.version !== 'spf' || domain === undefined) continue;
      // The DNS rules (SPF020) usually built this tree already; walk the record only when they did not.
      const built = await lookupTreeBuiltFor(site);
      if (built) {
        trees.set(site.index, built);
        continue;
      }
      draft ??= draftResolver(analysis.document, resolver, fallbackOwner);
      trees.set(site.index, await buildLookupTree(domain, site.record, { resolver: draft, signal }));
    }
    return trees;
  }
}

/** The site of `state` that contains `offset`, if any. */
export function siteAt(state: DocumentAnalysisState, offset: number): SpfRecordSite | undefined {
  return state.sync.document.sites.find((site) => site.range.start <= offset && offset <= site.range.end);
}
