import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const grammarPath = path.resolve(process.cwd(), 'syntaxes/zone.tmLanguage.json');

let grammarPromise: Promise<textmate.IGrammar> | undefined;

/** Loads the zone grammar once with the same engine VS Code uses (vscode-textmate + oniguruma). */
function loadZoneGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'source.zone' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    const grammar = await registry.loadGrammar('source.zone');
    if (!grammar) throw new Error('source.zone grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes a whole document (line by line, carrying the rule stack) into tokens per line. */
async function tokenize(document: string): Promise<Token[][]> {
  const grammar = await loadZoneGrammar();
  let stack = textmate.INITIAL;
  return document.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The scopes of the token that starts where `needle` first occurs on line `lineIndex`. */
function scopesOf(lines: Token[][], lineIndex: number, needle: string): string[] {
  const line = lines[lineIndex];
  let offset = 0;
  const lineText = line.map((token) => token.text).join('');
  const at = lineText.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not on line ${lineIndex}: ${lineText}`);
  for (const token of line) {
    if (at >= offset && at < offset + token.text.length) return token.scopes;
    offset += token.text.length;
  }
  throw new Error(`no token at "${needle}"`);
}

function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}

describe('zone TextMate grammar', () => {
  it('treats a ; inside a TXT string as string text and the ; after it as a comment', async () => {
    const lines = await tokenize('@ IN TXT "v=DKIM1; k=rsa" ; trailing note');
    const inside = scopesOf(lines, 0, '; k=rsa');
    assert.ok(hasScope(inside, 'string.quoted.double'), inside.join(' '));
    assert.ok(!hasScope(inside, 'comment'), inside.join(' '));
    const after = scopesOf(lines, 0, '; trailing');
    assert.ok(hasScope(after, 'comment.line.semicolon'), after.join(' '));
    assert.ok(!hasScope(after, 'string'), after.join(' '));
  });

  it('scopes SPF version, qualifiers, mechanisms, modifiers, macros and CIDR inside TXT strings', async () => {
    const lines = await tokenize(
      'shop 3600 IN TXT "v=spf1 ip4:203.0.113.0/24 -include:_spf.%{d} ~all redirect=_spf.example.com"',
    );
    assert.ok(hasScope(scopesOf(lines, 0, 'v=spf1'), 'keyword.other.version.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, 'ip4'), 'keyword.other.mechanism.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, '24'), 'constant.numeric.cidr.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, '-include'), 'keyword.operator.qualifier.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, 'include'), 'keyword.other.mechanism.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, '%{d}'), 'constant.other.placeholder.macro.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, '~all'), 'keyword.operator.qualifier.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, 'redirect'), 'keyword.other.modifier.spf'));
    assert.ok(hasScope(scopesOf(lines, 0, 'v=spf1'), 'string.quoted.double.txt'));
  });

  it('does not scope SPF terms outside TXT records', async () => {
    const lines = await tokenize('mail IN CNAME include.example.net.');
    const rdata = scopesOf(lines, 0, 'include');
    assert.ok(!rdata.some((scope) => scope.endsWith('.spf')), rdata.join(' '));
    assert.ok(hasScope(scopesOf(lines, 0, 'CNAME'), 'storage.type.record'));
  });

  it('recognises a record without an explicit class and a TYPEnnn type', async () => {
    const lines = await tokenize('www 300 TXT "v=spf1 -all"\nold TYPE99 "v=spf1 mx -all"\nx TYPE65534 \\# 0');
    assert.ok(hasScope(scopesOf(lines, 0, 'www'), 'entity.name.tag.owner'));
    assert.ok(hasScope(scopesOf(lines, 0, '300'), 'constant.numeric.ttl'));
    assert.ok(hasScope(scopesOf(lines, 0, 'TXT'), 'storage.type.record'));
    assert.ok(hasScope(scopesOf(lines, 0, '-all'), 'keyword.operator.qualifier.spf'));
    assert.ok(hasScope(scopesOf(lines, 1, 'TYPE99'), 'storage.type.record'));
    assert.ok(hasScope(scopesOf(lines, 1, 'mx'), 'keyword.other.mechanism.spf'));
    assert.ok(hasScope(scopesOf(lines, 2, 'TYPE65534'), 'storage.type.record'));
  });

  it('keeps a parenthesised TXT record open across lines, with comments between its strings', async () => {
    const lines = await tokenize(
      [
        '@ IN TXT ( "v=spf1 ip4:192.0.2.1 " ; first half',
        '           "include:_spf.google.com ~all" )',
        'next IN A 192.0.2.7',
      ].join('\n'),
    );
    assert.ok(hasScope(scopesOf(lines, 0, '; first'), 'comment.line.semicolon'));
    assert.ok(hasScope(scopesOf(lines, 1, 'include'), 'keyword.other.mechanism.spf'));
    assert.ok(hasScope(scopesOf(lines, 1, ')'), 'punctuation.section.parens.end'));
    assert.ok(hasScope(scopesOf(lines, 2, 'next'), 'entity.name.tag.owner'));
    assert.ok(hasScope(scopesOf(lines, 2, 'A'), 'storage.type.record'));
  });

  it('spans a multi-line SOA without treating its numbers as owners', async () => {
    const lines = await tokenize(['@ IN SOA ns1 hostmaster (', '2024010101 ; serial', '3600 )', 'ns1 A 192.0.2.53'].join('\n'));
    const serial = scopesOf(lines, 1, '2024010101');
    assert.ok(hasScope(serial, 'constant.numeric'), serial.join(' '));
    assert.ok(!hasScope(serial, 'entity.name.tag.owner'), serial.join(' '));
    assert.ok(hasScope(scopesOf(lines, 1, '; serial'), 'comment.line.semicolon'));
    assert.ok(hasScope(scopesOf(lines, 3, 'ns1'), 'entity.name.tag.owner'));
  });

  it('scopes $ORIGIN, $TTL and $INCLUDE directives', async () => {
    const lines = await tokenize('$ORIGIN example.com.\n$TTL 1h\n$INCLUDE db.extra');
    assert.ok(hasScope(scopesOf(lines, 0, '$ORIGIN'), 'keyword.control.directive'));
    assert.ok(hasScope(scopesOf(lines, 1, '$TTL'), 'keyword.control.directive'));
    assert.ok(hasScope(scopesOf(lines, 1, '1h'), 'constant.numeric.ttl'));
    assert.ok(hasScope(scopesOf(lines, 2, '$INCLUDE'), 'keyword.control.directive'));
  });

  it('ends an unterminated string at the end of its line', async () => {
    const lines = await tokenize('bad IN TXT "v=spf1 -all\nok IN A 192.0.2.1');
    assert.ok(hasScope(scopesOf(lines, 1, 'ok'), 'entity.name.tag.owner'));
  });
});
