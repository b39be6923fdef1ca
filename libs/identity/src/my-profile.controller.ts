import { Body, Controller, Patch, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Endpoint } from '@hld/http';
import { UserResponse } from './identity-responses.js';
import { UpdateMyProfile, UpdateMyProfileRequest } from './update-my-profile.js';
import type { User } from './principal.js';

@ApiTags('me')
@Controller('me')
export class MyProfileController {
  constructor(private readonly updateMyProfile: UpdateMyProfile) {}

  @Patch()
  @Endpoint({ summary: 'Change my own settings (the interface language)', ok: UserResponse })
  update(@Req() request: FastifyRequest, @Body() body: UpdateMyProfileRequest): Promise<User> {
    return this.updateMyProfile.execute(request.principal!.id, body);
  }
}
