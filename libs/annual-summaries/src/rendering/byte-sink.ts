/** Where a format's bytes go, a piece at a time: a writer awaits each write, so output never piles up in memory. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/**
 * Gathers small strings into larger pieces before handing them on: writers think in sentences and table rows,
 * the store in chunks. Text is encoded to UTF-8 every few kilobytes and the bytes gathered up to `flushAt`:
 * V8 encodes (and joins) small strings several times faster than large ones, most of all strings with
 * characters outside Latin-1, such as the "…" of every excerpt.
 */
export class TextOutput {
  private text: string[] = [];
  private textLength = 0;
  private bytes: Buffer[] = [];
  private byteLength = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly flushAt = 256 * 1024,
    /** Sees every byte written (e.g. a hash). */
    private readonly tap?: (bytes: Uint8Array) => void,
  ) {}

  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Takes `text` without waiting; true when enough has gathered that the caller should `flush()` now. */
  add(text: string): boolean {
    this.text.push(text);
    this.textLength += text.length;
    if (this.textLength < ENCODE_AT) return false;
    this.encode();
    return this.byteLength >= this.flushAt;
  }

  async flush(): Promise<void> {
    this.encode();
    if (this.byteLength === 0) return;
    const bytes = this.bytes.length === 1 ? this.bytes[0] : Buffer.concat(this.bytes, this.byteLength);
    this.bytes = [];
    this.byteLength = 0;
    this.tap?.(bytes);
    await this.sink.write(bytes);
  }

  private encode(): void {
    if (this.textLength === 0) return;
    const bytes = Buffer.from(this.text.length === 1 ? this.text[0] : this.text.join(''), 'utf8');
    this.text = [];
    this.textLength = 0;
    this.bytes.push(bytes);
    this.byteLength += bytes.byteLength;
  }
}

/** Characters of text gathered before they are encoded. */
const ENCODE_AT = 16 * 1024;

/** A sink that keeps everything, for tests and for small documents rendered on the spot. */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];

  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
