import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hld/persistence';
import { Authentication } from './authentication.js';
import { CredentialThrottle } from './credential-throttle.js';
import { InvalidCredentials } from './identity-errors.js';
import { KnownPrincipals } from './known-principals.js';
import { hashPassword } from './password-hasher.js';
import type { Principal } from './principal.js';

/**
 * A user changes their own password, confirming the current one (a stolen access token alone must not take over
 * the account; wrong guesses are throttled per account). A changed password usually means the account was, or may
 * have been, used by someone else, so every other way into it ends with the change: the user's other sessions and
 * all of their API tokens. The session the change was made in goes on.
 */
@Injectable()
export class ChangePassword {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly authentication: Authentication,
    private readonly throttle: CredentialThrottle,
    private readonly known: KnownPrincipals,
  ) {}

  async execute(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    await this.throttle.confirmPassword(principal.id, async () => {
      if (!(await this.authentication.checkPassword(principal.id, currentPassword))) throw new InvalidCredentials();
    });
    const hash = await hashPassword(newPassword);
    await this.unitOfWork.run(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [principal.id, hash]);
      await tx.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`, [
        principal.id,
        principal.sessionId,
      ]);
      await tx.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [principal.id]);
      // this process drops them at once; the others hear of the revocations from PostgreSQL (triggers)
      this.unitOfWork.afterCommit(() => this.known.forget(principal.id));
    });
  }
}
