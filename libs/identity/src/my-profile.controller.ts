import { Body, Controller, Patch, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems } from '@hld/http';
import { UserResponse } from './identity-responses.js';
import { UpdateMyProfile, UpdateMyProfileRequest } from './update-my-profile.js';
import type { User } from './principal.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MyProfileController {
  constructor(private readonly updateMyProfile: UpdateMyProfile) {}

  @Patch()
  @ApiOperation({ summary: 'Change my own settings (the interface language)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403)
  update(@Req() request: FastifyRequest, @Body() body: UpdateMyProfileRequest): Promise<User> {
    return this.updateMyProfile.execute(request.principal!.id, body);
  }
}
