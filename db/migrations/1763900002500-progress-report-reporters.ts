import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who reported, in words a reader understands: the role and agency of the actor behind each progress report,
 * beside its id (`reported_by`). The commitment page says "reported by a focal point of ILO" or "by the
 * catalogue" from the read model alone. Existing rows take them from their event's metadata, which is what the
 * projection writes for new ones (and what a rebuild gives).
 */
export class ProgressReportReporters1763900002500 implements MigrationInterface {
  name = 'ProgressReportReporters1763900002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE progress_reports ADD COLUMN reported_by_role text, ADD COLUMN reported_by_agency text`);
    await q.query(`
      UPDATE progress_reports p
      SET reported_by_role = e.metadata->'actor'->>'role', reported_by_agency = e.metadata->'actor'->>'agency'
      FROM events e
      WHERE e.position = p.event_position`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE progress_reports DROP COLUMN reported_by_role, DROP COLUMN reported_by_agency`);
  }
}
