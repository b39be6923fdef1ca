import { MemorySink, TextOutput } from './byte-sink.js';

describe('TextOutput', () => {
  /** Writes `pieces` the way the writers do (add, flushing when asked) and returns the bytes the sink kept. */
  async function written(pieces: string[], flushAt: number): Promise<{ bytes: Buffer; tapped: Buffer }> {
    const sink = new MemorySink();
    const tapped: Buffer[] = [];
    const out = new TextOutput(sink, flushAt, (bytes) => tapped.push(Buffer.from(bytes)));
    for (const piece of pieces) if (out.add(piece)) await out.flush();
    await out.flush();
    return { bytes: sink.bytes(), tapped: Buffer.concat(tapped) };
  }

  it('writes exactly the UTF-8 of the text, across flushes, long pieces and characters outside the BMP', async () => {
    const long = 'é'.repeat(16 * 1024 - 1) + '😀' + 'x'.repeat(40_000) + '…'; // a surrogate pair across a slice boundary
    const pieces = ['{"a":', '"…"', long, ...Array.from({ length: 5_000 }, (_, i) => `"row ${i} – ü 😀",`), long, '}'];
    for (const flushAt of [1, 1024, 256 * 1024]) {
      const { bytes, tapped } = await written(pieces, flushAt);
      expect(bytes.equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      expect(tapped.equals(bytes)).toBe(true);
    }
  });

  it('reuses its buffer: what a sink is lent changes after the write settles, so a keeping sink copies', async () => {
    const lent: Uint8Array[] = [];
    const out = new TextOutput({ write: async (chunk) => void lent.push(chunk) });
    await out.write('first');
    await out.flush();
    await out.write('other');
    await out.flush();
    expect(lent).toHaveLength(2);
    expect(lent[0].buffer).toBe(lent[1].buffer);
    expect(Buffer.from(lent[0]).toString()).toBe('other');
  });
});
