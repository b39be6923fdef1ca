import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '@hld/config';
import { UserDirectory } from './user-directory.js';
import { EmailTaken } from './identity-errors.js';

const GENERATED_ADMIN = 'admin@hld.local';

/** What `ensure` found or did: the admin it created, with the password when it made one up. */
export type FirstAdminOutcome =
  { created: false } | { created: true; email: string; password: string; passwordFrom: 'ADMIN_PASSWORD' | 'generated' };

/**
 * Makes sure a fresh install can be signed into: the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD, or,
 * without them, is created with a random password printed once.
 */
@Injectable()
export class FirstAdmin {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly users: UserDirectory,
    private readonly env: Environment,
  ) {}

  /**
   * Creates the first admin when there are no users. Says so (the generated password on the console, once)
   * unless `quiet`: `npm start` says it itself, as its last words, once everything has started.
   */
  async ensure({ quiet = false }: { quiet?: boolean } = {}): Promise<FirstAdminOutcome> {
    const signIn = `${this.env.PUBLIC_URL}/ (or POST ${this.env.PUBLIC_URL}/api/v1/auth/login {"email": ..., "password": ...})`;
    if ((await this.users.count()) > 0) {
      if (!quiet) this.logger.log(`Sign in at ${signIn}`);
      return { created: false };
    }
    const email = this.env.ADMIN_EMAIL || GENERATED_ADMIN;
    const password = this.env.ADMIN_PASSWORD || randomBytes(12).toString('base64url');
    try {
      await this.users.create({ email, name: 'Administrator', role: 'admin', password });
    } catch (error) {
      if (error instanceof EmailTaken) return { created: false }; // another instance created it first
      throw error;
    }
    const passwordFrom = this.env.ADMIN_PASSWORD ? 'ADMIN_PASSWORD' : 'generated';
    if (quiet) return { created: true, email, password, passwordFrom };
    if (passwordFrom === 'ADMIN_PASSWORD') {
      this.logger.log(`Created the first admin ${email} (from ADMIN_EMAIL/ADMIN_PASSWORD). Sign in at ${signIn}`);
    } else {
      // printed once, on the console only: the operator changes it at first sign-in
      console.log(
        `\nNo users yet: created the admin ${email} with the password ${password}\n` +
          `Sign in at ${signIn}, then change it in Settings (or with PUT /api/v1/me/password).\n` +
          'Set ADMIN_EMAIL and ADMIN_PASSWORD before the first start to choose them instead.\n',
      );
    }
    return { created: true, email, password, passwordFrom };
  }
}
