/**
 * Where each leaf MIME part of a message sits in the input, found by following the multipart
 * boundaries (RFC 2046 §5.1.1). postal-mime decodes the parts but reports no positions; this
 * layout is what lets decoded facts be mapped back to the input. Bounded: at most
 * {@link MAX_PARTS} leaves and {@link MAX_DEPTH} levels of nesting.
 */
import { readHeaderBlock, findField } from './header-fields';
import { sliceOfSource } from './text-map';

/** A leaf part: its media type, transfer encoding and the input range of its body. */
export interface LayoutPart {
  mediaType: string;
  transferEncoding: string;
  charset: string;
  bodyStart: number;
  bodyEnd: number;
}

const MAX_PARTS = 64;
const MAX_DEPTH = 6;

/** The leaf parts of the message in `input`, in document order. */
export function layoutParts(input: string): LayoutPart[] {
  const parts: LayoutPart[] = [];
  collect(input, 0, input.length, 0, parts);
  return parts;
}

function collect(input: string, start: number, end: number, depth: number, parts: LayoutPart[]): void {
  if (parts.length >= MAX_PARTS) return;
  const head = readHeaderBlock(sliceOfSource(input, 0), start, end);
  const contentType = findField(head, 'content-type')?.value.text ?? 'text/plain';
  const mediaType = (/^\s*([\w.+-]+\/[\w.+-]+)/.exec(contentType)?.[1] ?? 'text/plain').toLowerCase();
  const bodyStart = Math.min(end, skipLineBreak(input, head.end));
  if (mediaType.startsWith('multipart/') && depth < MAX_DEPTH) {
    const boundary = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(contentType);
    if (boundary) {
      for (const [partStart, partEnd] of splitByBoundary(input, bodyStart, end, boundary[1] ?? boundary[2])) {
        collect(input, partStart, partEnd, depth + 1, parts);
      }
      return;
    }
  }
  parts.push({
    mediaType,
    transferEncoding: (findField(head, 'content-transfer-encoding')?.value.text ?? '7bit').trim().toLowerCase(),
    charset: (/charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType)?.[1] ?? 'us-ascii').toLowerCase(),
    bodyStart,
    bodyEnd: end,
  });
}

function skipLineBreak(input: string, offset: number): number {
  if (input[offset] === '\r') offset++;
  return input[offset] === '\n' ? offset + 1 : offset;
}

/** The [start, end) ranges between `--boundary` delimiter lines (the preamble is dropped). */
function splitByBoundary(input: string, start: number, end: number, boundary: string): Array<[number, number]> {
  const delimiter = `--${boundary}`;
  const ranges: Array<[number, number]> = [];
  let partStart = -1;
  let searchFrom = start;
  while (searchFrom < end && ranges.length < MAX_PARTS) {
    const at = input.indexOf(delimiter, searchFrom);
    if (at < 0 || at >= end) break;
    const atLineStart = at === start || input[at - 1] === '\n';
    searchFrom = at + delimiter.length;
    if (!atLineStart) continue;
    if (partStart >= 0) ranges.push([partStart, lineBreakBefore(input, at)]);
    if (input.startsWith('--', at + delimiter.length)) return ranges;
    const newline = input.indexOf('\n', searchFrom);
    partStart = newline < 0 || newline >= end ? end : newline + 1;
  }
  if (partStart >= 0 && partStart < end) ranges.push([partStart, end]);
  return ranges;
}

/** The delimiter's preceding CRLF belongs to the delimiter (RFC 2046 §5.1.1). */
function lineBreakBefore(input: string, at: number): number {
  let end = at;
  if (input[end - 1] === '\n') end--;
  if (input[end - 1] === '\r') end--;
  return end;
}
