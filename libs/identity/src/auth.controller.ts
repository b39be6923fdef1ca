import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@hld/http';
import { TokensResponse } from './identity-responses.js';
import type { FastifyRequest } from 'fastify';
import { Authentication, type Tokens } from './authentication.js';
import { LoginThrottle } from './login-throttle.js';
import { InvalidCredentials } from './identity-errors.js';
import { Public } from './access.decorators.js';
import { LoginRequest, RefreshRequest } from './identity-requests.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly authentication: Authentication,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Repeated failures for one email from one address get 429 with Retry-After; the answer never says whether the email exists. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponse })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<Tokens> {
    await this.throttle.assertMayTry(body.email, request.ip);
    try {
      const tokens = await this.authentication.login(body.email, body.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
      await this.throttle.recordSuccess(body.email, request.ip);
      return tokens;
    } catch (error) {
      if (error instanceof InvalidCredentials) await this.throttle.recordFailure(body.email, request.ip);
      throw error;
    }
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponse })
  @ApiProblems(400, 401)
  refresh(@Body() body: RefreshRequest): Promise<Tokens> {
    return this.authentication.refresh(body.refreshToken);
  }

  /** Ends the session of the access token used: it and its refresh token stop working at once. */
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'signed out' })
  @ApiProblems(401)
  async logout(@Req() request: FastifyRequest): Promise<void> {
    await this.authentication.logout(request.principal!);
  }
}
