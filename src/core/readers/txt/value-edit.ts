/**
 * Maps an edit of a TXT value (value offsets) to edits of the document, keeping the record's
 * quoting and escapes, and re-splitting a master-file string that would exceed 255 octets
 * (RFC 1035 §3.3: a character-string holds at most 255 octets) into several quoted strings.
 */
import type { TextEdit, TextRange } from '../../text/range';
import { encodeForSyntax, zoneSourceOctets } from './encode';
import { sourceOffsetOf, stringIndexAt, type TxtString, type TxtValue } from './txt-value';

/** Options of {@link mapValueEdit}. */
export interface MapValueEditOptions {
  /** Longest string to leave in place (default 255, RFC 1035 §3.3). */
  maxStringOctets?: number;
}

export type MapValueEditResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

/** A piece of a string being rebuilt: its source text as it will be written and its octets. */
interface Atom {
  source: string;
  octets: number;
  isSpace: boolean;
}

const ZONE_SYNTAXES = new Set(['zone-quoted', 'zone-unquoted']);

/**
 * Turns `edit` — a replacement of `edit.range` in `value.value` by `edit.newText` — into
 * document edits of `documentText`, for {@link applyEdits}. An insertion on the boundary of two
 * strings goes into the later string (so text inserted before `~all` stays with `~all`).
 * Unchanged characters keep their original spelling; new text is escaped for each string's
 * syntax. A master-file string that would exceed `maxStringOctets` is rewritten as several
 * strings in the record's quoting style, split after a space where possible. A TXT record in
 * RFC 3597 generic form is rewritten as quoted strings. Strings of other languages are not
 * re-split (their tools split long values themselves).
 */
export function mapValueEdit(documentText: string, value: TxtValue, edit: TextEdit, options: MapValueEditOptions = {}): MapValueEditResult {
  const maxOctets = options.maxStringOctets ?? 255;
  const { start, end } = edit.range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > value.value.length) {
    return { ok: false, reason: `value range [${start}, ${end}) is outside the value (length ${value.value.length})` };
  }
  if (value.strings.length === 0) return { ok: false, reason: 'the value has no strings to edit' };
  if (value.genericRange) {
    const newValue = value.value.slice(0, start) + edit.newText + value.value.slice(end);
    const atoms = textAtoms(newValue, 'zone-quoted');
    return { ok: true, edits: [{ range: value.genericRange, newText: writeChunks(chunkAtoms(atoms, maxOctets), true) }] };
  }
  const first = stringIndexAt(value, start);
  const last = end > start ? stringIndexAt(value, end - 1) : first;
  const head = value.strings[first];
  const tail = value.strings[last];
  const localStart = start - head.valueStart;
  const localEnd = end - tail.valueStart;
  // An array literal: built by `push`, a one-edit list would keep room for seventeen.
  if (first === last) return { ok: true, edits: [editWithinString(documentText, head, localStart, localEnd, edit.newText, maxOctets)] };
  const edits: TextEdit[] = [];
  edits.push(editWithinString(documentText, head, localStart, head.text.length, edit.newText, maxOctets));
  for (let i = first + 1; i < last; i++) {
    // Remove the whole string and the blank space before it.
    edits.push({ range: { start: value.strings[i - 1].range.end, end: value.strings[i].range.end }, newText: '' });
  }
  edits.push({ range: { start: tail.contentRange.start, end: sourceOffsetOf(tail, localEnd) }, newText: '' });
  return { ok: true, edits };
}

function editWithinString(documentText: string, item: TxtString, localStart: number, localEnd: number, newText: string, maxOctets: number): TextEdit {
  const replaced: TextRange = { start: sourceOffsetOf(item, localStart), end: sourceOffsetOf(item, localEnd) };
  const encoded = encodeForSyntax(newText, item.syntax);
  if (!ZONE_SYNTAXES.has(item.syntax)) return { range: replaced, newText: encoded };
  const removedOctets = zoneSourceOctets(documentText.slice(replaced.start, replaced.end));
  const newOctets = item.octets - removedOctets + Buffer.byteLength(newText, 'utf8');
  if (newOctets <= maxOctets) return { range: replaced, newText: encoded };
  const atoms = [
    ...sourceAtoms(documentText, item, 0, localStart),
    ...textAtoms(newText, item.syntax),
    ...sourceAtoms(documentText, item, localEnd, item.text.length),
  ];
  return { range: item.range, newText: writeChunks(chunkAtoms(atoms, maxOctets), item.quoted) };
}

/** Atoms of unchanged units, keeping their original source spelling. */
function sourceAtoms(documentText: string, item: TxtString, from: number, to: number): Atom[] {
  const atoms: Atom[] = [];
  for (let i = from; i < to; i++) {
    const source = documentText.slice(sourceOffsetOf(item, i), sourceOffsetOf(item, i + 1));
    const code = item.text.charCodeAt(i);
    const pairsWithPrevious = source.length === 0 || (code >= 0xdc00 && code <= 0xdfff && atoms.length > 0 && i > from);
    if (pairsWithPrevious && atoms.length > 0) {
      atoms[atoms.length - 1].source += source;
      atoms[atoms.length - 1].octets += zoneSourceOctets(source);
      continue;
    }
    atoms.push({ source, octets: zoneSourceOctets(source), isSpace: item.text[i] === ' ' });
  }
  return atoms;
}

/** Atoms of new text, one per code point, escaped for the syntax. */
function textAtoms(text: string, syntax: TxtString['syntax']): Atom[] {
  const atoms: Atom[] = [];
  for (const codePoint of text) {
    atoms.push({ source: encodeForSyntax(codePoint, syntax), octets: Buffer.byteLength(codePoint, 'utf8'), isSpace: codePoint === ' ' });
  }
  return atoms;
}

/** Greedy split into chunks of at most `maxOctets`, ending a chunk after its last space when it has one. */
function chunkAtoms(atoms: Atom[], maxOctets: number): Atom[][] {
  const chunks: Atom[][] = [];
  let current: Atom[] = [];
  let octets = 0;
  let lastSpace = -1;
  for (const atom of atoms) {
    while (octets + atom.octets > maxOctets && current.length > 0) {
      const cut = lastSpace >= 0 ? lastSpace + 1 : current.length;
      chunks.push(current.slice(0, cut));
      current = current.slice(cut);
      octets = current.reduce((sum, item) => sum + item.octets, 0);
      lastSpace = -1;
    }
    current.push(atom);
    octets += atom.octets;
    if (atom.isSpace) lastSpace = current.length - 1;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

function writeChunks(chunks: Atom[][], quoted: boolean): string {
  return chunks.map((chunk) => {
    const body = chunk.map((atom) => atom.source).join('');
    return quoted ? `"${body}"` : body;
  }).join(' ');
}
