import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting cycles' deadlines, as a view the reporting-cycles context owns: whether a report is missing (one
 * of the reasons a commitment is overdue) depends on which cycle's deadline has passed, and the annual summary
 * judges overdue inside its one snapshot, where it reads only public views. See CommitmentsPublicViews.
 */
export class ReportingCyclesPublicView1763900002100 implements MigrationInterface {
  name = 'ReportingCyclesPublicView1763900002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW reporting_cycles_public_cycles AS SELECT year, deadline FROM reporting_cycles`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW reporting_cycles_public_cycles');
  }
}
