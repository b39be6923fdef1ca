import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hld/kernel';
import { overdueSql } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';
import { commitmentsAtSql, overdueContextAtPoint, pointInTime } from './as-of.js';

export interface OverdueBreakdown {
  /** The day (and, through it, the cycles) overdue was judged at: today. */
  day: string;
  total: number;
  /** Per lead agency, in agency order: how many, and the first codes of its overdue commitments, in code order. */
  byAgency: Array<{ agency: string; count: number; codes: string[] }>;
  /** Per agenda item the overdue commitments are linked to (items with none are absent). */
  byAgendaItem: Array<{ number: number; count: number }>;
}

/**
 * What is overdue now, grouped by lead agency and by agenda item: the coordinators' digest. One aggregate in
 * PostgreSQL rather than paging the list, since a digest covers every overdue commitment at once. With `asOf`
 * and/or `knownAt`: what was overdue then, as known then (see as-of.ts).
 */
export class GetOverdueBreakdown extends Query<OverdueBreakdown> {
  constructor(
    /** At most this many codes per agency (the counts stay whole). */
    readonly codesPerAgency: number,
    readonly asOf?: Date,
    readonly knownAt?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetOverdueBreakdown)
export class GetOverdueBreakdownHandler implements IQueryHandler<GetOverdueBreakdown> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ codesPerAgency, asOf, knownAt }: GetOverdueBreakdown): Promise<OverdueBreakdown> {
    const point = pointInTime(this.clock, asOf, knownAt);
    const at = point ? await overdueContextAtPoint(point, this.obligations) : await overdueContextAt(this.clock.now(), this.obligations);
    const sql = overdueSql(at, { commitments: 'c', progressReports: 'progress_reports' });
    const source = point ? commitmentsAtSql(point) : { table: 'commitment_view', params: {} };
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `WITH overdue AS (SELECT c.code, c.lead_agency, c.agenda_items FROM ${source.table} c WHERE ${sql.overdue})
       SELECT (SELECT count(*)::int FROM overdue) AS total,
              (SELECT coalesce(jsonb_agg(a ORDER BY a.agency), '[]') FROM (
                 SELECT lead_agency AS agency, count(*)::int AS count, (array_agg(code ORDER BY code))[1:(:codesPerAgency)::int] AS codes
                 FROM overdue GROUP BY lead_agency) a) AS "byAgency",
              (SELECT coalesce(jsonb_agg(i ORDER BY i.number), '[]') FROM (
                 SELECT item AS number, count(*)::int AS count FROM overdue, unnest(agenda_items) AS item GROUP BY item) i) AS "byAgendaItem"`,
      { ...source.params, codesPerAgency },
    );
    const [row]: Array<Omit<OverdueBreakdown, 'day'>> = await this.dataSource.query(query, parameters);
    return { day: at.day, ...row };
  }
}
