import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Has the lead agency reported for this cycle?" is asked of every open commitment a list or a count covers (the
 * overdue reason `report_missing`), now or as of an earlier instant (only reports effective, and recorded, by
 * then). The index on (commitment_id, period) answered it from the table's rows: with a million reports, PostgreSQL
 * preferred to read every report of the period into a hash, about half a second per list. This one answers each
 * commitment's question from the index alone (it replaces the old one, whose every use it covers).
 */
export class ProgressReportLookups1763900002010 implements MigrationInterface {
  name = 'ProgressReportLookups1763900002010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX progress_reports_owed_idx ON progress_reports (commitment_id, period, agency, effective_at) INCLUDE (recorded_at)`);
    await q.query(`DROP INDEX progress_reports_commitment_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX progress_reports_commitment_idx ON progress_reports (commitment_id, period)`);
    await q.query(`DROP INDEX progress_reports_owed_idx`);
  }
}
