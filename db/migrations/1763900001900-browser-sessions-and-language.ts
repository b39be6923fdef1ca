import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web app's sign-in: a session in the same `sessions` table as token sign-ins, found by the hash of an
 * HttpOnly cookie's secret instead of a refresh token, with the time it was last used (its idle lifetime).
 * `last_seen_at` is not among the columns whose change is announced on `identity_changed`: using a session
 * does not change who is behind it. And each user's interface language, `null` until they choose one.
 */
export class BrowserSessionsAndLanguage1763900001900 implements MigrationInterface {
  name = 'BrowserSessionsAndLanguage1763900001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions ALTER COLUMN refresh_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE sessions ADD COLUMN cookie_hash text UNIQUE, ADD COLUMN last_seen_at timestamptz`);
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_one_credential CHECK (num_nonnulls(refresh_hash, cookie_hash) = 1)`);
    await q.query(`ALTER TABLE users ADD COLUMN language text CHECK (language IN ('en', 'fr', 'es'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN language`);
    await q.query(`DELETE FROM sessions WHERE cookie_hash IS NOT NULL`);
    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_one_credential`);
    await q.query(`ALTER TABLE sessions DROP COLUMN cookie_hash, DROP COLUMN last_seen_at`);
    await q.query(`ALTER TABLE sessions ALTER COLUMN refresh_hash SET NOT NULL`);
  }
}
