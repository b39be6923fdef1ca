import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';

export class RequestAnnualSummaryRequest {
  @ApiProperty({ type: 'integer', minimum: 2013, example: 2014, description: 'the reporting year, from 2013 to next year' })
  @IsInt({ message: 'must be a year such as 2014' })
  year: number;
}
