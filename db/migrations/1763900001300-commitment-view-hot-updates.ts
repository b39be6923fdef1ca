import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status changes, the commonest write, become HOT updates of commitment_view: PostgreSQL rewrites the row in
 * place on its page and touches none of the table's seven indexes (three of them GIN), provided no indexed
 * column changes and the page has room. So the status index goes (a status filter scans the table: tens of
 * thousands of rows at most, in milliseconds) and pages keep 30% free for new row versions. Measured with
 * `npm run bench`: about 800 → 990 transitions/s.
 */
export class CommitmentViewHotUpdates1763900001300 implements MigrationInterface {
  name = 'CommitmentViewHotUpdates1763900001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX commitment_view_status_idx`);
    await q.query(`ALTER TABLE commitment_view SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE commitment_view RESET (fillfactor)`);
    await q.query(`CREATE INDEX commitment_view_status_idx ON commitment_view (status, code)`);
  }
}
