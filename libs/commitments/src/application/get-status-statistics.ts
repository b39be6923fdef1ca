import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hld/kernel';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/lifecycle.js';
import { overdueSql } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';
import { commitmentsAtSql, overdueContextAtPoint, pointInTime, type PointInTime } from './as-of.js';

export type StatisticsDimension = 'agency' | 'agendaItem';

export interface StatusCounts {
  key: string;
  counts: Record<CommitmentStatus, number>;
  total: number;
  overdue: number;
}

/**
 * How many commitments are in each status, per lead agency or per agenda item, and how many are overdue? Now, or
 * as things stood at `asOf` as known at `knownAt` (see as-of.ts).
 */
export class GetStatusStatistics extends Query<{ by: StatisticsDimension; items: StatusCounts[] }> {
  constructor(
    readonly by: StatisticsDimension,
    readonly asOf?: Date,
    readonly knownAt?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetStatusStatistics)
export class GetStatusStatisticsHandler implements IQueryHandler<GetStatusStatistics> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ by, asOf, knownAt }: GetStatusStatistics): Promise<{ by: StatisticsDimension; items: StatusCounts[] }> {
    const at = pointInTime(this.clock, asOf, knownAt);
    const counts: Array<{ key: string; status: CommitmentStatus; count: number }> = at
      ? await this.countsAt(by, at)
      : await this.dataSource.query('SELECT key, status, count FROM commitment_status_counts WHERE dimension = $1 AND count > 0', [by]);
    // Overdue depends on today's date and the reporting cycles, so it is counted at read time rather than stored.
    const overdueAt = at ? await overdueContextAtPoint(at, this.obligations) : await overdueContextAt(this.clock.now(), this.obligations);
    const sql = overdueSql(overdueAt, { commitments: 'c', progressReports: 'progress_reports' });
    const source = at ? commitmentsAtSql(at) : { table: 'commitment_view', params: {} };
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      by === 'agency'
        ? `SELECT c.lead_agency AS key, count(*)::int AS overdue FROM ${source.table} c WHERE ${sql.overdue} GROUP BY c.lead_agency`
        : `SELECT item::text AS key, count(*)::int AS overdue FROM ${source.table} c, unnest(c.agenda_items) AS item
           WHERE ${sql.overdue} GROUP BY item`,
      source.params,
    );
    const overdue: Array<{ key: string; overdue: number }> = await this.dataSource.query(query, parameters);
    const groups = new Map<string, StatusCounts>();
    const group = (key: string): StatusCounts => {
      let g = groups.get(key);
      if (!g) {
        g = { key, counts: Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as StatusCounts['counts'], total: 0, overdue: 0 };
        groups.set(key, g);
      }
      return g;
    };
    for (const row of counts) {
      const g = group(row.key);
      g.counts[row.status] = row.count;
      g.total += row.count;
    }
    for (const row of overdue) group(row.key).overdue = row.overdue;
    const numeric = by === 'agendaItem';
    return {
      by,
      items: [...groups.values()].sort((a, b) => (numeric ? Number(a.key) - Number(b.key) : a.key.localeCompare(b.key))),
    };
  }

  /** The counts by status at a point in time: counted from the versions that hold then (the counters are for now). */
  private async countsAt(
    by: StatisticsDimension,
    at: PointInTime,
  ): Promise<Array<{ key: string; status: CommitmentStatus; count: number }>> {
    const source = commitmentsAtSql(at);
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      by === 'agency'
        ? `SELECT c.lead_agency AS key, c.status, count(*)::int AS count FROM ${source.table} c GROUP BY 1, 2`
        : `SELECT item::text AS key, c.status, count(*)::int AS count FROM ${source.table} c, unnest(c.agenda_items) AS item GROUP BY 1, 2`,
      source.params,
    );
    return this.dataSource.query(query, parameters);
  }
}
