/** The package version, read from the `package.json` above this file (bundled in dist/, or transpiled in out/). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The version of the `spf-doctor` package this file belongs to, or `unknown`. */
export function packageVersion(): string {
  for (let directory = __dirname; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'spf-doctor' && parsed.version) return parsed.version;
    }
    if (dirname(directory) === directory) return 'unknown';
  }
}
