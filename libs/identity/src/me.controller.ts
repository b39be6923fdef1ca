import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@hld/http';
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
@ApiBearerAuth()
@ApiProblems(401)
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UserDirectory,
    private readonly tokens: ApiTokens,
    private readonly passwordChange: ChangePassword,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserResponse })
  me(@Req() request: FastifyRequest): Promise<User> {
    return this.users.get(request.principal!.id);
  }

  /** Ends the user's other sessions and all of their API tokens; the session it is sent in goes on. */
  @Put('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'changed' })
  @ApiProblems(400, 403)
  async changePassword(@Req() request: FastifyRequest, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.passwordChange.execute(request.principal!, body.currentPassword, body.newPassword);
  }

  /** The token is in this answer only; afterwards only its prefix is shown. */
  @Post('tokens')
  @NoStore()
  @ApiCreatedResponse({ type: CreatedApiTokenResponse })
  @ApiProblems(400, 403, 422)
  createToken(@Req() request: FastifyRequest, @Body() body: CreateApiTokenRequest): Promise<ApiToken & { token: string }> {
    return this.tokens.create(request.principal!.id, body.name, body.expiresAt ? toInstant(body.expiresAt) : null);
  }

  @Get('tokens')
  @ApiOkResponse({ type: ApiTokenListResponse })
  async listTokens(@Req() request: FastifyRequest): Promise<{ items: ApiToken[] }> {
    return { items: await this.tokens.list(request.principal!.id) };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'revoked' })
  @ApiProblems(400, 403, 404)
  async revokeToken(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.tokens.revoke(request.principal!.id, id);
  }
}
