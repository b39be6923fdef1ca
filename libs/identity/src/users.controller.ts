import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UserDirectory } from './user-directory.js';
import type { Actor } from '@hld/kernel';
import { Acting, Endpoint, Performs, uuidParam } from '@hld/http';
import { IDENTITY_POLICY } from './domain/identity-policy.js';
import { CreateUserRequest, UpdateUserRequest } from './identity-requests.js';
import { UserListResponse, UserResponse } from './identity-responses.js';
import type { User } from './principal.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserDirectory) {}

  @Post()
  @Performs(IDENTITY_POLICY, 'manage_users')
  @Endpoint({ summary: 'Create a user (admin)', created: UserResponse, problems: [403, 409, 422] })
  create(@Body() body: CreateUserRequest): Promise<User> {
    return this.users.create(body);
  }

  /** Admins see everyone; coordinators the focal points they work with. */
  @Get()
  @Performs(IDENTITY_POLICY, 'list_focal_points')
  @Endpoint({ summary: 'List users: everyone for an admin, the focal points for a coordinator', ok: UserListResponse, problems: [403] })
  async list(@Acting() actor: Actor): Promise<{ items: User[] }> {
    return { items: await this.users.list(IDENTITY_POLICY.may(actor, 'list_users').allowed ? 'everyone' : 'focal_points') };
  }

  @Patch(':id')
  @Performs(IDENTITY_POLICY, 'manage_users')
  @Endpoint({
    summary: "Change a user's role or agency, or deactivate them (admin)",
    ok: UserResponse,
    params: { id: uuidParam('the user id') },
    problems: [403, 404, 409, 422],
  })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserRequest): Promise<User> {
    return this.users.update(id, body);
  }
}
