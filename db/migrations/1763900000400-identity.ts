import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, their sign-in sessions (refresh tokens) and their API tokens. Secrets are stored hashed only. */
export class Identity1763900000400 implements MigrationInterface {
  name = 'Identity1763900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY,
        email         text        NOT NULL,
        display_name  text        NOT NULL,
        role          text        NOT NULL CHECK (role IN ('admin', 'coordinator', 'focal_point', 'viewer')),
        agency        text        REFERENCES agencies (code),
        active        boolean     NOT NULL DEFAULT true,
        demo          boolean     NOT NULL DEFAULT false,
        password_hash text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        -- a focal point speaks for exactly one agency; nobody else speaks for any
        CONSTRAINT users_agency_matches_role CHECK ((role = 'focal_point') = (agency IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);

    await q.query(`
      CREATE TABLE sessions (
        id           uuid PRIMARY KEY,
        user_id      uuid        NOT NULL REFERENCES users (id),
        refresh_hash text        NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        revoked_at   timestamptz,
        client_ip    text,
        user_agent   text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE api_tokens (
        id           uuid PRIMARY KEY,
        user_id      uuid        NOT NULL REFERENCES users (id),
        name         text        NOT NULL,
        token_hash   text        NOT NULL UNIQUE,
        prefix       text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz,
        revoked_at   timestamptz,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_tokens');
    await q.query('DROP TABLE sessions');
    await q.query('DROP TABLE users');
  }
}
