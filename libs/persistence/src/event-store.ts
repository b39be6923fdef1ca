import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { VersionConflict, type ChangeContext } from '@hld/kernel';
import { UnitOfWork } from './unit-of-work.js';

/** An event about to be appended: its type and its payload, nothing about where it will sit. */
export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** What an event carries besides its payload: who, from which request, and when it was recorded. */
export interface EventMetadata {
  actor: ChangeContext['actor'];
  correlationId: string;
  idempotencyKey?: string;
  clientIp?: string;
}

/** A statement to run in the same SQL statement as an append (as a CTE): `$1…$n` are its own parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** Where an appended event landed. */
export interface AppendedEvent {
  position: number;
  streamVersion: number;
}

export interface StoredEvent {
  position: number;
  streamId: string;
  streamType: string;
  streamVersion: number;
  type: string;
  payload: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: Date;
}

interface EventRow {
  position: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  type: string;
  payload: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
}

const toStoredEvent = (row: EventRow): StoredEvent => ({
  position: Number(row.position),
  streamId: row.stream_id,
  streamType: row.stream_type,
  streamVersion: row.stream_version,
  type: row.type,
  payload: row.payload,
  metadata: row.metadata,
  occurredAt: row.occurred_at,
});

const COLUMNS = 'position, stream_id, stream_type, stream_version, type, payload, metadata, occurred_at';

/**
 * The append-only log every change is kept in. Appends take the caller's transaction so that the
 * read models written in the same transaction can never disagree with the log.
 */
@Injectable()
export class EventStore {
  /** Composed append statements by shape (see appendSql); a handful in practice, bounded all the same. */
  private readonly shapes = new LRUCache<string, string>({ max: 500 });

  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Runs `work` in the unit of work's transaction (joining one already in progress). */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.unitOfWork.run(work);
  }

  /**
   * Appends `events` after `expectedVersion`, together with `alongside` (the read-model writes) in ONE SQL
   * statement: atomic on its own, and one round trip instead of a transaction's five. The statements can refer
   * to the appended rows as `appended` (e.g. to record an event's position). Two writers that read the same
   * version race on the (stream_id, stream_version) unique key: the loser writes nothing and gets a
   * VersionConflict. Inside a unit of work, the statement joins its transaction.
   */
  async append(
    stream: { id: string; type: string },
    expectedVersion: number,
    events: NewEvent[],
    metadata: EventMetadata,
    alongside: SqlStatement[] = [],
  ): Promise<AppendedEvent[]> {
    if (events.length === 0) return [];
    const params: unknown[] = [stream.id, stream.type, JSON.stringify(metadata)];
    events.forEach((event, i) => params.push(expectedVersion + i + 1, event.type, JSON.stringify(event.payload), event.occurredAt.toISOString()));
    for (const statement of alongside) params.push(...statement.params);
    try {
      const rows = await this.unitOfWork.queryPrepared<{ position: string; stream_version: number }>(this.appendSql(events.length, alongside), params);
      return rows.map((row) => ({ position: Number(row.position), streamVersion: row.stream_version }));
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_version_unique')) {
        throw new VersionConflict(expectedVersion, await this.currentVersion(stream.id));
      }
      throw error;
    }
  }

  /**
   * The text of an append of `count` events with these statements alongside, composed once per shape: the same
   * few shapes recur on every command, and reusing the very same string lets the prepared-statement lookup skip
   * hashing it again.
   */
  private appendSql(count: number, alongside: SqlStatement[]): string {
    let shape = String(count);
    for (const statement of alongside) shape += `\u0000${statement.params.length}\u0000${statement.sql}`;
    const known = this.shapes.get(shape);
    if (known) return known;
    const values = Array.from({ length: count }, (_, i) => {
      const p = 4 + i * 4;
      return `($1, $2, $${p}, $${p + 1}, $${p + 2}::jsonb, $3::jsonb, $${p + 3}::timestamptz)`;
    });
    const ctes = [
      `appended AS (INSERT INTO events (stream_id, stream_type, stream_version, type, payload, metadata, occurred_at)
         VALUES ${values.join(', ')} RETURNING position, stream_version)`,
    ];
    let offset = 3 + count * 4;
    alongside.forEach((statement, i) => {
      const shift = offset;
      ctes.push(`alongside_${i} AS (${statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`)})`);
      offset += statement.params.length;
    });
    const sql = `WITH ${ctes.join(',\n')} SELECT position, stream_version FROM appended ORDER BY stream_version`;
    this.shapes.set(shape, sql);
    return sql;
  }

  /** The events of one stream, oldest first; with `until`, only those that occurred at or before it. */
  async readStream(streamId: string, options: { until?: Date; tx?: EntityManager } = {}): Promise<StoredEvent[]> {
    const runner = options.tx ?? this.unitOfWork.manager;
    const rows: EventRow[] = options.until
      ? await runner.query(
          `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND occurred_at <= $2 ORDER BY stream_version`,
          [streamId, options.until],
        )
      : await runner.query(`SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    return rows.map(toStoredEvent);
  }

  /** Every event of a stream type in log order, a page at a time (for rebuilding read models). */
  async *readAll(streamType: string, tx: EntityManager, pageSize = 5000): AsyncGenerator<StoredEvent[]> {
    let after = 0;
    for (;;) {
      const rows: EventRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM events WHERE stream_type = $1 AND position > $2 ORDER BY position LIMIT $3`,
        [streamType, after, pageSize],
      );
      if (rows.length === 0) return;
      const page = rows.map(toStoredEvent);
      yield page;
      after = page[page.length - 1].position;
    }
  }

  async currentVersion(streamId: string): Promise<number> {
    // outside any transaction: the caller's has just failed on the conflict
    const [row] = await this.unitOfWork.manager.connection.query(
      'SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return row.version;
  }
}

/**
 * The highest position in the log that `runner`'s transaction sees: a summary of the log as of a snapshot cites
 * it. (A free function: it runs on whatever connection holds that snapshot.)
 */
export async function logPosition(runner: { query(sql: string): Promise<Array<{ position: string }>> }): Promise<number> {
  const [{ position }] = await runner.query(`SELECT coalesce(max(position), 0)::text AS position FROM events`);
  return Number(position);
}

/** True when `error` is PostgreSQL's unique violation (23505), optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
