/**
 * SARIF 2.1.0 for code-scanning UIs: one run whose `tool.driver.rules` come from the rule
 * metadata (with `helpUri` to the rule's doc page), and one result per finding with its 1-based
 * region and, where present, its fixes as artifact changes.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fix as SarifFix, Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, ReportedSeverity, RuleMeta } from '../../core/analyzer/types';
import { BUILTIN_RULES } from '../../core/rules/registry';
import { packageVersion } from '../version';
import { RegionMapper } from './finding-position';

/** Where the rule doc pages are published (the repository's docs/rules/). */
export const REPOSITORY_URL = 'https://github.com/spf-doctor/spf-doctor';
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The analyzer's own report of a crashed rule (not in the registry). */
const RULE_FAILURE: RuleMeta = {
  code: 'SPF000',
  alias: 'rule-failure',
  title: 'A rule failed',
  description: 'A rule threw while checking a record; the record was not fully checked. Please report it.',
  defaultSeverity: 'warning',
  rfc: '',
  docs: 'README.md',
};

/** SARIF levels (§3.27.10): info and hint are both `note`. */
const LEVELS: Record<ReportedSeverity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A file's findings, with the text their ranges point into. */
export interface SarifInput {
  file: string;
  text: string;
  findings: readonly Finding[];
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  return {
    id: meta.code,
    name: meta.alias,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rfc ? `${meta.description} (RFC ${meta.rfc})` : meta.description },
    helpUri: `${REPOSITORY_URL}/blob/main/${meta.docs}`,
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
  };
}

/** The SARIF log of the findings. `uri`s are the file names as given on the command line. */
export function toSarif(inputs: readonly SarifInput[]): Log {
  const metas = [RULE_FAILURE, ...BUILTIN_RULES.map((rule) => rule.meta)];
  const ruleIndex = new Map(metas.map((meta, index) => [meta.code, index]));
  const results: Result[] = [];
  for (const { file, text, findings } of inputs) {
    const mapper = new RegionMapper(text);
    const artifactLocation = { uri: toUri(file) };
    for (const finding of findings) {
      const result: Result = {
        ruleId: finding.code,
        level: LEVELS[finding.severity],
        message: { text: finding.message.text },
        locations: [{ physicalLocation: { artifactLocation, region: mapper.region(finding.range) } }],
      };
      const index = ruleIndex.get(finding.code);
      if (index !== undefined) result.ruleIndex = index;
      const fixes = (finding.fixes ?? []).map((fix): SarifFix => ({
        description: { text: fix.title.text },
        artifactChanges: [{ artifactLocation, replacements: fix.edits.map((edit) => ({ deletedRegion: mapper.region(edit.range), insertedContent: { text: edit.newText } })) }],
      }));
      if (fixes.length > 0) result.fixes = fixes;
      results.push(result);
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'spf-doctor', version: packageVersion(), informationUri: REPOSITORY_URL, rules: metas.map(descriptor) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A `file:` URI for an absolute path; a relative one as a URI reference (§3.10.2) with forward slashes. */
function toUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join('/');
}
