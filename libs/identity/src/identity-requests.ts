import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@hld/kernel';

const AGENCY = /^[A-Z][A-Z0-9]{1,19}$/;

export class LoginRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class RefreshRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) refreshToken: string;
}

export class CreateUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @ApiPropertyOptional({ description: 'required for focal points, forbidden otherwise' })
  @IsOptional() @Matches(AGENCY, { message: 'must be an agency code such as ILO' })
  agency?: string;

  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
}

export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(AGENCY, { message: 'must be an agency code such as ILO, or null' })
  agency?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ChangePasswordRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) newPassword: string;
}

export class CreateApiTokenRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}
