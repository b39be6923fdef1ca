import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recorded instant a summary version is compiled as known at, when its request names one (null: everything
 * recorded by the compilation). See README, "Annual progress summary".
 */
export class AnnualSummaryKnownAt1763900002700 implements MigrationInterface {
  name = 'AnnualSummaryKnownAt1763900002700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE annual_summaries ADD COLUMN known_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE annual_summaries DROP COLUMN known_at`);
  }
}
