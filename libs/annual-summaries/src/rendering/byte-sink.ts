/** Where a format's bytes go, a piece at a time: a writer awaits each write, so output never piles up in memory. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/**
 * Gathers small strings into larger pieces before handing them on: writers think in sentences and table rows,
 * the store in chunks.
 */
export class TextOutput {
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly flushAt = 256 * 1024,
    /** Sees every byte written (e.g. a hash). */
    private readonly tap?: (bytes: Uint8Array) => void,
  ) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= this.flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.tap?.(bytes);
    await this.sink.write(bytes);
  }
}

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
