import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@hld/http';
import { TokensResponse } from './identity-responses.js';
import type { FastifyRequest } from 'fastify';
import { Authentication, type Tokens } from './authentication.js';
import { CredentialThrottle } from './credential-throttle.js';
import { NoStore } from './access.decorators.js';
import { LoginRequest, RefreshRequest } from './identity-requests.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly authentication: Authentication,
    private readonly throttle: CredentialThrottle,
  ) {}

  /** Repeated failures get 429 with Retry-After (see CredentialThrottle); the answer never says whether the email exists. */
  @Post('login')
  @NoStore()
  @Endpoint({
    summary: 'Sign in with email and password: an access token and a refresh token',
    public: true,
    ok: TokensResponse,
    headers: ['Cache-Control'],
    problems: [401, 429],
  })
  login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<Tokens> {
    return this.throttle.signIn(body.email, request.ip, () =>
      this.authentication.login(body.email, body.password, { ip: request.ip, userAgent: request.headers['user-agent'] }),
    );
  }

  @Post('refresh')
  @NoStore()
  @Endpoint({
    summary: 'Trade a refresh token (once) for new tokens',
    public: true,
    ok: TokensResponse,
    headers: ['Cache-Control'],
    problems: [401],
  })
  refresh(@Body() body: RefreshRequest): Promise<Tokens> {
    return this.authentication.refresh(body.refreshToken);
  }

  /** Ends the session of the access token used: it and its refresh token stop working at once. */
  @Post('logout')
  @Endpoint({ summary: 'Sign out: the access token and its refresh token stop working', noContent: 'signed out' })
  async logout(@Req() request: FastifyRequest): Promise<void> {
    await this.authentication.logout(request.principal!);
  }
}
