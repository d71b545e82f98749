// Lists the files inside a .vsix and fails unless it holds exactly what the installed extension
// needs: the bundles, its manifest and translations, grammar, language configuration, icon, the
// documents, the third-party licences and the rule pages.
// Usage: node scripts/check-vsix.mjs <file.vsix>
import { readFileSync } from 'node:fs';

const required = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/dist/extension.js',
  // Loaded on first use: the commands' implementations, the Japanese texts, postal-mime
  // (when an .eml is first analysed) and the YAML reader (when a YAML file is first read).
  'extension/dist/commands.js',
  'extension/dist/ja.js',
  'extension/dist/mime.js',
  'extension/dist/yaml.js',
  // The licences of the packages bundled into them.
  'extension/dist/THIRD-PARTY-NOTICES.txt',
  'extension/language-configuration.json',
  'extension/syntaxes/zone.tmLanguage.json',
  'extension/media/icon.png',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/package.nls.json',
  'extension/package.nls.ja.json',
  'extension/l10n/bundle.l10n.ja.json',
];
// Written by esbuild only when a bundled dependency carries a licence comment.
const optional = ['extension.js', 'commands.js', 'ja.js', 'mime.js', 'yaml.js'].map((bundle) => `extension/dist/${bundle}.LEGAL.txt`);

/** Names of the entries in a zip file, read from its central directory (APPNOTE.TXT §4.3.12). */
function zipEntryNames(zip) {
  const endOfCentralDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfCentralDirectory < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(endOfCentralDirectory + 10);
  let offset = zip.readUInt32LE(endOfCentralDirectory + 16);
  const names = [];
  for (let index = 0; index < entries; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${index}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-vsix.mjs <file.vsix>');
  process.exit(2);
}
const names = zipEntryNames(readFileSync(file)).filter((name) => !name.endsWith('/'));
// The rule pages, which "Show documentation for SPF0NN" opens offline.
optional.push(...names.filter((name) => /^extension\/docs\/rules\/SPF\d{3}\.md$/.test(name)));
console.log(`${file} contains ${names.length} files:`);
for (const name of [...names].sort()) console.log(`  ${name}`);
const unexpected = names.filter((name) => !required.includes(name) && !optional.includes(name));
const missing = required.filter((name) => !names.includes(name));
if (unexpected.length > 0) console.error(`unexpected in the package: ${unexpected.join(', ')}`);
if (missing.length > 0) console.error(`missing from the package: ${missing.join(', ')}`);
if (unexpected.length > 0 || missing.length > 0) process.exit(1);
console.log('the package holds exactly what the extension needs');
