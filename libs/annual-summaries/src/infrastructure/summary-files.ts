import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ByteSink } from '../rendering/byte-sink.js';
import { MEDIA_TYPES, type SummaryFormat } from '../rendering/summary-formats.js';

/** Rows of at most this size: large enough to be few, small enough to stream a download a row at a time. */
const CHUNK_BYTES = 1024 * 1024;

export interface StoredFile {
  format: SummaryFormat;
  mediaType: string;
  byteSize: number;
  sha256: string;
  chunkCount: number;
}

/** Writes one format's bytes into chunk rows of the caller's transaction, through one reused chunk-sized buffer. */
class ChunkWriter implements ByteSink {
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private filled = 0;
  private seq = 0;
  private size = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly tx: EntityManager,
    private readonly summaryId: string,
    private readonly format: SummaryFormat,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    this.hash.update(bytes);
    this.size += bytes.byteLength;
    // copied: the writer lends its buffer only until this promise settles
    for (let offset = 0; offset < bytes.byteLength;) {
      const taken = Math.min(bytes.byteLength - offset, CHUNK_BYTES - this.filled);
      this.chunk.set(bytes.subarray(offset, offset + taken), this.filled);
      this.filled += taken;
      offset += taken;
      if (this.filled === CHUNK_BYTES) await this.flush();
    }
  }

  async finish(): Promise<StoredFile> {
    if (this.filled > 0 || this.seq === 0) await this.flush();
    const file: StoredFile = {
      format: this.format,
      mediaType: MEDIA_TYPES[this.format],
      byteSize: this.size,
      sha256: this.hash.digest('hex'),
      chunkCount: this.seq,
    };
    await this.tx.query(
      `INSERT INTO annual_summary_files (summary_id, format, media_type, byte_size, sha256, chunk_count) VALUES ($1, $2, $3, $4, $5, $6)`,
      [this.summaryId, file.format, file.mediaType, file.byteSize, file.sha256, file.chunkCount],
    );
    return file;
  }

  /** Stores what the buffer holds as the next chunk row; the buffer is free again once the INSERT has returned. */
  private async flush(): Promise<void> {
    await this.tx.query(`INSERT INTO annual_summary_chunks (summary_id, format, seq, data) VALUES ($1, $2, $3, $4)`, [
      this.summaryId,
      this.format,
      this.seq,
      this.chunk.subarray(0, this.filled),
    ]);
    this.seq += 1;
    this.filled = 0;
  }
}

/** The stored bytes of each format of a version: written once, in chunks, and streamed back a chunk at a time. */
@Injectable()
export class SummaryFiles {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Renders one format straight into chunk rows of `tx`; returns what `render` returns and the stored file. */
  async write<T>(
    tx: EntityManager,
    summaryId: string,
    format: SummaryFormat,
    render: (sink: ByteSink) => Promise<T>,
  ): Promise<{ result: T; file: StoredFile }> {
    const writer = new ChunkWriter(tx, summaryId, format);
    const result = await render(writer);
    return { result, file: await writer.finish() };
  }

  async find(summaryId: string, format: SummaryFormat): Promise<StoredFile | null> {
    const [row] = await this.dataSource.query(
      `SELECT format, media_type, byte_size::text, sha256, chunk_count FROM annual_summary_files WHERE summary_id = $1 AND format = $2`,
      [summaryId, format],
    );
    return row
      ? { format: row.format, mediaType: row.media_type, byteSize: Number(row.byte_size), sha256: row.sha256, chunkCount: row.chunk_count }
      : null;
  }

  /** The file's bytes as a stream that reads one chunk row at a time, so a large file never sits in memory. */
  stream(summaryId: string, file: StoredFile): Readable {
    const dataSource = this.dataSource;
    return Readable.from(
      (async function* () {
        for (let seq = 0; seq < file.chunkCount; seq += 1) {
          const [row] = await dataSource.query(
            `SELECT data FROM annual_summary_chunks WHERE summary_id = $1 AND format = $2 AND seq = $3`,
            [summaryId, file.format, seq],
          );
          yield row.data as Buffer;
        }
      })(),
      { objectMode: false },
    );
  }

  /** The whole file at once, for callers that know it is small. */
  async read(summaryId: string, file: StoredFile): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.stream(summaryId, file)) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }
}
