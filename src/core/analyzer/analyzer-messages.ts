/**
 * Templates of the analyzer itself (not of a rule), by message id. A module without imports, so
 * the rules' helpers can use it without an import cycle through the rule registry.
 */
export const ANALYZER_MESSAGES: Readonly<Record<string, string>> = {
  'SPF000.ruleFailure': 'SPF Doctor could not finish rule {code} on this record (a bug in SPF Doctor, please report it): {error}',
  'bounce.sourceNamed': 'the {provider} bounce',
  'bounce.sourceUnnamed': 'the bounce',
};
