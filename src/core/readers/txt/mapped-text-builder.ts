/**
 * Accumulates decoded text together with the document offset each decoded UTF-16 unit came
 * from. Octets given one by one (`\DDD` escapes, RFC 3597 hex) are decoded as UTF-8 where they
 * form valid sequences; invalid octets become U+FFFD but still count as one octet each.
 */
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];
  private escaped = false;
  private pendingOctets: number[] = [];
  private pendingStarts: number[] = [];
  private pendingEnds: number[] = [];
  private decodedOctets = 0;

  /** Appends literal text (one or more units) that came from `[sourceStart, sourceEnd)`. */
  appendText(text: string, sourceStart: number, sourceEnd: number): void {
    this.flushOctets();
    if (text.length === 1 && sourceEnd - sourceStart === 1) {
      this.parts.push(text);
      this.offsets.push(sourceStart);
      this.decodedOctets += utf8Length(text.charCodeAt(0));
      return;
    }
    this.escaped = true;
    this.parts.push(text);
    // The first unit carries the whole source span; the rest are zero-width at its end.
    this.offsets.push(sourceStart);
    for (let i = 1; i < text.length; i++) this.offsets.push(sourceEnd);
    for (let i = 0; i < text.length; i++) this.decodedOctets += utf8Length(text.charCodeAt(i));
  }

  /** Appends one raw octet that came from `[sourceStart, sourceEnd)`. */
  appendOctet(octet: number, sourceStart: number, sourceEnd: number): void {
    this.escaped = true;
    this.pendingOctets.push(octet);
    this.pendingStarts.push(sourceStart);
    this.pendingEnds.push(sourceEnd);
  }

  /** Marks the map as not one to one (a source span that decodes to nothing was skipped). */
  markEscaped(): void {
    this.escaped = true;
  }

  /**
   * Finishes the text. `contentStart`/`contentEnd` bound the source; the offset map is returned
   * only when the text does not map one to one onto that source.
   */
  finish(contentStart: number, contentEnd: number): { text: string; octets: number; sourceOffsets?: number[] } {
    this.flushOctets();
    const text = this.parts.join('');
    if (!this.escaped && contentEnd - contentStart === text.length && (text.length === 0 || this.offsets[0] === contentStart)) {
      return { text, octets: this.decodedOctets };
    }
    return { text, octets: this.decodedOctets, sourceOffsets: [...this.offsets, contentEnd] };
  }

  private flushOctets(): void {
    const octets = this.pendingOctets;
    if (octets.length === 0) return;
    const starts = this.pendingStarts;
    this.decodedOctets += octets.length;
    let i = 0;
    while (i < octets.length) {
      const length = sequenceLength(octets[i]);
      const sequence = octets.slice(i, i + length);
      let decoded: string | undefined;
      if (length > 1 && sequence.length === length) {
        try {
          decoded = utf8Decoder.decode(new Uint8Array(sequence));
        } catch {
          decoded = undefined;
        }
      } else if (length === 1) {
        decoded = String.fromCharCode(octets[i]);
      }
      if (decoded === undefined) {
        this.parts.push('\uFFFD');
        this.offsets.push(starts[i]);
        i++;
        continue;
      }
      this.parts.push(decoded);
      this.offsets.push(starts[i]);
      // A code point above U+FFFF is two units: the second is zero-width at the span's end.
      for (let unit = 1; unit < decoded.length; unit++) this.offsets.push(this.pendingEnds[i + length - 1]);
      i += length;
    }
    this.pendingOctets = [];
    this.pendingStarts = [];
    this.pendingEnds = [];
  }
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}

/** UTF-8 length of one UTF-16 unit (a surrogate counts 2, so a pair counts 4). */
export function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code < 0xe000) return 2;
  return 3;
}
