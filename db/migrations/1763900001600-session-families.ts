import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refresh rotates its session into a new one of the same family (the chain that started at one sign-in), so
 * that a rotated refresh token presented again can end every session of its family: one of the two parties using
 * it stole it (refresh-token reuse detection, OAuth 2.0 Security Best Current Practice, RFC 9700 §4.14).
 * Existing sessions each start a family of their own.
 */
export class SessionFamilies1763900001600 implements MigrationInterface {
  name = 'SessionFamilies1763900001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions ADD COLUMN family_id uuid`);
    await q.query(`UPDATE sessions SET family_id = id`);
    await q.query(`ALTER TABLE sessions ALTER COLUMN family_id SET NOT NULL`);
    await q.query(`CREATE INDEX sessions_family_idx ON sessions (family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sessions_family_idx`);
    await q.query(`ALTER TABLE sessions DROP COLUMN family_id`);
  }
}
