import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { UnitOfWork } from '@hld/persistence';
import { leadReportMissingSql, openSql } from '../domain/overdue.js';

export interface AgencyCompliance {
  agency: string;
  /** Open commitments the agency leads: each owes a report for the period. */
  owed: number;
  submitted: number;
  /** Codes of the commitments still without a report (or a no-change confirmation) from their lead agency. */
  missing: string[];
  /** The same, with their titles, for messages. */
  missingCommitments: Array<{ code: string; title: string }>;
}

/**
 * For a reporting period: per lead agency, how many open commitments owe a report, how many have one, and
 * which are missing. Open and missing are the ones of overdue (domain/overdue.ts): once the period's cycle is
 * the latest whose deadline has passed, the missing ones are exactly those overdue for `report_missing`.
 */
export class GetReportingCompliance extends Query<{ period: number; agencies: AgencyCompliance[] }> {
  constructor(
    readonly period: number,
    /** Only agencies in this list (all when absent). */
    readonly agencies?: string[],
  ) {
    super();
  }
}

@QueryHandler(GetReportingCompliance)
export class GetReportingComplianceHandler implements IQueryHandler<GetReportingCompliance> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute({ period, agencies }: GetReportingCompliance): Promise<{ period: number; agencies: AgencyCompliance[] }> {
    const missing = leadReportMissingSql({ commitments: 'c', progressReports: 'progress_reports' }, period);
    const rows: AgencyCompliance[] = await this.unitOfWork.manager.query(
      `SELECT o.lead_agency AS agency, count(*)::int AS owed,
              count(*) FILTER (WHERE NOT o.missing)::int AS submitted,
              coalesce(array_agg(o.code ORDER BY o.code) FILTER (WHERE o.missing), '{}') AS missing,
              coalesce(jsonb_agg(jsonb_build_object('code', o.code, 'title', o.title) ORDER BY o.code)
                FILTER (WHERE o.missing), '[]') AS "missingCommitments"
       FROM (SELECT c.lead_agency, c.code, c.title, ${missing} AS missing
             FROM commitment_view c
             WHERE ${openSql('c')} AND ($1::text[] IS NULL OR c.lead_agency = ANY($1::text[]))) o
       GROUP BY o.lead_agency
       ORDER BY o.lead_agency`,
      [agencies ?? null],
    );
    return { period, agencies: rows };
  }
}
