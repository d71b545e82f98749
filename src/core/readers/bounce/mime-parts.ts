/**
 * Reads an `.eml` bounce with postal-mime (MIME structure, transfer encodings, charsets) and maps
 * the decoded parts that matter back to the input:
 * - 7bit/8bit/binary parts: the decoded text is found verbatim in the part body (line breaks
 *   compared as LF), so every offset maps exactly;
 * - quoted-printable parts: decoded again here with a position map; when that agrees with
 *   postal-mime (ASCII text) offsets are exact, otherwise coarse;
 * - base64 parts, and text whose charset changed its characters (ISO-2022-JP ...): coarse, i.e.
 *   evidence covers the whole encoded part body and says `encoded: 'base64' | ...`.
 *
 * postal-mime is imported on first use: the core library and the CLI bundle it in, while the
 * extension build (scripts/bundles.mjs) keeps it in a separate `dist/mime.js` that VS Code loads
 * only when an `.eml` is analysed.
 */
import type { Attachment } from 'postal-mime';
import { readHeaderBlock, type HeaderBlock } from './header-fields';
import { layoutParts, type LayoutPart } from './mime-layout';
import { coarseText, MappedTextBuilder, sliceOfSource, type MappedText } from './text-map';

/** The parts of a bounce that carry facts, each mapped back to the input. */
export interface BounceParts {
  outerHeaders: HeaderBlock;
  humanTexts: MappedText[];
  deliveryStatus: MappedText | undefined;
  /** The header block of the returned message (`message/rfc822` or `text/rfc822-headers`). */
  returnedHeaders: HeaderBlock | undefined;
}

const DELIVERY_STATUS_TYPES = ['message/delivery-status', 'message/global-delivery-status'];
const RETURNED_TYPES = ['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers'];

/** True when `input` starts like a MIME message (a header block naming a Content-Type). */
export function looksLikeMimeMessage(input: string): boolean {
  if (!/^(?:From |[!-9;-~]{1,76}:)/.test(input)) return false;
  const headEnd = input.search(/\r?\n\r?\n/);
  const head = input.slice(0, headEnd < 0 ? Math.min(input.length, 65_536) : Math.min(headEnd, 65_536));
  return /^content-type:/im.test(head);
}

/** Decodes `input` as MIME; undefined when postal-mime refuses it (the caller reads it as text). */
export async function readMimeParts(input: string): Promise<BounceParts | undefined> {
  // Outside the try: a MIME parser that fails to load is an error, not an input postal-mime refused.
  const { default: PostalMime } = await import('postal-mime');
  let email;
  try {
    email = await PostalMime.parse(input, {
      attachmentEncoding: 'utf8',
      forceRfc822Attachments: true,
      maxNestingDepth: 16,
      maxHeadersSize: 262_144,
    });
  } catch {
    return undefined;
  }
  const layout = layoutParts(input);
  const outerHeaders = readHeaderBlock(sliceOfSource(input, 0));
  const humanTexts: MappedText[] = [];
  if (email.text) humanTexts.push(locate(input, email.text, layout.find((part) => part.mediaType === 'text/plain')));
  const statusAttachment = email.attachments.find((a) => DELIVERY_STATUS_TYPES.includes(a.mimeType));
  const returnedAttachment = email.attachments.find((a) => RETURNED_TYPES.includes(a.mimeType));
  const deliveryStatus = statusAttachment && locate(input, textOf(statusAttachment), layoutOf(layout, statusAttachment.mimeType));
  const returned = returnedAttachment && locate(input, textOf(returnedAttachment), layoutOf(layout, returnedAttachment.mimeType));
  return {
    outerHeaders,
    humanTexts,
    deliveryStatus,
    returnedHeaders: returned && readHeaderBlock(returned),
  };
}

function textOf(attachment: Attachment): string {
  return typeof attachment.content === 'string' ? attachment.content : new TextDecoder().decode(attachment.content);
}

function layoutOf(layout: LayoutPart[], mediaType: string): LayoutPart | undefined {
  return layout.find((part) => part.mediaType === mediaType);
}

/** Maps a decoded part text back to the input (see the module comment). */
function locate(input: string, decoded: string, part: LayoutPart | undefined): MappedText {
  const wanted = decoded.replace(/\s+$/, '');
  const bodyStart = part?.bodyStart ?? 0;
  const bodyEnd = part?.bodyEnd ?? input.length;
  const view = lineFeedView(input, bodyStart, bodyEnd);
  const encoding = part?.transferEncoding ?? '7bit';
  const whole = { start: bodyStart, end: bodyEnd };
  if (encoding === 'base64') return coarseText(decoded, whole, 'base64');
  const searchable = encoding === 'quoted-printable' ? decodeQuotedPrintable(view) : view;
  if (!searchable) return coarseText(decoded, whole, 'quoted-printable');
  const at = wanted.length === 0 ? 0 : searchable.text.indexOf(wanted);
  if (at < 0) return coarseText(decoded, whole, encoding === 'quoted-printable' ? 'quoted-printable' : 'charset');
  return { text: wanted, toSource: (start, end) => searchable.toSource(at + start, at + end) };
}

/** The input slice with each CRLF seen as LF (postal-mime hands out LF line breaks). */
function lineFeedView(input: string, start: number, end: number): MappedText {
  const builder = new MappedTextBuilder();
  let runStart = start;
  for (let at = input.indexOf('\r\n', start); at >= 0 && at < end; at = input.indexOf('\r\n', at + 2)) {
    builder.copy(input, runStart, at);
    runStart = at + 1;
  }
  builder.copy(input, runStart, end);
  return builder.build(sliceOfSource(input, 0));
}

/**
 * Quoted-printable (RFC 2045 §6.7) decoded with positions. Only ASCII results are kept: a
 * multi-byte character spread over several `=XX` needs its charset, and the caller then falls
 * back to coarse evidence.
 */
function decodeQuotedPrintable(source: MappedText): MappedText | undefined {
  const text = source.text;
  const builder = new MappedTextBuilder();
  let runStart = 0;
  for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', runStart)) {
    builder.copy(text, runStart, at);
    if (text[at + 1] === '\n') {
      runStart = at + 2;
      continue;
    }
    const hex = text.slice(at + 1, at + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      builder.copy(text, at, at + 1);
      runStart = at + 1;
      continue;
    }
    const code = parseInt(hex, 16);
    if (code >= 0x80) return undefined;
    builder.replace(String.fromCharCode(code), at, at + 3);
    runStart = at + 3;
  }
  builder.copy(text, runStart, text.length);
  return builder.build(source);
}
