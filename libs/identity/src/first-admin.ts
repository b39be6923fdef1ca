import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '@hld/config';
import { UserDirectory } from './user-directory.js';
import { EmailTaken } from './identity-errors.js';

const GENERATED_ADMIN = 'admin@hld.local';

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

  async ensure(): Promise<void> {
    const signIn = `POST ${this.env.PUBLIC_URL}/api/v1/auth/login {"email": ..., "password": ...}`;
    if ((await this.users.count()) > 0) {
      this.logger.log(`Sign in with ${signIn}`);
      return;
    }
    const email = this.env.ADMIN_EMAIL || GENERATED_ADMIN;
    const password = this.env.ADMIN_PASSWORD || randomBytes(12).toString('base64url');
    try {
      await this.users.create({ email, name: 'Administrator', role: 'admin', password });
    } catch (error) {
      if (error instanceof EmailTaken) return; // another instance created it first
      throw error;
    }
    if (this.env.ADMIN_PASSWORD) {
      this.logger.log(`Created the first admin ${email} (from ADMIN_EMAIL/ADMIN_PASSWORD). Sign in with ${signIn}`);
    } else {
      // printed once, on the console only: the operator changes it at first sign-in
      console.log(
        `\nNo users yet: created the admin ${email} with the password ${password}\n` +
          `Sign in with ${signIn}, then change it with PUT /api/v1/me/password.\n` +
          'Set ADMIN_EMAIL and ADMIN_PASSWORD before the first start to choose them instead.\n',
      );
    }
  }
}
