import assert from 'node:assert/strict';
import { analyzeDocumentWithDns } from '../../../src/core/analyzer/analyze';
import type { BounceContext } from '../../../src/core/analyzer/dns/bounce-context';
import { MemoryResolver } from '../../../src/core/dns/memory-resolver';
import { checkHost } from '../../../src/core/spf/check-host';
import { DNS_RULE_SET } from './dns-rule-set';

const ZONE = '$ORIGIN example.com.\n@ IN SOA ns hostmaster 1 3600 900 1209600 300\n@ IN TXT "v=spf1 ip4:192.0.2.0/24 -all"\n';

async function spf026(bounce: BounceContext) {
  const result = await analyzeDocumentWithDns(ZONE, { ruleSet: DNS_RULE_SET, bounce, dns: { resolver: new MemoryResolver([]), checkHost } });
  return result.findings.filter((finding) => finding.code === 'SPF026');
}

describe('SPF026 when SPF is not what failed', () => {
  it('SPF passed but DKIM failed: says adding to SPF will not help, offers no SPF fix', async () => {
    const [finding] = await spf026({ clientIp: '203.0.113.45', spfDomain: 'example.com', fromDomain: 'example.com', checks: { spf: 'pass', dkim: 'fail', dmarc: 'fail' } });
    assert.equal(finding.message.id, 'SPF026.spfPassed');
    assert.match(finding.message.text, /DKIM and DMARC failed: adding to SPF will not help\. Sign the mail with DKIM for example\.com/);
    assert.equal(finding.fixes, undefined);
  });

  it('SPF domain not aligned with the From domain: explains DMARC alignment instead of an SPF fix', async () => {
    const [finding] = await spf026({ clientIp: '203.0.113.45', spfDomain: 'example.com', fromDomain: 'shop.example.org', checks: { spf: 'fail', dkim: 'fail', dmarc: 'fail' } });
    assert.equal(finding.message.id, 'SPF026.notAligned');
    assert.equal(finding.fixes, undefined);
  });

  it('a relay of a known mail service: the address fix and the service include are both proven, neither preferred', async () => {
    const resolver = new MemoryResolver([{ name: '_spf.google.com', type: 'TXT', value: ['v=spf1 ip4:203.0.113.0/24 ~all'] }]);
    const bounce: BounceContext = { clientIp: '203.0.113.45', spfDomain: 'example.com', relayHost: 'mail-sor-f41.google.com', provider: 'gmail', checks: { spf: 'fail', dkim: 'fail', dmarc: 'fail' } };
    const result = await analyzeDocumentWithDns(ZONE, { ruleSet: DNS_RULE_SET, bounce, dns: { resolver, checkHost } });
    const finding = result.findings.find((candidate) => candidate.code === 'SPF026');
    assert.ok(finding);
    const titles = (finding.fixes ?? []).map((fix) => [fix.title.text, fix.isPreferred === true, fix.changesPolicy === true]);
    assert.equal(titles.length, 2, JSON.stringify(titles));
    assert.deepEqual(titles[0], ['Authorize 203.0.113.45 (from the Gmail bounce) — result becomes pass, 0/10 lookups', false, false]);
    assert.match(String(titles[1][0]), /^Include .* \(include:_spf\.google\.com\) — 203\.0\.113\.45 becomes pass, 1\/10 lookups/);
    assert.equal(titles[1][2], true);
  });
});
