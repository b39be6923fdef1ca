import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { UnitOfWork } from '@hld/persistence';

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
 * which are missing. A commitment owes a report when it is neither completed nor discontinued and its lead
 * agency has not reported (or confirmed no change) for the period.
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
    const rows: AgencyCompliance[] = await this.unitOfWork.manager.query(
      `SELECT c.lead_agency AS agency, count(*)::int AS owed,
              count(*) FILTER (WHERE r.commitment_id IS NOT NULL)::int AS submitted,
              coalesce(array_agg(c.code ORDER BY c.code) FILTER (WHERE r.commitment_id IS NULL), '{}') AS missing,
              coalesce(jsonb_agg(jsonb_build_object('code', c.code, 'title', c.title) ORDER BY c.code)
                FILTER (WHERE r.commitment_id IS NULL), '[]') AS "missingCommitments"
       FROM commitment_view c
       LEFT JOIN (SELECT DISTINCT commitment_id, agency FROM progress_reports WHERE period = $1) r
         ON r.commitment_id = c.id AND r.agency = c.lead_agency
       WHERE c.status NOT IN ('completed', 'discontinued') AND ($2::text[] IS NULL OR c.lead_agency = ANY($2::text[]))
       GROUP BY c.lead_agency
       ORDER BY c.lead_agency`,
      [period, agencies ?? null],
    );
    return { period, agencies: rows };
  }
}
