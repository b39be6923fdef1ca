import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@hld/kernel';
import { IsInstant, IsNotBlank, Nullable, Omittable } from '@hld/http';

const AGENCY = /^[A-Z][A-Z0-9]{1,19}$/;

export class LoginRequest {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(200) password: string;
}

export class RefreshRequest {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(200) refreshToken: string;
}

export class CreateUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(200) name: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @ApiPropertyOptional({ description: 'required for focal points, forbidden otherwise' })
  @Omittable()
  @Matches(AGENCY, { message: 'must be an agency code such as ILO' })
  agency?: string;

  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
}

export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES }) @Omittable() @IsIn(ROLES) role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'an agency code for a focal point; null for the other roles' })
  @Omittable()
  @Nullable()
  @Matches(AGENCY, { message: 'must be an agency code such as ILO, or null' })
  agency?: string | null;

  @ApiPropertyOptional() @Omittable() @IsBoolean() active?: boolean;
}

export class ChangePasswordRequest {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) newPassword: string;
}

export class CreateApiTokenRequest {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(100) name: string;
  @ApiPropertyOptional({ example: '2030-01-01T00:00:00Z', description: 'an instant (or a date: its start, UTC)' })
  @Omittable()
  @IsInstant()
  expiresAt?: string;
}
