import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hld/persistence';
import { DomainError } from '@hld/kernel';
import { API_TOKEN_PREFIX, sha256 } from './authentication.js';
import { ApiTokenNotFound } from './identity-errors.js';
import { KnownPrincipals } from './known-principals.js';

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters, to tell tokens apart in a list; the token itself is shown only once. */
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toApiToken = (r: ApiTokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** Named, revocable tokens a user creates for scripts; stored as SHA-256 hashes (they are long random secrets). */
@Injectable()
export class ApiTokens {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly known: KnownPrincipals,
  ) {}

  async create(userId: string, name: string, expiresAt: Date | null): Promise<ApiToken & { token: string }> {
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new DomainError('EXPIRY_IN_THE_PAST', 'unprocessable', 'expiresAt must be in the future.', {}, [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const [row] = await this.unitOfWork.manager.query(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, name, prefix, created_at, expires_at, last_used_at, revoked_at`,
      [randomUUID(), userId, name.trim(), sha256(token), token.slice(0, 10), expiresAt],
    );
    return { ...toApiToken(row), token };
  }

  async list(userId: string): Promise<ApiToken[]> {
    const rows: ApiTokenRow[] = await this.unitOfWork.manager.query(
      `SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return rows.map(toApiToken);
  }

  async revoke(userId: string, id: string): Promise<void> {
    const rows = await this.unitOfWork.manager.query(
      `WITH revoked AS (UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id)
       SELECT id FROM revoked`,
      [id, userId],
    );
    if (rows.length === 0) throw new ApiTokenNotFound(id);
    this.unitOfWork.afterCommit(() => this.known.forget(userId));
  }
}
