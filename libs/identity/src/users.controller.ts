import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UserDirectory } from './user-directory.js';
import type { Actor } from '@hld/kernel';
import { Acting, Performs } from '@hld/http';
import { IDENTITY_POLICY } from './domain/identity-policy.js';
import { CreateUserRequest, UpdateUserRequest } from './identity-requests.js';
import type { User } from './principal.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserDirectory) {}

  @Post()
  @Performs(IDENTITY_POLICY, 'manage_users')
  create(@Body() body: CreateUserRequest): Promise<User> {
    return this.users.create(body);
  }

  /** Admins see everyone; coordinators the focal points they work with. */
  @Get()
  @Performs(IDENTITY_POLICY, 'list_focal_points')
  async list(@Acting() actor: Actor): Promise<{ items: User[] }> {
    return { items: await this.users.list(IDENTITY_POLICY.may(actor, 'list_users').allowed ? 'everyone' : 'focal_points') };
  }

  @Patch(':id')
  @Performs(IDENTITY_POLICY, 'manage_users')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserRequest): Promise<User> {
    return this.users.update(id, body);
  }
}
