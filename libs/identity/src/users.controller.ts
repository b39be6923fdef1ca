import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UserDirectory } from './user-directory.js';
import { Roles } from './access.decorators.js';
import { CreateUserRequest, UpdateUserRequest } from './identity-requests.js';
import type { User } from './principal.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserDirectory) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateUserRequest): Promise<User> {
    return this.users.create(body);
  }

  @Get()
  @Roles('admin', 'coordinator')
  async list(@Req() request: FastifyRequest): Promise<{ items: User[] }> {
    return { items: await this.users.list(request.principal!.role) };
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserRequest): Promise<User> {
    return this.users.update(id, body);
  }
}
