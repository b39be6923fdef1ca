import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Nullable, Omittable } from '@hld/http';
import { UnitOfWork } from '@hld/persistence';
import { UserNotFound } from './identity-errors.js';
import { LANGUAGES, toUser, USER_COLUMNS, type Language, type User } from './principal.js';

export class UpdateMyProfileRequest {
  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, description: 'the interface language; null: follow the browser' })
  @Omittable()
  @Nullable()
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}, or null` })
  language?: Language | null;
}

/** What users change about themselves (not their role or agency: that is an admin's). */
@Injectable()
export class UpdateMyProfile {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(userId: string, changes: UpdateMyProfileRequest): Promise<User> {
    const [row] = await this.unitOfWork.manager.query(
      `WITH updated AS (
         UPDATE users SET language = CASE WHEN $2 THEN $3 ELSE language END, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}
       ) SELECT * FROM updated`,
      [userId, changes.language !== undefined, changes.language ?? null],
    );
    if (!row) throw new UserNotFound(userId);
    return toUser(row);
  }
}
