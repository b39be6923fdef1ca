/**
 * Where a format's bytes go, a piece at a time: a writer awaits each write, so output never piles up in memory.
 * A chunk is lent, not given: it is valid only until the write's promise settles (writers reuse their buffer),
 * so a sink that keeps bytes copies them.
 */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/**
 * Gathers small strings into larger pieces before handing them on: writers think in sentences and table rows,
 * the store in chunks. Text is gathered a few kilobytes at a time (V8 joins and encodes small strings several
 * times faster than large ones, most of all strings with characters outside Latin-1, such as the "…" of every
 * excerpt) and encoded as UTF-8 into one buffer that is reused for the whole document: a fresh buffer per piece
 * would be hundreds of megabytes of short-lived external memory for a large year, and V8 answers external
 * memory with full garbage collections of everything the summary holds.
 */
export class TextOutput {
  private text: string[] = [];
  private textLength = 0;
  private buffer: Buffer;
  private used = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly flushAt = 256 * 1024,
    /** Sees every byte written (e.g. a hash). */
    private readonly tap?: (bytes: Uint8Array) => void,
  ) {
    // room for a full buffer plus the largest encoding of one gathered piece (3 bytes per UTF-16 unit)
    this.buffer = Buffer.allocUnsafe(flushAt + 3 * ENCODE_AT);
  }

  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Takes `text` without waiting; true when enough has gathered that the caller should `flush()` now. */
  add(text: string): boolean {
    if (text.length > ENCODE_AT) {
      // a long piece is encoded on its own, in slices (keeping surrogate pairs whole)
      this.encode();
      for (let start = 0; start < text.length;) {
        let end = Math.min(start + ENCODE_AT, text.length);
        if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
        this.pushEncoded(text.slice(start, end));
        start = end;
      }
      return this.used >= this.flushAt;
    }
    this.text.push(text);
    this.textLength += text.length;
    if (this.textLength < ENCODE_AT) return false;
    this.encode();
    return this.used >= this.flushAt;
  }

  async flush(): Promise<void> {
    this.encode();
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.tap?.(bytes);
    await this.sink.write(bytes);
    this.used = 0;
  }

  private encode(): void {
    if (this.textLength === 0) return;
    const text = this.text.length === 1 ? this.text[0] : this.text.join('');
    this.text = [];
    this.textLength = 0;
    this.pushEncoded(text);
  }

  /** Encodes `text` behind what is already in the buffer. */
  private pushEncoded(text: string): void {
    if (this.used + 3 * text.length > this.buffer.length) {
      // only a long piece added past flushAt gets here: grow, since add() cannot wait for a flush
      const larger = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.used + 3 * text.length));
      this.buffer.copy(larger, 0, 0, this.used);
      this.buffer = larger;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }
}

/** UTF-16 units of text gathered before they are encoded. */
const ENCODE_AT = 16 * 1024;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** A sink that keeps everything, for tests and for small documents rendered on the spot. */
export class MemorySink implements ByteSink {
  private readonly chunks: Buffer[] = [];

  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(Buffer.from(chunk)); // a copy: the writer reuses its buffer
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
