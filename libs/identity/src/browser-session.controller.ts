import { Body, Controller, Delete, Get, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Endpoint } from '@hld/http';
import { Authentication, sha256 } from './authentication.js';
import { BrowserSessions } from './browser-sessions.js';
import { CredentialThrottle } from './credential-throttle.js';
import { SessionEnded } from './identity-errors.js';
import { LoginRequest } from './identity-requests.js';
import { UserDirectory } from './user-directory.js';
import { SessionResponse, UserResponse } from './identity-responses.js';
import { assertCsrfHeader, clearedSessionCookie, sessionCookie, sessionSecretOf } from './session-cookie.js';
import type { User } from './principal.js';

/**
 * Sign-in and sign-out for the web app: the session lives in an HttpOnly cookie instead of tokens a script could
 * read. Both need the CSRF header, so another site can neither sign a browser in (as someone else) nor out.
 */
@ApiTags('auth')
@Controller('auth/session')
export class BrowserSessionController {
  constructor(
    private readonly authentication: Authentication,
    private readonly sessions: BrowserSessions,
    private readonly throttle: CredentialThrottle,
    private readonly users: UserDirectory,
  ) {}

  /**
   * Who this browser's session belongs to, or `user: null` when there is none (a 200 either way: being signed out
   * is an answer, not an error, for a page deciding what to show).
   */
  @Get()
  @Endpoint({
    summary: 'The web app session: who is signed in in this browser, or null',
    public: true,
    ok: SessionResponse,
    headers: ['Cache-Control', 'Set-Cookie'],
  })
  async current(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    void reply.header('Cache-Control', 'no-store');
    const secret = sessionSecretOf(request);
    if (!secret) return { user: null };
    try {
      const principal = await this.sessions.authenticate(secret);
      return { user: await this.users.get(principal.id) };
    } catch (error) {
      if (!(error instanceof SessionEnded)) throw error;
      void reply.header('Set-Cookie', clearedSessionCookie(request));
      return { user: null };
    }
  }

  @Post()
  @Endpoint({
    summary: 'Sign in from the web app: sets the HttpOnly session cookie (send X-Requested-With)',
    public: true,
    ok: UserResponse,
    headers: ['Set-Cookie', 'Cache-Control'],
    problems: [401, 403, 429],
  })
  async signIn(@Body() body: LoginRequest, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<User> {
    assertCsrfHeader(request);
    const userId = await this.throttle.signIn(body.email, request.ip, () =>
      this.authentication.verifyCredentials(body.email, body.password),
    );
    // a browser signing in again leaves no session of its own behind
    const previous = sessionSecretOf(request);
    if (previous) await this.sessions.endBySecretHash(sha256(previous));
    const { secret, maxAgeSeconds } = await this.sessions.open(userId, { ip: request.ip, userAgent: request.headers['user-agent'] });
    void reply.header('Set-Cookie', sessionCookie(request, secret, maxAgeSeconds)).header('Cache-Control', 'no-store');
    return this.users.get(userId);
  }

  /** Public so that a browser whose session already ended can still clear its cookie. */
  @Delete()
  @Endpoint({
    summary: 'Sign out of the web app: ends the session and clears its cookie (send X-Requested-With)',
    public: true,
    noContent: 'signed out',
    headers: ['Set-Cookie'],
    problems: [403],
  })
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    assertCsrfHeader(request);
    const secret = sessionSecretOf(request);
    if (secret) await this.sessions.endBySecretHash(sha256(secret));
    void reply.header('Set-Cookie', clearedSessionCookie(request));
  }
}
