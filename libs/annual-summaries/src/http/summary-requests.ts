import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import { IsInstant, Omittable } from '@hld/http';

export class RequestAnnualSummaryRequest {
  @ApiProperty({ type: 'integer', minimum: 2013, example: 2014, description: 'the reporting year, from 2013 to next year' })
  @IsInt({ message: 'must be a year such as 2014' })
  year: number;

  @ApiPropertyOptional({
    example: '2015-01-20T00:00:00Z',
    description: 'as the tracker knew things at this recorded instant (default: all it knows when it compiles); not after now',
  })
  @Omittable()
  @IsInstant()
  knownAt?: string;
}
