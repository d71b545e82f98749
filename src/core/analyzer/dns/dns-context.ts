/**
 * What the DNS rules share within one analysis: the draft resolver of the document and the
 * lookup tree of each record, computed once and reused by SPF020–SPF024.
 *
 * `dns.resolver` of the analysis is taken as the outside world (live DNS, a cache, or an
 * `OfflineResolver`); the document's own records are laid over it here.
 */
import ipaddr from 'ipaddr.js';
import type { Resolver } from '../../dns/resolver';
import type { AnalyzedDocument, SpfRecordSite } from '../document';
import type { AsyncDocumentRuleContext, AsyncRecordRuleContext, DnsAnalysisContext } from '../rule-api';
import { draftResolver, siteDomain } from './draft-resolver';
import { buildLookupTree, type LookupTree } from './lookup-tree';

const drafts = new WeakMap<AnalyzedDocument, WeakMap<DnsAnalysisContext, Resolver>>();
const trees = new WeakMap<SpfRecordSite, Promise<LookupTree | undefined>>();

/** The owner a record without one is taken for: the bounce's domain, when the document is one record. */
export function fallbackOwner(context: AsyncDocumentRuleContext, document: AnalyzedDocument = context.document): string | undefined {
  return document.sites.length === 1 ? context.settings.bounce?.spfDomain : undefined;
}

/** The draft resolver of the analysed document over the analysis' resolver. */
export function draftOf(context: AsyncDocumentRuleContext, document: AnalyzedDocument = context.document): Resolver {
  let byDns = drafts.get(document);
  if (!byDns) {
    byDns = new WeakMap();
    drafts.set(document, byDns);
  }
  let resolver = byDns.get(context.dns);
  if (!resolver) {
    resolver = draftResolver(document, context.dns.resolver, fallbackOwner(context, document));
    byDns.set(context.dns, resolver);
  }
  return resolver;
}

/**
 * The lookup tree of the context's record on the draft; undefined for a record whose owner is
 * unknown (a raw value with no bounce domain to stand for it).
 */
export function treeOf(context: AsyncRecordRuleContext, site: SpfRecordSite = context.site, document: AnalyzedDocument = context.document): Promise<LookupTree | undefined> {
  let tree = trees.get(site);
  if (!tree) {
    const domain = siteDomain(site, fallbackOwner(context, document));
    tree = domain === undefined
      ? Promise.resolve(undefined)
      : buildLookupTree(domain, site.record, { resolver: draftOf(context, document), signal: context.dns.signal, clientFamily: clientFamilyOf(context) });
    trees.set(site, tree);
  }
  return tree;
}

/**
 * The lookup tree the DNS rules already built for `site` in its analysis, if any: front ends that
 * show trees (status bar, hovers, reports) reuse it instead of walking the record again.
 */
export function lookupTreeBuiltFor(site: SpfRecordSite): Promise<LookupTree | undefined> | undefined {
  return trees.get(site);
}

/** The family of the bounced client (IPv4-mapped IPv6 counts as IPv4, RFC 7208 §5); IPv4 without a bounce. */
function clientFamilyOf(context: AsyncDocumentRuleContext): 'ipv4' | 'ipv6' {
  const ip = context.settings.bounce?.clientIp;
  if (ip === undefined || !ipaddr.isValid(ip)) return 'ipv4';
  return ipaddr.process(ip).kind();
}
