import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@hld/kernel';
import type { ApiToken } from './api-tokens.js';
import { LANGUAGES, type Language, type User } from './principal.js';

/** The OpenAPI shapes of identity's answers (the web app's client is generated from them). */
export class UserResponse implements User {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true, description: 'the agency a focal point speaks for' }) agency: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() demo: boolean;
  @ApiProperty({ enum: LANGUAGES, nullable: true, description: 'the interface language chosen; null: the browser’s preference' })
  language: Language | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SessionResponse {
  @ApiProperty({ type: UserResponse, nullable: true, description: 'null: nobody is signed in in this browser' }) user: UserResponse | null;
}

export class UserListResponse {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
}

export class ApiTokenResponse implements ApiToken {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the first characters, to tell tokens apart' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class CreatedApiTokenResponse extends ApiTokenResponse {
  @ApiProperty({ description: 'the token itself, in this answer only' }) token: string;
}

export class ApiTokenListResponse {
  @ApiProperty({ type: [ApiTokenResponse] }) items: ApiTokenResponse[];
}

export class TokensResponse {
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'seconds' }) expiresIn: number;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'seconds' }) refreshExpiresIn: number;
}
