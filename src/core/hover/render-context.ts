/**
 * What every hover renderer needs: the translator, the record's domain and the sample message
 * that macro examples are expanded with.
 */
import ipaddr from 'ipaddr.js';
import { createMacroContext, type MacroContext } from '../spf/macro';
import type { SpfRecordSite } from '../analyzer/document';
import type { Translate } from './hover-text';
import type { HoverLanguage, HoverOptions, MacroSample } from './types';

/** The sample message of macro examples (RFC 5737 documentation address, the seed case's domain). */
export const DEFAULT_MACRO_SAMPLE: Readonly<MacroSample> = {
  sender: 'user@shop.example.co.jp',
  ip: '203.0.113.45',
  helo: 'mail.shop.example.co.jp',
  receivingHost: 'mx.example.net',
  timestamp: 1718000000,
};

/** Shared state of one hover. */
export interface RenderContext {
  language: HoverLanguage;
  t: Translate;
  site: SpfRecordSite;
  /** The record's domain without trailing dot, when the document says it. */
  owner?: string;
  sample: MacroSample;
  /** Macro values of the sample, with `d` = the record's domain (or the sender's domain). */
  macroContext: MacroContext;
  options: HoverOptions;
  /** Joins sentences: with a space in English, directly in Japanese. */
  sentences(parts: readonly string[]): string;
}

/** Builds the render context of a hover on `site`. */
export function createRenderContext(site: SpfRecordSite, language: HoverLanguage, t: Translate, options: HoverOptions): RenderContext {
  const sample = { ...DEFAULT_MACRO_SAMPLE, ...options.sample };
  const ip = ipaddr.isValid(sample.ip) ? ipaddr.parse(sample.ip) : ipaddr.parse(DEFAULT_MACRO_SAMPLE.ip);
  const at = sample.sender.lastIndexOf('@');
  const localPart = at > 0 ? sample.sender.slice(0, at) : 'postmaster';
  const senderDomain = at >= 0 ? sample.sender.slice(at + 1) : sample.sender;
  const owner = site.owner?.replace(/\.$/, '') || undefined;
  const macroContext = createMacroContext({
    sender: sample.sender,
    localPart,
    senderDomain,
    domain: owner ?? senderDomain,
    ip,
    helo: sample.helo,
    receivingHost: sample.receivingHost,
    timestamp: sample.timestamp,
  });
  macroContext.validatedDomain = sample.helo;
  const separator = language === 'ja' ? '' : ' ';
  const sentences = (parts: readonly string[]): string => parts.join(separator);
  const context: RenderContext = { language, t, site, sample, macroContext, options, sentences };
  if (owner) context.owner = owner;
  return context;
}
