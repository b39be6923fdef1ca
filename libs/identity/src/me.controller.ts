import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint, uuidParam } from '@hld/http';
import { ApiTokenListResponse, CreatedApiTokenResponse, UserResponse } from './identity-responses.js';
import type { FastifyRequest } from 'fastify';
import { toInstant } from '@hld/kernel';
import { ApiTokens, type ApiToken } from './api-tokens.js';
import { ChangePassword } from './change-password.js';
import { NoStore } from './access.decorators.js';
import { UserDirectory } from './user-directory.js';
import { ChangePasswordRequest, CreateApiTokenRequest } from './identity-requests.js';
import type { User } from './principal.js';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UserDirectory,
    private readonly tokens: ApiTokens,
    private readonly passwordChange: ChangePassword,
  ) {}

  @Get()
  @Endpoint({ summary: 'Who I am: the signed-in user', ok: UserResponse })
  me(@Req() request: FastifyRequest): Promise<User> {
    return this.users.get(request.principal!.id);
  }

  /** Ends the user's other sessions and all of their API tokens; the session it is sent in goes on. */
  @Put('password')
  @Endpoint({
    summary: 'Change my password (ends my other sessions and all my API tokens)',
    noContent: 'changed',
    problems: [401, 429],
  })
  async changePassword(@Req() request: FastifyRequest, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.passwordChange.execute(request.principal!, body.currentPassword, body.newPassword);
  }

  /** The token is in this answer only; afterwards only its prefix is shown. */
  @Post('tokens')
  @NoStore()
  @Endpoint({
    summary: 'Create an API token for scripts (shown in this answer only)',
    created: CreatedApiTokenResponse,
    headers: ['Cache-Control'],
    problems: [422],
  })
  createToken(@Req() request: FastifyRequest, @Body() body: CreateApiTokenRequest): Promise<ApiToken & { token: string }> {
    return this.tokens.create(request.principal!.id, body.name, body.expiresAt ? toInstant(body.expiresAt) : null);
  }

  @Get('tokens')
  @Endpoint({ summary: 'List my API tokens (by prefix)', ok: ApiTokenListResponse })
  async listTokens(@Req() request: FastifyRequest): Promise<{ items: ApiToken[] }> {
    return { items: await this.tokens.list(request.principal!.id) };
  }

  @Delete('tokens/:id')
  @Endpoint({
    summary: 'Revoke one of my API tokens: it stops working at once',
    noContent: 'revoked',
    params: { id: uuidParam('the API token id') },
    problems: [404],
  })
  async revokeToken(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.tokens.revoke(request.principal!.id, id);
  }
}
