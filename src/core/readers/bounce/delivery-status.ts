/**
 * RFC 3464 delivery-status fields: one per-message block (Reporting-MTA §2.2.2, X-Postfix-Sender)
 * followed by per-recipient blocks (Final-Recipient §2.3.2, Action §2.3.3, Status §2.3.4,
 * Remote-MTA §2.3.5, Diagnostic-Code §2.3.6), blocks separated by blank lines. Continuation lines
 * are unfolded with positions kept. The same reader serves pasted text that contains the fields.
 */
import { afterTypePrefix, readHeaderBlock, type HeaderBlock, type HeaderField } from './header-fields';
import type { Found } from './read-reply';
import type { MappedText } from './text-map';

/** The fields that matter for the fix loop, from the first failed recipient. */
export interface DeliveryStatusFacts {
  reportingMta?: Found;
  remoteMta?: Found;
  /** Status (an enhanced status code, RFC 3463). */
  status?: Found;
  /** The Diagnostic-Code text after its type (`smtp;`), mapped to the input. */
  diagnostic?: MappedText;
  recipientDomain?: string;
  envelopeSenderDomain?: Found;
}

const MAX_BLOCKS = 64;
const DSN_FIELDS = new Set(['reporting-mta', 'final-recipient', 'original-recipient', 'action', 'status', 'diagnostic-code', 'remote-mta']);

/** True when a header block is a delivery-status block rather than message headers. */
export function isDeliveryStatusBlock(block: HeaderBlock): boolean {
  return block.fields.some((field) => DSN_FIELDS.has(field.name));
}

/** Reads the delivery-status blocks of `text` from `from` on. */
export function readDeliveryStatus(text: MappedText, from = 0): DeliveryStatusFacts {
  const facts: DeliveryStatusFacts = {};
  let recipientChosen = false;
  let offset = from;
  for (let count = 0; count < MAX_BLOCKS && offset < text.text.length; count++) {
    const block = readHeaderBlock(text, offset);
    if (block.fields.length > 0 && !isDeliveryStatusBlock(block) && count > 0) break;
    for (const field of block.fields) {
      if (field.name === 'reporting-mta') facts.reportingMta ??= typedValue(field);
      if (field.name === 'x-postfix-sender') facts.envelopeSenderDomain ??= domainOfAddress(typedValue(field), field.value);
    }
    const isRecipient = block.fields.some((field) => ['final-recipient', 'status', 'diagnostic-code'].includes(field.name));
    const failed = block.fields.some((field) => field.name === 'action' && /^\s*failed|^\s*delayed/i.test(field.value.text));
    if (isRecipient && !recipientChosen && (failed || !block.fields.some((field) => field.name === 'action'))) {
      readRecipient(block, facts);
      recipientChosen = true;
    }
    offset = nextBlockStart(text.text, block.end);
  }
  return facts;
}

function readRecipient(block: HeaderBlock, facts: DeliveryStatusFacts): void {
  for (const field of block.fields) {
    switch (field.name) {
      case 'remote-mta':
        facts.remoteMta = typedValue(field);
        break;
      case 'status': {
        const status = /[245]\.\d{1,3}\.\d{1,3}/.exec(field.value.text);
        if (status) facts.status = { value: status[0], range: field.value.toSource(status.index, status.index + status[0].length) };
        break;
      }
      case 'diagnostic-code': {
        const { start, end } = afterTypePrefix(field.value);
        const value = field.value;
        facts.diagnostic = { text: value.text.slice(start, end), toSource: (s, e) => value.toSource(start + s, start + e) };
        break;
      }
      case 'final-recipient':
        facts.recipientDomain = /@([A-Za-z0-9.-]{1,253})/.exec(field.value.text)?.[1]?.toLowerCase();
        break;
    }
  }
}

/** The value after `dns;` / `rfc822;`, minus a trailing bracketed address (`host [192.0.2.1]`). */
function typedValue(field: HeaderField): Found {
  const { start, end } = afterTypePrefix(field.value);
  const bare = /^[^\s[\]]{1,255}/.exec(field.value.text.slice(start, end));
  const valueEnd = bare ? start + bare[0].length : end;
  return { value: field.value.text.slice(start, valueEnd).toLowerCase().replace(/\.$/, ''), range: field.value.toSource(start, valueEnd) };
}

function domainOfAddress(address: Found, value: MappedText): Found | undefined {
  const at = address.value.lastIndexOf('@');
  if (at < 0) return undefined;
  const textAt = value.text.toLowerCase().indexOf(address.value);
  if (textAt < 0) return undefined;
  const start = textAt + at + 1;
  return { value: address.value.slice(at + 1), range: value.toSource(start, textAt + address.value.length) };
}

function nextBlockStart(text: string, blockEnd: number): number {
  let offset = blockEnd;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return text.length;
    if (!/^[ \t\r]*$/.test(text.slice(offset, newline))) return offset;
    offset = newline + 1;
  }
  return offset;
}
