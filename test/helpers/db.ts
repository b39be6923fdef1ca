import type { DataSource } from 'typeorm';

export async function countEvents(db: DataSource, streamId?: string): Promise<number> {
  const [row] = streamId
    ? await db.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [streamId])
    : await db.query('SELECT count(*)::int AS n FROM events');
  return row.n;
}

/** Every row of the commitment read models, in a stable order, for comparing two states of the tables. */
export async function dumpReadModels(db: DataSource): Promise<unknown> {
  return {
    views: await db.query(`SELECT * , search::text AS search FROM commitment_view ORDER BY id`),
    counts: await db.query(`SELECT * FROM commitment_status_counts WHERE count > 0 ORDER BY dimension, key, status`),
    reports: await db.query(`SELECT * FROM progress_reports ORDER BY id`),
    versions: await db.query(
      `SELECT *, current_period::text AS current_period FROM commitment_versions ORDER BY commitment_id, effective_from, recorded_from`,
    ),
    extensionRequests: await db.query(`SELECT * FROM extension_requests ORDER BY request_id`),
  };
}
