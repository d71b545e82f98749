/**
 * SPF records inside DNS-as-code files: octoDNS YAML, Terraform HCL, JSON, and DNSControl
 * JavaScript/TypeScript. Each string literal is decoded by its language's rules and mapped back
 * to the document with the same {@link TxtValue} offset map as zone records.
 */
import type { TextIssue } from '../../text/range';
import { makeTxtValue, type TxtValue } from '../txt/txt-value';
import type { CodeLanguage, LiteralScan } from './code-strings';
import { scanHclStrings } from './hcl-strings';
import { scanJsStrings } from './js-strings';
import { scanJsonStrings } from './json-strings';

export type { CodeLanguage } from './code-strings';

/** SPF values found in a source file, and problems met while reading its strings. */
export interface CodeSpfStrings {
  /** One value per literal (or per `+` concatenation) whose text starts with `v=spf1`. */
  values: TxtValue[];
  issues: TextIssue[];
}

/** RFC 7208 §4.5: a record starts with "v=spf1" followed by a space or its end (case-insensitive). */
const SPF_VERSION = /^v=spf1(?=[ \t]|$)/i;

/**
 * The YAML scanner, loaded on first use: a synchronous `require` that the extension build sends
 * to dist/yaml.js (scripts/bundles.mjs), so the YAML parser is not loaded at activation.
 */
function scanYamlStrings(text: string): LiteralScan {
  return (require('./yaml-strings') as typeof import('./yaml-strings')).scanYamlStrings(text);
}

const SCANNERS: Record<CodeLanguage, (text: string) => LiteralScan> = {
  yaml: scanYamlStrings,
  json: scanJsonStrings,
  hcl: scanHclStrings,
  javascript: scanJsStrings,
  typescript: scanJsStrings,
};

/** Finds the string literals holding SPF records in a DNS-as-code source. Never throws. */
export function findSpfStrings(text: string, language: CodeLanguage): CodeSpfStrings {
  const nul = text.indexOf('\0');
  if (nul >= 0) return { values: [], issues: [{ range: { start: nul, end: nul + 1 }, reason: 'binary data (NUL byte): not a source file' }] };
  const scan = SCANNERS[language](text);
  const values = scan.groups.map((group) => makeTxtValue(group)).filter((value) => SPF_VERSION.test(value.value));
  return { values, issues: scan.issues };
}

/** The language of a DNS-as-code file from its name, or undefined for other files. */
export function codeLanguageOfFile(fileName: string): CodeLanguage | undefined {
  const lower = fileName.toLowerCase();
  if (/\.ya?ml$/.test(lower)) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  if (/\.(tf|hcl)$/.test(lower)) return 'hcl';
  if (/\.(c|m)?js$/.test(lower)) return 'javascript';
  if (/\.(c|m)?ts$/.test(lower)) return 'typescript';
  return undefined;
}
