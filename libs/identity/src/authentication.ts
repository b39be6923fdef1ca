import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { Environment } from '@hld/config';
import { DatabaseNotifications, UnitOfWork } from '@hld/persistence';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hasher.js';
import { ApiTokenCannotLogOut, InvalidCredentials, InvalidToken } from './identity-errors.js';
import { IDENTITY_CHANNEL, KnownPrincipals, type Authenticated } from './known-principals.js';
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
 * API tokens for scripts. Who is behind a credential is read from the user and the session (or token) rows,
 * and then kept by KnownPrincipals until PostgreSQL announces a change to that user: logout, revocation,
 * deactivation and role changes take effect on this process's very next request, and on other processes'
 * within milliseconds.
 */
@Injectable()
export class Authentication {
  private readonly logger = new Logger(Authentication.name);
  /**
   * Access tokens whose signature and claims were checked, until they expire: a token is verified once per
   * process rather than on every request (who is behind it is KnownPrincipals' business).
   */
  private readonly verified = new LRUCache<string, AccessClaims & { exp: number }>({ max: 10_000 });
  /** API tokens whose last use was recorded in the past minute: a busy script must not turn every read into a write. */
  private readonly touched = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  private hearing = false;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly env: Environment,
    private readonly known: KnownPrincipals,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async login(email: string, password: string, client: { ip?: string; userAgent?: string }): Promise<Tokens> {
    return this.openSession(await this.verifyCredentials(email, password), client);
  }

  /** The id of the active user with these credentials, else InvalidCredentials (for token and cookie sign-ins alike). */
  async verifyCredentials(email: string, password: string): Promise<string> {
    const [row] = await this.unitOfWork.manager.query(`SELECT id, active, password_hash FROM users WHERE lower(email) = lower($1)`, [
      email.trim(),
    ]);
    // verify against a dummy hash when there is no such user: the answer takes as long either way
    const matches = await verifyPassword(password, row?.password_hash ?? (await UNKNOWN_USER_HASH));
    if (!row || !matches || !row.active) throw new InvalidCredentials();
    return row.id;
  }

  /** Whether `password` is this user's current password (to confirm a sensitive change). */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const [row] = await this.unitOfWork.manager.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    return !!row && verifyPassword(password, row.password_hash);
  }

  /**
   * Exchanges a refresh token for new tokens, in a new session of the same family; the old refresh token stops
   * working. A refresh token that was already used (or whose session ended) presented again means one of the two
   * parties that hold it stole it: the whole family ends, so the thief's tokens stop as well as the victim's.
   */
  async refresh(refreshToken: string): Promise<Tokens> {
    const hash = sha256(refreshToken);
    const tokens = await this.unitOfWork.run(async (tx) => {
      const [session] = await tx.query(
        `WITH used AS (
           UPDATE sessions s SET revoked_at = now()
           FROM users u
           WHERE s.refresh_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND u.active
           RETURNING s.user_id, s.family_id, s.client_ip, s.user_agent
         ) SELECT * FROM used`,
        [hash],
      );
      if (!session) return null;
      this.unitOfWork.afterCommit(() => this.known.forget(session.user_id));
      return this.openSession(session.user_id, { ip: session.client_ip, userAgent: session.user_agent }, session.family_id);
    });
    if (tokens) return tokens;
    // after the failed rotation has committed, so that a rotation racing this one is seen and its session ended too
    await this.endFamilyOfReused(hash);
    throw new InvalidToken();
  }

  private async endFamilyOfReused(refreshHash: string): Promise<void> {
    const [reused] = await this.unitOfWork.manager.query(
      `WITH reused AS (SELECT user_id, family_id FROM sessions WHERE refresh_hash = $1 AND revoked_at IS NOT NULL),
            ended AS (
              UPDATE sessions s SET revoked_at = now() FROM reused r
              WHERE s.family_id = r.family_id AND s.revoked_at IS NULL
              RETURNING s.id
            )
       SELECT r.user_id, r.family_id, (SELECT count(*) FROM ended)::int AS ended FROM reused r`,
      [refreshHash],
    );
    if (!reused) return;
    this.known.forget(reused.user_id);
    if (reused.ended > 0) {
      this.logger.warn(`A used refresh token was presented again: ended session family ${reused.family_id} of user ${reused.user_id}`);
    }
  }

  /** Ends the session of the access token used. An API token has no session: it is revoked on its own route. */
  async logout(principal: Principal): Promise<void> {
    if (principal.apiTokenId) throw new ApiTokenCannotLogOut(principal.apiTokenId);
    await this.unitOfWork.manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      principal.sessionId,
    ]);
    this.unitOfWork.afterCommit(() => this.known.forget(principal.id));
  }

  /** The principal behind a bearer token, or InvalidToken. */
  async authenticate(token: string): Promise<Principal> {
    this.hearIdentityChanges();
    return token.startsWith(API_TOKEN_PREFIX) ? this.byApiToken(token) : this.byAccessToken(token);
  }

  /** Called on first use: only a process that authenticates (the API) holds the extra connection. */
  hearIdentityChanges(): void {
    if (this.hearing) return;
    this.hearing = true;
    this.notifications.listen(IDENTITY_CHANNEL, this.known);
  }

  private async byAccessToken(token: string): Promise<Principal> {
    const claims = await this.verifyAccessToken(token);
    const found = await this.known.authenticated(`session:${claims.sub}:${claims.sid}`, async () => {
      const [row] = await this.unitOfWork.queryPrepared<PrincipalRow & { expires_at: Date }>(
        `SELECT u.id, u.email, u.display_name, u.role, u.agency, s.expires_at FROM users u
         JOIN sessions s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()
         WHERE u.id = $1 AND u.active`,
        [claims.sub, claims.sid],
      );
      if (!row) throw new InvalidToken();
      return {
        principal: principalOf(row, { sessionId: claims.sid, apiTokenId: null }),
        userId: row.id,
        validUntil: row.expires_at.getTime(),
      };
    });
    return found.principal;
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
    const hash = sha256(token);
    const found = await this.known.authenticated(`api-token:${hash}`, async (): Promise<Authenticated> => {
      const [row] = await this.unitOfWork.manager.query(
        `SELECT t.id AS token_id, t.expires_at, u.id, u.email, u.display_name, u.role, u.agency FROM api_tokens t
         JOIN users u ON u.id = t.user_id AND u.active
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
        [hash],
      );
      if (!row) throw new InvalidToken();
      const validUntil = row.expires_at ? (row.expires_at as Date).getTime() : Infinity;
      return { principal: principalOf(row, { sessionId: null, apiTokenId: row.token_id }), userId: row.id, validUntil };
    });
    const tokenId = found.principal.apiTokenId!;
    if (!this.touched.has(tokenId)) {
      // the condition keeps it to one write a minute across processes too
      await this.unitOfWork.manager.query(
        `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [tokenId],
      );
      this.touched.set(tokenId, true);
    }
    return found.principal;
  }

  /** A new session: of a new family at sign-in, of the refreshed session's family at a refresh. */
  private async openSession(userId: string, client: { ip?: string; userAgent?: string }, familyId?: string): Promise<Tokens> {
    const sessionId = randomUUID();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.unitOfWork.manager.query(
      `INSERT INTO sessions (id, family_id, user_id, refresh_hash, expires_at, client_ip, user_agent)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6, $7)`,
      [
        sessionId,
        familyId ?? sessionId,
        userId,
        sha256(refreshToken),
        this.env.REFRESH_TOKEN_TTL_SECONDS,
        client.ip ?? null,
        client.userAgent?.slice(0, 300) ?? null,
      ],
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

function principalOf(row: PrincipalRow, credential: Pick<Principal, 'sessionId' | 'apiTokenId'>): Principal {
  return { id: row.id, email: row.email, name: row.display_name, role: row.role, agency: row.agency, ...credential };
}
