import { createHash } from 'node:crypto';
import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';

/**
 * Writes the JSON edition, the source of every other format, and returns its checksum.
 *
 * The bytes are exactly `JSON.stringify` of the document (compact, keys in the model's order), written a piece
 * at a time: large arrays (and the objects holding them) element by element, everything else stringified whole,
 * so no string of more than a few kilobytes is ever built. The checksum is the SHA-256 of the document without
 * its `checksum` member, which comes last: a reader checks it with
 * `sha256(JSON.stringify({ ...doc, checksum: undefined }))`.
 */
export async function writeJson({ body, annex }: CompiledSummary, sink: ByteSink): Promise<string> {
  const hash = createHash('sha256');
  const out = new TextOutput(sink, 256 * 1024, (bytes) => hash.update(bytes));
  const json = new JsonStream(out);

  await out.write('{');
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    await out.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    await json.value(value);
  }
  await out.write(',"annex":{"commitments":');
  await json.elements(annex.commitments());
  await out.write(',"progressReports":');
  await json.elements(annex.progressReports());
  await out.write('}');
  await out.flush();

  const checksum = `sha256:${hash.update('}').digest('hex')}`;
  await sink.write(Buffer.from(`,"checksum":${JSON.stringify(checksum)}}`, 'utf8'));
  return checksum;
}

/** Arrays longer than this are written element by element. */
const STREAM_ARRAYS_LONGER_THAN = 16;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * JSON.stringify's output, produced in pieces. Synchronous but for the flushes: an await per piece would cost
 * more than the piece.
 */
class JsonStream {
  constructor(private readonly out: TextOutput) {}

  async value(value: unknown): Promise<void> {
    if (Array.isArray(value) && isLarge(value)) return this.elements(value);
    if (isLarge(value)) return this.members(value as Record<string, unknown>);
    await this.write(JSON.stringify(value) ?? 'null');
  }

  async elements(items: Iterable<unknown>): Promise<void> {
    await this.write('[');
    let first = true;
    for (const item of items) {
      if (!first) await this.write(',');
      first = false;
      // as JSON.stringify writes them in arrays: undefined and functions become null
      if (item === undefined || typeof item === 'function') await this.write('null');
      else if (isLarge(item)) await this.value(item);
      else if (this.out.add(JSON.stringify(item))) await this.out.flush();
    }
    await this.write(']');
  }

  private async members(object: Record<string, unknown>): Promise<void> {
    await this.write('{');
    let first = true;
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined || typeof value === 'function') continue; // as JSON.stringify omits them
      await this.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await this.value(value);
    }
    await this.write('}');
  }

  private write(text: string): Promise<void> | undefined {
    return this.out.add(text) ? this.out.flush() : undefined;
  }
}

/**
 * Worth writing in pieces: a large array, or an array or object holding one at any depth (the agenda-item
 * sections are nine, but each holds thousands of statements).
 */
export function isLarge(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    if (value.length > STREAM_ARRAYS_LONGER_THAN) return true;
    for (const item of value) if (isLarge(item, depth + 1)) return true;
    return false;
  }
  if (!isPlainObject(value)) return false;
  for (const key in value) if (isLarge(value[key], depth + 1)) return true;
  return false;
}

/** How deep isLarge looks: deeper than the summary's own nesting, shallow enough to stay cheap. */
const MAX_DEPTH = 6;
