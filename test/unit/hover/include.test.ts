import assert from 'node:assert/strict';
import { buildLookupTree } from '../../../src/core/analyzer/dns/lookup-tree';
import { MemoryResolver, type MemoryRecord } from '../../../src/core/dns/memory-resolver';
import { OfflineResolver } from '../../../src/core/dns/offline-resolver';
import { hoverAt } from '../../../src/core/hover/hover';
import { includeLookupFromTree, serviceOfInclude } from '../../../src/core/hover/include-info';
import type { HoverOptions, IncludeLookup } from '../../../src/core/hover/types';
import type { MailService } from '../../../src/core/services/mail-services';
import { parseRecord } from '../../../src/core/spf/parser';

const RAW = 'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:_spf.example.net include:%{d}.example.org -all';

async function includeHover(domain: string, options: Partial<HoverOptions> = {}): Promise<string> {
  const result = await hoverAt(RAW, RAW.indexOf(domain), { kind: 'raw', ...options });
  assert.ok(result, `no hover on ${domain}`);
  assert.equal(result.part, 'domain');
  return result.markdown;
}

describe('include hovers: the mail service', () => {
  it('names the service whose host names the include falls under', async () => {
    assert.ok((await includeHover('_spf.google.com')).includes('Mail service: **Google Workspace / Gmail**'));
  });

  it('names the service whose documented include it is, even when no host pattern matches it', async () => {
    assert.equal(serviceOfInclude('spf.protection.outlook.com')?.id, 'microsoft-365');
    assert.ok((await includeHover('spf.protection.outlook.com')).includes('**Microsoft 365 / Exchange Online**'));
  });

  it('tries the user entries first and escapes their names', async () => {
    const acme: MailService = { id: 'acme', name: 'Acme *Mail*', include: '_spf.example.net', hostPatterns: [], source: 'https://example.net/spf', confidence: 'unconfirmed' };
    const markdown = await includeHover('_spf.example.net', { extraServices: [acme] });
    assert.ok(markdown.includes('**Acme \\*Mail\\*** (include listed in the SPF Doctor table'), markdown);
  });

  it('names no service for an unknown domain', async () => {
    assert.ok(!(await includeHover('_spf.example.net')).includes('Mail service'));
  });
});

describe('include hovers: the cached record', () => {
  const answer = (lookup: IncludeLookup) => ({ lookupInclude: async () => lookup });

  it('says DNS is off when no lookup is allowed', async () => {
    assert.ok((await includeHover('_spf.example.net')).includes('Live DNS is off or the workspace is not trusted: the record of `_spf.example.net` is not shown.'));
  });

  it('shows the cached record and what the include costs', async () => {
    const markdown = await includeHover('_spf.example.net', answer({ status: 'found', record: 'v=spf1 a mx include:x.example -all', lookups: 3, complete: true }));
    assert.ok(markdown.includes('Record at `_spf.example.net` (from the DNS cache): `v=spf1 a mx include:x.example -all`'));
    assert.ok(markdown.includes('This include costs 4 of the 10 DNS lookups: 1 for itself and 3 inside the included record.'));
  });

  it('gives a lower bound when part of the included record is not cached', async () => {
    const markdown = await includeHover('_spf.example.net', answer({ status: 'found', record: 'v=spf1 include:y.example -all', lookups: 1, complete: false }));
    assert.ok(markdown.includes('costs at least 2 of the 10 DNS lookups'));
  });

  it('reports a missing record, several records and a failed query', async () => {
    assert.ok((await includeHover('_spf.example.net', answer({ status: 'no-record' }))).includes('`_spf.example.net` has no SPF record: this include gives permerror'));
    assert.ok((await includeHover('_spf.example.net', answer({ status: 'multiple' }))).includes('has more than one SPF record'));
    assert.ok((await includeHover('_spf.example.net', answer({ status: 'error', reason: 'SERVFAIL' }))).includes('The DNS query for `_spf.example.net` failed: `SERVFAIL`'));
  });

  it('says "not looked up yet" when the lookup does not answer in time or fails', async () => {
    const never = { lookupInclude: () => new Promise<IncludeLookup>(() => undefined), lookupTimeoutMs: 5 };
    assert.ok((await includeHover('_spf.example.net', never)).includes('The record of `_spf.example.net` has not been looked up yet.'));
    const failing = { lookupInclude: () => Promise.reject(new Error('boom')) };
    assert.ok((await includeHover('_spf.example.net', failing)).includes('has not been looked up yet'));
  });

  it('shows a hostile record only inside a code span', async () => {
    const record = 'v=spf1 ``` [x](https://evil.example) <img src=x>\n# heading';
    const markdown = await includeHover('_spf.example.net', answer({ status: 'found', record, lookups: 0, complete: true }));
    assert.ok(markdown.includes('````v=spf1 ``` [x](https://evil.example) <img src=x> # heading````'), markdown);
  });

  it('looks nothing up for a target with macros', async () => {
    let asked = 0;
    const markdown = await includeHover('.example.org', { lookupInclude: async () => { asked++; return { status: 'no-record' }; } });
    assert.equal(asked, 0);
    assert.ok(markdown.includes('The target contains macros'));
  });

  it('asks about the normalised include domain', async () => {
    const asked: string[] = [];
    const text = 'v=spf1 include:_SPF.Example.NET. -all';
    await hoverAt(text, text.indexOf('_SPF'), { kind: 'raw', lookupInclude: async (domain) => { asked.push(domain); return { status: 'no-record' }; } });
    assert.deepEqual(asked, ['_spf.example.net']);
  });
});

describe('includeLookupFromTree', () => {
  const txt = (name: string, value: string): MemoryRecord => ({ name, type: 'TXT', value: [value] });
  const RECORDS: MemoryRecord[] = [
    txt('_spf.example.net', 'v=spf1 a:mail.example.net include:_inner.example.net ~all'),
    txt('_inner.example.net', 'v=spf1 exists:gone.example.net redirect=_last.example.net'),
    txt('_last.example.net', 'v=spf1 ip4:198.51.100.7 -all'),
    txt('two.example.net', 'v=spf1 -all'),
    txt('two.example.net', 'v=spf1 ~all'),
    { name: 'mail.example.net', type: 'A', value: '198.51.100.1' },
  ];
  const OWN = parseRecord('v=spf1 include:_spf.example.net include:nothing.example.net include:two.example.net -all');

  it('finds a direct include with its record and the lookups inside it', async () => {
    const tree = await buildLookupTree('example.com', OWN, { resolver: new MemoryResolver(RECORDS) });
    // a:mail (1) + include:_inner (1) + exists (1) + redirect (1); ip4 and all cost nothing.
    assert.deepEqual(includeLookupFromTree(tree, '_spf.example.net'), {
      status: 'found',
      record: 'v=spf1 a:mail.example.net include:_inner.example.net ~all',
      lookups: 4,
      complete: true,
    });
  });

  it('finds an include nested deeper in the tree', async () => {
    const tree = await buildLookupTree('example.com', OWN, { resolver: new MemoryResolver(RECORDS) });
    const nested = includeLookupFromTree(tree, '_INNER.example.net.');
    assert.deepEqual(nested, { status: 'found', record: 'v=spf1 exists:gone.example.net redirect=_last.example.net', lookups: 2, complete: true });
  });

  it('tells a missing record and several records apart', async () => {
    const tree = await buildLookupTree('example.com', OWN, { resolver: new MemoryResolver(RECORDS) });
    assert.deepEqual(includeLookupFromTree(tree, 'nothing.example.net'), { status: 'no-record' });
    assert.deepEqual(includeLookupFromTree(tree, 'two.example.net'), { status: 'multiple' });
  });

  it('reports names the tree could not resolve, and domains it does not include', async () => {
    const offline = await buildLookupTree('example.com', OWN, { resolver: new OfflineResolver('live DNS is off') });
    const lookup = includeLookupFromTree(offline, '_spf.example.net');
    assert.equal(lookup.status, 'error');
    assert.match(lookup.status === 'error' ? lookup.reason : '', /live DNS is off/);
    assert.deepEqual(includeLookupFromTree(offline, 'other.example.org'), { status: 'not-looked-up' });
  });

  it('marks the count incomplete when a name below the include was not resolved', async () => {
    const partial = new MemoryResolver(RECORDS.filter((record) => record.name !== '_last.example.net'), { timeouts: ['_last.example.net'] });
    const tree = await buildLookupTree('example.com', OWN, { resolver: partial });
    const lookup = includeLookupFromTree(tree, '_spf.example.net');
    assert.equal(lookup.status, 'found');
    assert.equal(lookup.status === 'found' && lookup.complete, false);
  });
});
