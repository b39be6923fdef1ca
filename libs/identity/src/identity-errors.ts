import { DomainError } from '@hld/kernel';

export class InvalidCredentials extends DomainError {
  constructor() {
    // deliberately the same for an unknown email, a wrong password and a deactivated account
    super('INVALID_CREDENTIALS', 'unauthenticated', 'The email or password is wrong.');
  }
}

export class AuthenticationRequired extends DomainError {
  constructor(reason = 'Sign in (POST /api/v1/auth/login) and send Authorization: Bearer <token>.') {
    super('AUTHENTICATION_REQUIRED', 'unauthenticated', reason);
  }
}

export class InvalidToken extends DomainError {
  constructor() {
    super('INVALID_TOKEN', 'unauthenticated', 'The token is invalid, expired or revoked; sign in again.');
  }
}

export class EmailTaken extends DomainError {
  constructor() {
    super('EMAIL_TAKEN', 'conflict', 'A user with this email already exists.', {}, [{ field: 'email', message: 'is already taken' }]);
  }
}

export class UserNotFound extends DomainError {
  constructor(id: string) {
    super('USER_NOT_FOUND', 'not_found', `No user has the id "${id}".`);
  }
}

export class ApiTokenNotFound extends DomainError {
  constructor(id: string) {
    super('API_TOKEN_NOT_FOUND', 'not_found', `You have no API token with the id "${id}".`);
  }
}

export class InvalidUserAgency extends DomainError {
  constructor(message: string) {
    super('INVALID_USER_AGENCY', 'unprocessable', message, {}, [{ field: 'agency', message }]);
  }
}

export class ApiTokenCannotLogOut extends DomainError {
  constructor(apiTokenId: string) {
    const revoke = `/api/v1/me/tokens/${apiTokenId}`;
    super(
      'API_TOKEN_CANNOT_LOG_OUT',
      'invalid_input',
      `Logout ends a sign-in session, and an API token has none; to stop this token, revoke it with DELETE ${revoke}.`,
      { apiTokenId, revoke },
    );
  }
}

export class LastActiveAdmin extends DomainError {
  constructor() {
    super(
      'LAST_ACTIVE_ADMIN',
      'conflict',
      'This is the last active admin: without one nobody could manage users. Make another user an admin first.',
    );
  }
}

export class SessionEnded extends DomainError {
  constructor() {
    super('SESSION_ENDED', 'unauthenticated', 'Your session has ended (signed out, or unused or open for too long); sign in again.');
  }
}

export class CsrfHeaderMissing extends DomainError {
  constructor() {
    super(
      'CSRF_HEADER_MISSING',
      'forbidden',
      'A request that changes something with the session cookie must send the header X-Requested-With (any value); a form on another site cannot.',
    );
  }
}
