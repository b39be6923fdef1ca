import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsInstant, Nullable, Omittable } from '@hld/http';

const INSTANT = 'a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset';

export class OpenCycleRequest {
  @ApiProperty({ type: 'integer', example: 2014, minimum: 2013, maximum: 2100 })
  @IsInt({ message: 'must be a year such as 2014 (a number)' })
  @Min(2013)
  @Max(2100)
  year: number;

  @ApiProperty({ example: '2014-11-01', description: INSTANT }) @IsInstant() opensAt: string;

  @ApiPropertyOptional({ example: '2015-01-15', description: `${INSTANT}; default: 15 January of the next year, end of day in timeZone` })
  @Omittable()
  @IsInstant()
  deadline?: string;

  @ApiPropertyOptional({ example: '2015-02-12', description: INSTANT }) @Omittable() @IsInstant() meetingDate?: string;
  @ApiPropertyOptional({ example: '2015-03-01', description: INSTANT }) @Omittable() @IsInstant() summaryDate?: string;
  @ApiPropertyOptional({ example: 'America/New_York' }) @Omittable() @IsString() @MaxLength(60) timeZone?: string;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minimum: 1,
    maximum: 365,
    maxItems: 10,
    example: [14, 3],
    description: 'days before the deadline when reminders go out',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderOffsetsDays?: number[];
}

/** A PATCH: absent fields stay as they are; null clears the two optional dates, and is refused for the others. */
export class ChangeCycleRequest {
  @ApiPropertyOptional({ description: INSTANT }) @Omittable() @IsInstant() opensAt?: string;
  @ApiPropertyOptional({ description: `${INSTANT}; a cycle always has one, so it cannot be cleared` })
  @Omittable()
  @IsInstant()
  deadline?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: `${INSTANT}; null clears it` })
  @Omittable()
  @Nullable()
  @IsInstant()
  meetingDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: `${INSTANT}; null clears it` })
  @Omittable()
  @Nullable()
  @IsInstant()
  summaryDate?: string | null;

  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(60) timeZone?: string;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minimum: 1,
    maximum: 365,
    maxItems: 10,
    description: 'days before the deadline when reminders go out',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderOffsetsDays?: number[];
}

export class YearParam {
  @ApiProperty({ type: 'integer', example: 2014, minimum: 2013, maximum: 2100 })
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2014' })
  @Min(2013)
  @Max(2100)
  year: number;
}
