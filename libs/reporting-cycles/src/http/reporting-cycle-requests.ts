import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class OpenCycleRequest {
  @ApiProperty({ example: 2014 }) @IsInt() @Min(2013) @Max(2100) year: number;

  @ApiProperty({ example: '2014-11-01', description: 'date (start of that day in timeZone) or ISO date-time' })
  @IsString() @MaxLength(40) opensAt: string;

  @ApiPropertyOptional({ example: '2015-01-15', description: 'default: 15 January of the next year, end of day in timeZone' })
  @IsOptional() @IsString() @MaxLength(40) deadline?: string;

  @ApiPropertyOptional({ example: '2015-02-12' }) @IsOptional() @IsString() @MaxLength(40) meetingDate?: string;
  @ApiPropertyOptional({ example: '2015-03-01' }) @IsOptional() @IsString() @MaxLength(40) summaryDate?: string;
  @ApiPropertyOptional({ example: 'America/New_York' }) @IsOptional() @IsString() @MaxLength(60) timeZone?: string;

  @ApiPropertyOptional({ example: [14, 3], description: 'days before the deadline when reminders go out' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(1, { each: true }) @Max(365, { each: true })
  reminderOffsetsDays?: number[];
}

export class ChangeCycleRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) opensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) deadline?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(40)
  meetingDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(40)
  summaryDate?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) timeZone?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(1, { each: true }) @Max(365, { each: true })
  reminderOffsetsDays?: number[];
}

export class YearParam {
  @Type(() => Number) @IsInt() @Min(2013) @Max(2100) year: number;
}
