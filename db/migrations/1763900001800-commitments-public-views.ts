import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the commitments context lets other contexts read in SQL, as views it owns: the reminders plan due dates
 * from the commitments, the annual summary reads all three in one snapshot. Its tables (commitment_view,
 * progress_reports, its streams in the event log) stay its own and may change shape; these views keep theirs,
 * and a column another context needs is added here, by a migration of the commitments context. Plain views:
 * PostgreSQL inlines them into the query, so reading through them costs nothing.
 */
export class CommitmentsPublicViews1763900001800 implements MigrationInterface {
  name = 'CommitmentsPublicViews1763900001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW commitments_public_commitments AS
      SELECT id, code, title, lead_agency, supporting_agencies, agenda_items, status, due_date, last_report_period
      FROM commitment_view`);
    // words_digest: a digest of the report's words without its source note (see ProgressReportWords)
    await q.query(`
      CREATE VIEW commitments_public_progress_reports AS
      SELECT id, commitment_id, period, agency, kind, summary, reported_at, words_digest
      FROM progress_reports`);
    await q.query(`
      CREATE VIEW commitments_public_status_changes AS
      SELECT position, stream_id AS commitment_id, occurred_at, payload->>'from' AS from_status, payload->>'to' AS to_status
      FROM events
      WHERE stream_type = 'commitment' AND type = 'CommitmentStatusChanged'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW commitments_public_status_changes');
    await q.query('DROP VIEW commitments_public_progress_reports');
    await q.query('DROP VIEW commitments_public_commitments');
  }
}
