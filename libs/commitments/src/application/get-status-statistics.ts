import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hld/kernel';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/lifecycle.js';

export type StatisticsDimension = 'agency' | 'agendaItem';

export interface StatusCounts {
  key: string;
  counts: Record<CommitmentStatus, number>;
  total: number;
  overdue: number;
}

/** How many commitments are in each status, per lead agency or per agenda item, and how many are overdue? */
export class GetStatusStatistics extends Query<{ by: StatisticsDimension; items: StatusCounts[] }> {
  constructor(readonly by: StatisticsDimension) {
    super();
  }
}

@QueryHandler(GetStatusStatistics)
export class GetStatusStatisticsHandler implements IQueryHandler<GetStatusStatistics> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ by }: GetStatusStatistics): Promise<{ by: StatisticsDimension; items: StatusCounts[] }> {
    const counts: Array<{ key: string; status: CommitmentStatus; count: number }> = await this.dataSource.query(
      'SELECT key, status, count FROM commitment_status_counts WHERE dimension = $1 AND count > 0',
      [by],
    );
    // Overdue depends on today's date, so it is counted at read time rather than stored.
    const overdue: Array<{ key: string; overdue: number }> = await this.dataSource.query(
      by === 'agency'
        ? `SELECT lead_agency AS key, count(*)::int AS overdue FROM commitment_view
           WHERE due_date < $1 AND status NOT IN ('completed', 'discontinued') GROUP BY lead_agency`
        : `SELECT item::text AS key, count(*)::int AS overdue FROM commitment_view, unnest(agenda_items) AS item
           WHERE due_date < $1 AND status NOT IN ('completed', 'discontinued') GROUP BY item`,
      [this.clock.today()],
    );
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
}
