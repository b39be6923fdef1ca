import { createHash } from 'node:crypto';
import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';

/**
 * Writes the JSON edition, the source of every other format, and returns its checksum.
 *
 * The bytes are exactly `JSON.stringify` of the document (compact, keys in the model's order), written a piece
 * at a time: the document's long lists element by element, everything else stringified whole, so no string of
 * more than a few kilobytes is ever built (stringifying the nine agenda-item sections at once would build one of
 * about 90 MB for a year of 100,000 commitments). The checksum is the SHA-256 of the document without its
 * `checksum` member, which comes last: a reader checks it with `sha256(JSON.stringify({ ...doc, checksum: undefined }))`.
 */
export async function writeJson({ body, annex }: CompiledSummary, sink: ByteSink): Promise<string> {
  const hash = createHash('sha256');
  const out = new TextOutput(sink, 256 * 1024, (bytes) => hash.update(bytes));
  const json = new JsonStream(out);

  await out.write('{');
  await json.members(body, false);
  await out.write(',"annex":{"commitments":');
  await json.elements(annex.commitments(), false);
  await out.write(',"progressReports":');
  await json.elements(annex.progressReports(), false);
  await out.write('}');
  await out.flush();

  const checksum = `sha256:${hash.update('}').digest('hex')}`;
  await sink.write(Buffer.from(`,"checksum":${JSON.stringify(checksum)}}`, 'utf8'));
  return checksum;
}

/**
 * The members of the summary that hold long lists (see summary-document.ts), by name: written element by
 * element. The elements of those in `HOLDING_LISTS` (sections, agencies' progress, agency tables) hold long lists
 * in turn and are written member by member. A long list added to the document belongs here: left out, it is
 * still written correctly, only as one large string.
 */
const LONG_LISTS = new Set(['agendaItems', 'progress', 'statements', 'completed', 'overdue', 'agencies', 'commitments']);
const HOLDING_LISTS = new Set(['agendaItems', 'progress', 'agencies']);

/**
 * JSON.stringify's output, produced in pieces. Synchronous but for the flushes: an await per piece would cost
 * more than the piece.
 */
class JsonStream {
  constructor(private readonly out: TextOutput) {}

  /** The members of `object`, without its braces when `braces` is false (the caller writes them). */
  async members(object: object, braces = true): Promise<void> {
    if (braces) await this.write('{');
    let first = true;
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue; // as JSON.stringify omits them
      await this.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (LONG_LISTS.has(key) && Array.isArray(value)) await this.elements(value, HOLDING_LISTS.has(key));
      else await this.write(JSON.stringify(value));
    }
    if (braces) await this.write('}');
  }

  async elements(items: Iterable<unknown>, holdingLists: boolean): Promise<void> {
    await this.write('[');
    let first = true;
    for (const item of items) {
      if (!first) await this.write(',');
      first = false;
      // as JSON.stringify writes them in arrays: undefined, functions and symbols become null
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') await this.write('null');
      else if (holdingLists && isPlainObject(item)) await this.members(item);
      else if (this.out.add(JSON.stringify(item))) await this.out.flush();
    }
    await this.write(']');
  }

  private write(text: string): Promise<void> | undefined {
    return this.out.add(text) ? this.out.flush() : undefined;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
