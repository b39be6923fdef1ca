import { Injectable } from '@nestjs/common';
import sql, { empty, join, raw, type Sql } from 'sql-template-tag';
import type { EntityManager } from 'typeorm';
import { VersionConflict, type ChangeContext } from '@hld/kernel';
import { UnitOfWork } from './unit-of-work.js';

/**
 * An event about to be appended: its type, its payload and its two times, nothing about where it will sit.
 * `effectiveAt` is when the fact took effect in the world (a change learned of late is dated when it happened);
 * `recordedAt` is when the system recorded it (the application's clock). A fact is never effective after it is
 * recorded.
 */
export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
  effectiveAt: Date;
  recordedAt: Date;
}

/** What an event carries besides its payload: who, from which request, and when it was recorded. */
export interface EventMetadata {
  actor: ChangeContext['actor'];
  correlationId: string;
  idempotencyKey?: string;
  clientIp?: string;
}

/**
 * The rows an append inserts, as the statements that run alongside it may refer to them: they are given this
 * rather than the name the append's SQL gives those rows.
 */
export interface AppendedRows {
  /** The position of the appended event with this stream version, as an SQL expression. */
  positionOf(streamVersion: number): Sql;
}

const APPENDED: AppendedRows = {
  positionOf: (streamVersion) => sql`(SELECT position FROM appended WHERE stream_version = ${streamVersion})`,
};

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
  effectiveAt: Date;
  recordedAt: Date;
}

interface EventRow {
  position: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  type: string;
  payload: Record<string, unknown>;
  metadata: EventMetadata;
  effective_at: Date;
  recorded_at: Date;
}

const toStoredEvent = (row: EventRow): StoredEvent => ({
  position: Number(row.position),
  streamId: row.stream_id,
  streamType: row.stream_type,
  streamVersion: row.stream_version,
  type: row.type,
  payload: row.payload,
  metadata: row.metadata,
  effectiveAt: row.effective_at,
  recordedAt: row.recorded_at,
});

const COLUMNS = 'position, stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at';

/**
 * The append-only log every change is kept in. Appends take the caller's transaction so that the
 * read models written in the same transaction can never disagree with the log.
 */
@Injectable()
export class EventStore {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Runs `work` in the unit of work's transaction (joining one already in progress). */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.unitOfWork.run(work);
  }

  /**
   * Appends `events` after `expectedVersion`, together with the statements `alongside` builds (the read-model
   * writes) in ONE SQL statement: atomic on its own, and one round trip instead of a transaction's five. The
   * statements are given the appended rows (e.g. to record an event's position) and run as CTEs beside the
   * insert; their parameters are numbered when the whole statement is composed. Two writers that read the same
   * version race on the (stream_id, stream_version) unique key: the loser writes nothing and gets a
   * VersionConflict. Inside a unit of work, the statement joins its transaction.
   */
  async append(
    stream: { id: string; type: string },
    expectedVersion: number,
    events: NewEvent[],
    metadata: EventMetadata,
    alongside?: (appended: AppendedRows) => Sql[],
  ): Promise<AppendedEvent[]> {
    if (events.length === 0) return [];
    const recorded = JSON.stringify(metadata);
    const rows = events.map(
      (event, i) => sql`(${stream.id}, ${stream.type}, ${expectedVersion + i + 1}, ${event.type}, ${JSON.stringify(event.payload)}::jsonb,
        ${recorded}::jsonb, ${event.effectiveAt.toISOString()}::timestamptz, ${event.recordedAt.toISOString()}::timestamptz)`,
    );
    const ctes = (alongside?.(APPENDED) ?? []).map((statement, i) => sql`,\n${raw(`alongside_${i}`)} AS (${statement})`);
    const query = sql`WITH appended AS (INSERT INTO events (stream_id, stream_type, stream_version, type, payload, metadata, effective_at, recorded_at)
         VALUES ${join(rows, ', ')} RETURNING position, stream_version)${ctes.length ? join(ctes, '') : empty}
      SELECT position, stream_version FROM appended ORDER BY stream_version`;
    try {
      const inserted = await this.unitOfWork.queryPrepared<{ position: string; stream_version: number }>(query.text, query.values);
      return inserted.map((row) => ({ position: Number(row.position), streamVersion: row.stream_version }));
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_version_unique')) {
        throw new VersionConflict(expectedVersion, await this.currentVersion(stream.id));
      }
      throw error;
    }
  }

  /** The events of one stream in the order they were recorded (stream version). */
  async readStream(streamId: string, options: { tx?: EntityManager } = {}): Promise<StoredEvent[]> {
    const runner = options.tx ?? this.unitOfWork.manager;
    const rows: EventRow[] = await runner.query(`SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    return rows.map(toStoredEvent);
  }

  /**
   * Every stream of a type, one at a time with its events in stream order, read a page at a time (for rebuilding
   * read models: a stream's events are all a rebuild needs at once, whatever the size of the log).
   */
  async *readStreams(streamType: string, tx: EntityManager, pageSize = 5000): AsyncGenerator<StoredEvent[]> {
    let after: [string, number] = ['00000000-0000-0000-0000-000000000000', 0];
    let stream: StoredEvent[] = [];
    for (;;) {
      const rows: EventRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM events WHERE stream_type = $1 AND (stream_id, stream_version) > ($2::uuid, $3::int)
         ORDER BY stream_id, stream_version LIMIT $4`,
        [streamType, after[0], after[1], pageSize],
      );
      for (const event of rows.map(toStoredEvent)) {
        if (stream.length > 0 && stream[0].streamId !== event.streamId) {
          yield stream;
          stream = [];
        }
        stream.push(event);
      }
      if (rows.length < pageSize) break;
      const last = stream[stream.length - 1];
      after = [last.streamId, last.streamVersion];
    }
    if (stream.length > 0) yield stream;
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
