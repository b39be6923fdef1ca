import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { toInstant } from '@hld/kernel';
import { GetStatusStatistics, type StatusCounts } from '../application/get-status-statistics.js';
import { StatisticsQuery } from './commitment-requests.js';

@ApiTags('statistics')
@Controller('stats')
export class StatisticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('status')
  status(@Query() query: StatisticsQuery): Promise<{ by: string; items: StatusCounts[] }> {
    return this.queries.execute(
      new GetStatusStatistics(
        query.by,
        query.asOf ? toInstant(query.asOf) : undefined,
        query.knownAt ? toInstant(query.knownAt) : undefined,
      ),
    );
  }
}
