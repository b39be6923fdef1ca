import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { Environment } from '@hld/config';
import { UnitOfWork } from '@hld/persistence';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hasher.js';
import { InvalidCredentials, InvalidToken } from './identity-errors.js';
import type { Principal, UserRow } from './principal.js';

export interface Tokens {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

interface AccessClaims {
  sub: string;
  sid: string;
}

export const API_TOKEN_PREFIX = 'hld_';
export const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Sign-in: short-lived JWT access tokens (HS256) tied to a session whose refresh token rotates on every use;
 * API tokens for scripts. Every request re-reads the user and the session, so logout, revocation and
 * deactivation take effect on the very next request.
 */
@Injectable()
export class Authentication {
  /**
   * Access tokens whose signature and claims were checked, until they expire: a token is verified once per
   * process rather than on every request. The session and the user are still read on every request.
   */
  private readonly verified = new LRUCache<string, AccessClaims & { exp: number }>({ max: 10_000 });

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly env: Environment,
  ) {}

  async login(email: string, password: string, client: { ip?: string; userAgent?: string }): Promise<Tokens> {
    const [row] = await this.unitOfWork.manager.query(
      `SELECT id, active, password_hash FROM users WHERE lower(email) = lower($1)`,
      [email.trim()],
    );
    // verify against a dummy hash when there is no such user: the answer takes as long either way
    const matches = await verifyPassword(password, row?.password_hash ?? (await UNKNOWN_USER_HASH));
    if (!row || !matches || !row.active) throw new InvalidCredentials();
    return this.openSession(row.id, client);
  }

  /** Whether `password` is this user's current password (to confirm a sensitive change). */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const [row] = await this.unitOfWork.manager.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    return !!row && verifyPassword(password, row.password_hash);
  }

  /** Exchanges a refresh token for new tokens; the old refresh token stops working. */
  async refresh(refreshToken: string): Promise<Tokens> {
    return this.unitOfWork.run(async (tx) => {
      const [session] = await tx.query(
        `WITH used AS (
           UPDATE sessions s SET revoked_at = now()
           FROM users u
           WHERE s.refresh_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND u.active
           RETURNING s.user_id, s.client_ip, s.user_agent
         ) SELECT * FROM used`,
        [sha256(refreshToken)],
      );
      if (!session) throw new InvalidToken();
      return this.openSession(session.user_id, { ip: session.client_ip, userAgent: session.user_agent });
    });
  }

  async logout(principal: Principal): Promise<void> {
    if (!principal.sessionId) return;
    await this.unitOfWork.manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [principal.sessionId]);
  }

  /** The principal behind a bearer token, or InvalidToken. */
  async authenticate(token: string): Promise<Principal> {
    return token.startsWith(API_TOKEN_PREFIX) ? this.byApiToken(token) : this.byAccessToken(token);
  }

  private async byAccessToken(token: string): Promise<Principal> {
    const claims = await this.verifyAccessToken(token);
    // on every signed-in request: a prepared statement
    const [row] = await this.unitOfWork.queryPrepared<PrincipalRow>(
      `SELECT u.id, u.email, u.display_name, u.role, u.agency FROM users u
       JOIN sessions s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()
       WHERE u.id = $1 AND u.active`,
      [claims.sub, claims.sid],
    );
    if (!row) throw new InvalidToken();
    return principalOf(row, claims.sid);
  }

  private async verifyAccessToken(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    let claims: AccessClaims & { exp: number };
    try {
      // HS256 only: tokens signed with another algorithm, or none, are refused
      claims = await this.jwt.verifyAsync<AccessClaims & { exp: number }>(token, { algorithms: ['HS256'] });
    } catch {
      throw new InvalidToken();
    }
    if (typeof claims.exp === 'number') this.verified.set(token, claims);
    return claims;
  }

  private async byApiToken(token: string): Promise<Principal> {
    const [row] = await this.unitOfWork.manager.query(
      `SELECT t.id AS token_id, u.id, u.email, u.display_name, u.role, u.agency FROM api_tokens t
       JOIN users u ON u.id = t.user_id AND u.active
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
      [sha256(token)],
    );
    if (!row) throw new InvalidToken();
    // at most one write a minute per token: a busy script must not turn every read into a write
    await this.unitOfWork.manager.query(
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [row.token_id],
    );
    return principalOf(row, null);
  }

  private async openSession(userId: string, client: { ip?: string; userAgent?: string }): Promise<Tokens> {
    const sessionId = randomUUID();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.unitOfWork.manager.query(
      `INSERT INTO sessions (id, user_id, refresh_hash, expires_at, client_ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)`,
      [sessionId, userId, sha256(refreshToken), this.env.REFRESH_TOKEN_TTL_SECONDS, client.ip ?? null, client.userAgent?.slice(0, 300) ?? null],
    );
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: sessionId } satisfies AccessClaims, {
      algorithm: 'HS256',
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
    });
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: this.env.REFRESH_TOKEN_TTL_SECONDS,
    };
  }
}

type PrincipalRow = Pick<UserRow, 'id' | 'email' | 'display_name' | 'role' | 'agency'>;

function principalOf(row: PrincipalRow, sessionId: string | null): Principal {
  return { id: row.id, email: row.email, name: row.display_name, role: row.role, agency: row.agency, sessionId };
}
