/**
 * Header-style blocks inside plain text (a pasted bounce, or a non-MIME bounce body): the
 * delivery-status fields and the returned message's headers, when the user copied them along.
 */
import { isDeliveryStatusBlock } from './delivery-status';
import { readHeaderBlock, type HeaderBlock } from './header-fields';
import type { MappedText } from './text-map';

/** Where the delivery-status fields start, and the returned message's header block. */
export interface TextBlocks {
  deliveryStatusStart?: number;
  returnedHeaders?: HeaderBlock;
  /** A header block at the very start (the bounce's own headers, pasted with it). */
  leadingHeaders?: HeaderBlock;
}

const FIELD_LINE = /^[!-9;-~]{1,76}:[ \t]/;
const MESSAGE_FIELDS = new Set(['received', 'return-path', 'from', 'message-id', 'dkim-signature']);
const MAX_BLOCKS = 256;

/** Finds the blocks of `text` (bounded: at most {@link MAX_BLOCKS} blocks are read). */
export function findTextBlocks(text: MappedText): TextBlocks {
  const found: TextBlocks = {};
  const messageBlocks: Array<{ block: HeaderBlock; start: number }> = [];
  let lineStart = 0;
  let blocks = 0;
  while (lineStart < text.text.length && blocks < MAX_BLOCKS) {
    const newline = text.text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.text.length : newline;
    if (FIELD_LINE.test(text.text.slice(lineStart, Math.min(lineEnd, lineStart + 80)))) {
      const block = readHeaderBlock(text, lineStart);
      blocks++;
      if (isDeliveryStatusBlock(block)) found.deliveryStatusStart ??= lineStart;
      else if (block.fields.some((field) => MESSAGE_FIELDS.has(field.name))) messageBlocks.push({ block, start: lineStart });
      if (lineStart === 0) found.leadingHeaders = block;
      lineStart = Math.max(block.end, lineEnd) + 1;
      continue;
    }
    lineStart = lineEnd + 1;
  }
  const returned = [...messageBlocks].reverse().find(({ block, start }) => start > 0 || !isFromMailSystem(block));
  found.returnedHeaders = returned?.block;
  return found;
}

/** The bounce's own headers come from the mail system (MAILER-DAEMON, postmaster). */
function isFromMailSystem(block: HeaderBlock): boolean {
  const from = block.fields.find((field) => field.name === 'from');
  return !!from && /mailer-daemon|postmaster|mail delivery/i.test(from.value.text);
}
