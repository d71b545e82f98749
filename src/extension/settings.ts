import * as vscode from 'vscode';
import type { MailService } from '../core/services/mail-services';
import type { Severity } from '../core/analyzer/types';
import { SETTINGS_SECTION, Settings, type RunMode } from './constants';

/** The settings of one document, read from the configuration scoped to its URI. */
export interface DocumentSettings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  /** Severity per rule, by code or alias. */
  rules: Record<string, Severity>;
  codeLanguages: string[];
  mailServices: MailService[];
  flattenKeep: string[];
}

/** The session-wide DNS settings (window scope). */
export interface DnsSettings {
  enabled: boolean;
  servers: string[];
  timeoutMs: number;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint', 'off'];
const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'manual'];

/** A user-defined mail service as written in `spfDoctor.mailServices`. */
interface MailServiceSetting {
  name?: unknown;
  include?: unknown;
  hostSuffixes?: unknown;
  source?: unknown;
}

/** Reads the settings that apply to `uri` (resource scope), ignoring malformed values. */
export function readDocumentSettings(uri: vscode.Uri | undefined): DocumentSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
  const run = config.get<string>(Settings.run, 'onType');
  return {
    enable: config.get<boolean>(Settings.enable, true) !== false,
    run: RUN_MODES.includes(run as RunMode) ? (run as RunMode) : 'onType',
    debounceMs: clampNumber(config.get<number>(Settings.debounceMs, 300), 0, 10_000, 300),
    rules: readRules(config.get<Record<string, unknown>>(Settings.rules, {})),
    codeLanguages: stringList(config.get<unknown>(Settings.codeLanguages, [])),
    mailServices: readMailServices(config.get<unknown>(Settings.mailServices, [])),
    flattenKeep: stringList(config.get<unknown>(Settings.flattenKeep, [])),
  };
}

/** Reads the DNS settings (window scope: one resolver per session). */
export function readDnsSettings(): DnsSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    enabled: config.get<boolean>(Settings.dnsEnabled, true) !== false,
    servers: stringList(config.get<unknown>(Settings.dnsServers, [])),
    timeoutMs: clampNumber(config.get<number>(Settings.dnsTimeoutMs, 2000), 100, 60_000, 2000),
  };
}

/** True when a configuration change touches one of the given keys of the section. */
export function affects(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
}

function readRules(value: Record<string, unknown> | undefined): Record<string, Severity> {
  const rules: Record<string, Severity> = {};
  for (const [name, severity] of Object.entries(value ?? {})) {
    if (typeof severity === 'string' && SEVERITIES.includes(severity as Severity)) rules[name.trim()] = severity as Severity;
  }
  return rules;
}

function readMailServices(value: unknown): MailService[] {
  if (!Array.isArray(value)) return [];
  const services: MailService[] = [];
  for (const [index, entry] of (value as MailServiceSetting[]).entries()) {
    if (typeof entry !== 'object' || entry === null || typeof entry.name !== 'string') continue;
    const suffixes = stringList(entry.hostSuffixes);
    services.push({
      id: `user-${index}`,
      name: entry.name,
      include: typeof entry.include === 'string' && entry.include.length > 0 ? entry.include : null,
      hostPatterns: suffixes.map((suffix) => ({ suffix })),
      source: typeof entry.source === 'string' ? entry.source : 'spfDoctor.mailServices',
      confidence: 'unconfirmed',
    });
  }
  return services;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim().length > 0).map((item) => item.trim()) : [];
}

function clampNumber(value: number | undefined, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}
