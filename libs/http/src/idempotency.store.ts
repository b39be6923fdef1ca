import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'mismatch' }
  | { outcome: 'in_progress' }
  | { outcome: 'replay'; status: number; headers: Record<string, string>; body: unknown };

/** How long a claimed key is held by the request running it before another may take it over. */
const LOCK_SECONDS = 60;

/** Remembers, per principal and Idempotency-Key, the request's fingerprint and the answer it got. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request, or says why not. An expired key, or one whose holder died without
   * answering (its lock lapsed), is claimed afresh.
   */
  async claim(scope: string, key: string, requestHash: string, ttlSeconds: number): Promise<Claim> {
    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, locked_until, expires_at)
       VALUES ($1, $2, $3, 'in_progress', now() + make_interval(secs => $4), now() + make_interval(secs => $5))
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'in_progress', locked_until = EXCLUDED.locked_until,
             expires_at = EXCLUDED.expires_at, created_at = now(),
             response_status = NULL, response_headers = NULL, response_body = NULL
         WHERE idempotency_keys.expires_at < now()
            OR (idempotency_keys.state = 'in_progress' AND idempotency_keys.locked_until < now())
       RETURNING key`,
      [scope, key, requestHash, LOCK_SECONDS, ttlSeconds],
    );
    if (claimed.length > 0) return { outcome: 'claimed' };
    const [row] = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_headers, response_body FROM idempotency_keys
       WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!row) return this.claim(scope, key, requestHash, ttlSeconds); // released in between: try again
    if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
    if (row.state === 'in_progress') return { outcome: 'in_progress' };
    return { outcome: 'replay', status: row.response_status, headers: row.response_headers ?? {}, body: row.response_body };
  }

  async complete(scope: string, key: string, status: number, headers: Record<string, string>, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_headers = $4::jsonb, response_body = $5::jsonb
       WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(headers), JSON.stringify(body ?? null)],
    );
  }

  /** Forgets a claim whose request failed: nothing was written, so a retry must run it again. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_progress'`, [scope, key]);
  }

  async purgeExpired(): Promise<number> {
    const rows = await this.dataSource.query(
      `WITH purged AS (DELETE FROM idempotency_keys WHERE expires_at < now() RETURNING key) SELECT key FROM purged`,
    );
    return rows.length;
  }
}
