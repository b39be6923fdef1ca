import { createHash } from 'node:crypto';
import type { CompiledSummary } from '../domain/summary-document.js';
import { TextOutput, type ByteSink } from './byte-sink.js';

/**
 * Writes the JSON edition, the source of every other format, and returns its checksum.
 *
 * The bytes are exactly `JSON.stringify` of the document (compact, keys in the model's order), written a section
 * and an annex row at a time. The checksum is the SHA-256 of the document without its `checksum` member, which
 * comes last: a reader checks it with `sha256(JSON.stringify({ ...doc, checksum: undefined }))`.
 */
export async function writeJson({ body, annex }: CompiledSummary, sink: ByteSink): Promise<string> {
  const hash = createHash('sha256');
  const out = new TextOutput(sink, 256 * 1024, (bytes) => hash.update(bytes));
  // elements are written in batches of about 256 KB: one write per few hundred annex rows, not one per row
  const array = async (items: Iterable<unknown>) => {
    let batch: string[] = [];
    let batchLength = 0;
    let first = true;
    const flush = async () => {
      await out.write(first ? batch.join(',') : `,${batch.join(',')}`);
      batch = [];
      batchLength = 0;
      first = false;
    };
    await out.write('[');
    for (const item of items) {
      const json = JSON.stringify(item);
      batch.push(json);
      batchLength += json.length;
      if (batchLength >= 256 * 1024) await flush();
    }
    if (batch.length) await flush();
    await out.write(']');
  };

  let first = true;
  for (const [key, value] of Object.entries(body)) {
    await out.write(`${first ? '{' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (Array.isArray(value)) await array(value);
    else await out.write(JSON.stringify(value));
  }
  await out.write(',"annex":{"commitments":');
  await array(annex.commitments());
  await out.write(',"progressReports":');
  await array(annex.progressReports());
  await out.write('}');
  await out.flush();

  const checksum = `sha256:${hash.update('}').digest('hex')}`;
  await sink.write(Buffer.from(`,"checksum":${JSON.stringify(checksum)}}`, 'utf8'));
  return checksum;
}
