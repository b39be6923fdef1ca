import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '@hld/persistence';

export const SUMMARY_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];
export type SummaryTrigger = 'on_demand' | 'scheduled';

/** One compilation of a year's summary, as stored. */
export interface SummaryVersion {
  id: string;
  year: number;
  version: number;
  status: SummaryStatus;
  progress: number;
  trigger: SummaryTrigger;
  requestedBy: string;
  requestedAt: string;
  /** The recorded instant it is compiled as known at; null: everything recorded by the compilation. */
  knownAt: string | null;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  compiledAsOf: string | null;
  eventPosition: number | null;
  generator: string | null;
  checksum: string | null;
  error: string | null;
}

interface SummaryRow {
  id: string;
  year: number;
  version: number;
  status: SummaryStatus;
  progress: number;
  trigger: SummaryTrigger;
  requested_by: string;
  requested_at: Date;
  known_at: Date | null;
  attempts: number;
  started_at: Date | null;
  finished_at: Date | null;
  compiled_as_of: Date | null;
  event_position: string | null;
  generator: string | null;
  checksum: string | null;
  last_error: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toVersion = (row: SummaryRow): SummaryVersion => ({
  id: row.id,
  year: row.year,
  version: row.version,
  status: row.status,
  progress: row.progress,
  trigger: row.trigger,
  requestedBy: row.requested_by,
  requestedAt: row.requested_at.toISOString(),
  knownAt: iso(row.known_at),
  attempts: row.attempts,
  startedAt: iso(row.started_at),
  finishedAt: iso(row.finished_at),
  compiledAsOf: iso(row.compiled_as_of),
  eventPosition: row.event_position === null ? null : Number(row.event_position),
  generator: row.generator,
  checksum: row.checksum,
  error: row.last_error,
});

/** The versions of the summaries: requested, started, advanced, finished. Every version is kept. */
@Injectable()
export class SummaryVersions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * The version waiting or running for `year`, or a new queued one. Requests for one year are serialised by an
   * advisory lock, so a hundred at once find the same version (the partial unique index is the backstop).
   */
  request(
    year: number,
    trigger: SummaryTrigger,
    requestedBy: string,
    now: Date,
    knownAt: Date | null = null,
  ): Promise<{ summary: SummaryVersion; created: boolean }> {
    return this.unitOfWork.run(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('annual-summaries'), $1)`, [year]);
      const [active]: SummaryRow[] = await tx.query(`SELECT * FROM annual_summaries WHERE year = $1 AND status IN ('queued', 'running')`, [
        year,
      ]);
      if (active) return { summary: toVersion(active), created: false };
      const [row]: SummaryRow[] = await tx.query(
        `INSERT INTO annual_summaries (id, year, version, trigger, requested_by, requested_at, known_at)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6 FROM annual_summaries WHERE year = $2
         RETURNING *`,
        [randomUUID(), year, trigger, requestedBy, now, knownAt],
      );
      return { summary: toVersion(row), created: true };
    });
  }

  async list(year: number): Promise<SummaryVersion[]> {
    const rows: SummaryRow[] = await this.dataSource.query(`SELECT * FROM annual_summaries WHERE year = $1 ORDER BY version`, [year]);
    return rows.map(toVersion);
  }

  async find(year: number, version: number): Promise<SummaryVersion | null> {
    const [row]: SummaryRow[] = await this.dataSource.query(`SELECT * FROM annual_summaries WHERE year = $1 AND version = $2`, [
      year,
      version,
    ]);
    return row ? toVersion(row) : null;
  }

  async active(): Promise<SummaryVersion[]> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT * FROM annual_summaries WHERE status IN ('queued', 'running') ORDER BY year, version`,
    );
    return rows.map(toVersion);
  }

  /**
   * Marks an attempt as started. Null when the version is already done or failed: the job was delivered again
   * after it finished, and there is nothing to do.
   */
  async start(id: string, now: Date): Promise<SummaryVersion | null> {
    const [row]: SummaryRow[] = await this.dataSource.query(
      `WITH started AS (
         UPDATE annual_summaries SET status = 'running', progress = 0, attempts = attempts + 1, started_at = $2, last_error = NULL
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING *)
       SELECT * FROM started`,
      [id, now],
    );
    return row ? toVersion(row) : null;
  }

  /** Outside the compilation's transaction, so pollers see it at once. */
  async progress(id: string, percent: number): Promise<void> {
    await this.dataSource.query(`UPDATE annual_summaries SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, percent]);
  }

  /** In the transaction that stored the files: the version and its files appear together, or not at all. */
  async markDone(
    tx: EntityManager,
    id: string,
    result: { compiledAsOf: Date; eventPosition: number; generator: string; checksum: string; finishedAt: Date },
  ): Promise<SummaryVersion> {
    const [row]: SummaryRow[] = await tx.query(
      `WITH done AS (
         UPDATE annual_summaries SET status = 'done', progress = 100, compiled_as_of = $2, event_position = $3, generator = $4,
           checksum = $5, finished_at = $6
         WHERE id = $1 AND status = 'running' RETURNING *)
       SELECT * FROM done`,
      [id, result.compiledAsOf, result.eventPosition, result.generator, result.checksum, result.finishedAt],
    );
    // another delivery of the same job finished it first: roll this one back rather than store the files twice
    if (!row) throw new Error(`Annual summary ${id} is no longer running; this attempt is discarded`);
    return toVersion(row);
  }

  /** An attempt failed and BullMQ will retry it: the version waits again. */
  async markRetrying(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE annual_summaries SET status = 'queued', last_error = $2 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error],
    );
  }

  async markFailed(id: string, error: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE annual_summaries SET status = 'failed', last_error = $2, finished_at = $3 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error, now],
    );
  }
}
