/**
 * Every identifier the extension shares with package.json and with its tests, in one place.
 * Keep these in step with the `contributes` section of package.json.
 */

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'spf-doctor.spf-doctor';

/** The language id of DNS zone files (the id the community zone-file extensions use). */
export const ZONE_LANGUAGE_ID = 'zone';

/** Name of the log output channel. */
export const OUTPUT_CHANNEL_NAME = 'SPF Doctor';

/** `Diagnostic.source` of every diagnostic the extension reports. */
export const DIAGNOSTIC_SOURCE = 'SPF Doctor';

/** Command ids contributed in package.json. */
export const Commands = {
  analyzeSelection: 'spfDoctor.analyzeSelection',
} as const;
