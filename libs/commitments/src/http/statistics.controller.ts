import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@hld/http';
import { GetStatusStatistics, type StatisticsDimension, type StatusCounts } from '../application/get-status-statistics.js';
import { askedAt, StatisticsQuery } from './commitment-requests.js';
import { StatusStatisticsResponse } from './commitment-responses.js';

@ApiTags('statistics')
@Controller('stats')
export class StatisticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('status')
  @Endpoint({ summary: 'Count commitments by status, with the overdue ones, per lead agency or agenda item', ok: StatusStatisticsResponse })
  status(@Query() query: StatisticsQuery): Promise<{ by: StatisticsDimension; items: StatusCounts[] }> {
    const { asOf, knownAt } = askedAt(query);
    return this.queries.execute(new GetStatusStatistics(query.by, asOf, knownAt));
  }
}
