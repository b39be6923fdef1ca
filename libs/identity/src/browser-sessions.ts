import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Environment } from '@hld/config';
import { UnitOfWork } from '@hld/persistence';
import { Authentication, sha256 } from './authentication.js';
import { KnownPrincipals } from './known-principals.js';
import { SessionEnded } from './identity-errors.js';
import type { Principal, UserRow } from './principal.js';

/** The longest a session's last use may lag behind its real last use (and so how early it may end when idle). */
const MAX_TOUCH_INTERVAL_MS = 60_000;

/**
 * The web app's sessions: rows of the `sessions` table found by the SHA-256 of the secret in an HttpOnly
 * cookie, so no script in the page can read a credential. A session ends when it is signed out, when its user
 * is deactivated, after SESSION_ABSOLUTE_TIMEOUT_SECONDS, or after SESSION_IDLE_TIMEOUT_SECONDS without a
 * request. Who is behind a session is kept by KnownPrincipals like any credential; its last use is written
 * at most every tenth of the idle lifetime (and at least every minute), not on every request.
 */
@Injectable()
export class BrowserSessions {
  /** When this process last recorded each session's use (epoch ms). */
  private readonly touched = new LRUCache<string, number>({ max: 10_000 });

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly env: Environment,
    private readonly known: KnownPrincipals,
    private readonly authentication: Authentication,
  ) {}

  /** Opens a session for a user whose credentials were checked; returns the cookie's secret and its lifetime. */
  async open(userId: string, client: { ip?: string; userAgent?: string }): Promise<{ secret: string; maxAgeSeconds: number }> {
    const secret = randomBytes(32).toString('base64url');
    await this.unitOfWork.manager.query(
      // a browser session is a family of its own: it is never rotated, so nothing else ever joins it
      `INSERT INTO sessions (id, family_id, user_id, cookie_hash, expires_at, last_seen_at, client_ip, user_agent)
       VALUES ($1, $1, $2, $3, now() + make_interval(secs => $4), now(), $5, $6)`,
      [
        randomUUID(),
        userId,
        sha256(secret),
        this.env.SESSION_ABSOLUTE_TIMEOUT_SECONDS,
        client.ip ?? null,
        client.userAgent?.slice(0, 300) ?? null,
      ],
    );
    return { secret, maxAgeSeconds: this.env.SESSION_ABSOLUTE_TIMEOUT_SECONDS };
  }

  /** The principal behind a session cookie's secret, or SessionEnded. */
  async authenticate(secret: string): Promise<Principal> {
    this.authentication.hearIdentityChanges();
    const found = await this.known.authenticated(`cookie:${sha256(secret)}`, async () => {
      // reading a session is a use of it: the same statement checks both lifetimes and records the use
      const [row] = await this.unitOfWork.queryPrepared<SessionRow>(
        `WITH used AS (
           UPDATE sessions s SET last_seen_at = now()
           FROM users u
           WHERE s.cookie_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
             AND s.last_seen_at > now() - make_interval(secs => $2) AND u.id = s.user_id AND u.active
           RETURNING s.id AS session_id, s.expires_at, u.id, u.email, u.display_name, u.role, u.agency
         ) SELECT * FROM used`,
        [sha256(secret), this.env.SESSION_IDLE_TIMEOUT_SECONDS],
      );
      if (!row) throw new SessionEnded();
      this.touched.set(row.session_id, Date.now());
      const principal: Principal = {
        id: row.id,
        email: row.email,
        name: row.display_name,
        role: row.role,
        agency: row.agency,
        sessionId: row.session_id,
        apiTokenId: null,
      };
      return { principal, userId: row.id, validUntil: row.expires_at.getTime() };
    });
    const { principal } = found;
    const sessionId = principal.sessionId!;
    if (Date.now() - (this.touched.get(sessionId) ?? 0) > this.touchIntervalMs()) {
      const [used] = await this.unitOfWork.queryPrepared<{ id: string }>(
        `WITH used AS (
           UPDATE sessions SET last_seen_at = now()
           WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
           RETURNING id
         ) SELECT id FROM used`,
        [sessionId, this.env.SESSION_IDLE_TIMEOUT_SECONDS],
      );
      if (!used) {
        this.known.forget(principal.id);
        throw new SessionEnded();
      }
      this.touched.set(sessionId, Date.now());
    }
    return principal;
  }

  /** Ends the session whose cookie secret has this hash, if it is still open (sign-out). */
  async endBySecretHash(secretHash: string): Promise<void> {
    const [ended] = await this.unitOfWork.manager.query(
      `WITH ended AS (UPDATE sessions SET revoked_at = now() WHERE cookie_hash = $1 AND revoked_at IS NULL RETURNING id, user_id)
       SELECT * FROM ended`,
      [secretHash],
    );
    if (!ended) return;
    this.touched.delete(ended.id);
    this.known.forget(ended.user_id);
  }

  private touchIntervalMs(): number {
    return Math.min(MAX_TOUCH_INTERVAL_MS, (this.env.SESSION_IDLE_TIMEOUT_SECONDS * 1000) / 10);
  }
}

type SessionRow = Pick<UserRow, 'id' | 'email' | 'display_name' | 'role' | 'agency'> & { session_id: string; expires_at: Date };
