import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Environment } from '@hld/config';
import { AgenciesModule } from '@hld/agencies';
import { Authentication } from './authentication.js';
import { KnownPrincipals } from './known-principals.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { ApiTokens } from './api-tokens.js';
import { UserDirectory } from './user-directory.js';
import { FirstAdmin } from './first-admin.js';
import { DemoUsers } from './demo-users.js';
import { CredentialThrottle } from './credential-throttle.js';
import { ChangePassword } from './change-password.js';
import { AuthController } from './auth.controller.js';
import { UsersController } from './users.controller.js';
import { MeController } from './me.controller.js';
import { BrowserSessions } from './browser-sessions.js';
import { BrowserSessionController } from './browser-session.controller.js';
import { MyProfileController } from './my-profile.controller.js';
import { UpdateMyProfile } from './update-my-profile.js';

/** Users, sign-in, API tokens, and the guard that gives every request its principal. */
@Module({
  imports: [
    AgenciesModule,
    JwtModule.registerAsync({
      inject: [Environment],
      // a prepared secret key: given a string, jsonwebtoken first tries (and fails) to parse it as a public key
      // on every verification, which costs more than the rest of the check
      useFactory: (env: Environment) => ({ secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as Buffer }),
    }),
  ],
  controllers: [AuthController, UsersController, MeController, BrowserSessionController, MyProfileController],
  providers: [
    Authentication,
    KnownPrincipals,
    CredentialThrottle,
    ChangePassword,
    ApiTokens,
    UserDirectory,
    FirstAdmin,
    DemoUsers,
    BrowserSessions,
    UpdateMyProfile,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [UserDirectory, FirstAdmin, DemoUsers],
})
export class IdentityModule {}
