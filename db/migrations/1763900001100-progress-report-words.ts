import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A digest of each progress report's words, kept by PostgreSQL itself: the text without its trailing source
 * note (`[Source: …]`), whitespace collapsed. The annual summary marks a report "unchanged since the previous
 * year" when the same agency's report on the same commitment for the year before has the same digest: a join on
 * 32 characters instead of shipping both years' texts to the worker to compare them there.
 */
export class ProgressReportWords1763900001100 implements MigrationInterface {
  name = 'ProgressReportWords1763900001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE progress_reports ADD COLUMN words_digest text NOT NULL GENERATED ALWAYS AS (
        md5(btrim(regexp_replace(regexp_replace(summary, '\\s*\\[Source:\\s*[^\\]]+\\]\\s*$', ''), '\\s+', ' ', 'g')))
      ) STORED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE progress_reports DROP COLUMN words_digest`);
  }
}
