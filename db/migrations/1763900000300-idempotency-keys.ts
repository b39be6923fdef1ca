import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers remembered per (principal, Idempotency-Key), so a retried POST is answered, not re-executed. */
export class IdempotencyKeys1763900000300 implements MigrationInterface {
  name = 'IdempotencyKeys1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope            text        NOT NULL,
        key              text        NOT NULL,
        request_hash     text        NOT NULL,
        state            text        NOT NULL CHECK (state IN ('in_progress', 'done')),
        response_status  integer,
        response_headers jsonb,
        response_body    jsonb,
        locked_until     timestamptz NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
  }
}
