import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hld/kernel';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/lifecycle.js';
import { leadReportMissingSql, overdueSql, type OverdueReason } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';

/** A commitment the agency leads that still owes its report for the period. */
export interface OwedReport {
  id: string;
  code: string;
  title: string;
  status: CommitmentStatus;
  version: number;
  dueDate: string | null;
  lastReportPeriod: number | null;
}

export interface OverdueCommitment {
  code: string;
  title: string;
  leadAgency: string;
  status: CommitmentStatus;
  dueDate: string | null;
  overdueReasons: OverdueReason[];
}

export type ExtensionOutcome = 'pending' | 'approved' | 'declined';

export interface ExtensionRequestView {
  requestId: string;
  code: string;
  title: string;
  /** The due date asked for. */
  dueDate: string;
  reason: string;
  requestedAt: string;
  outcome: ExtensionOutcome;
  decidedAt: string | null;
  comment: string | null;
  /** The due date an approval replaced. */
  previousDueDate: string | null;
}

export type StatusTally = Record<CommitmentStatus, number>;

export interface AgencyAgenda {
  /** What the agency still owes for the period: open commitments it leads without its report (or a no-change). */
  owed: { total: number; items: OwedReport[] };
  /** Commitments the agency leads, by status. */
  lead: StatusTally;
  /** Commitments the agency supports, by status. */
  supported: StatusTally;
  /**
   * Overdue commitments the agency leads or supports (every overdue one without an agency), with the reasons;
   * `reportYear`: the cycle whose missing reports make commitments overdue (`report_missing`), if any.
   */
  overdue: { total: number; items: OverdueCommitment[]; reportYear: number | null };
  /** Extension requests on commitments the agency leads: the pending ones, then those decided in the last year. */
  extensionRequests: ExtensionRequestView[];
}

/** Lists kept short for a page read on a slow link: totals say how many in all, the catalogue lists them all. */
export const AGENDA_LIMITS = { owed: 50, overdue: 10, extensionRequests: 20 } as const;
const DECIDED_WITHIN_DAYS = 365;

/**
 * What needs an agency's attention now, in one answer: what it owes for the reporting period, what it leads and
 * supports, what is overdue and why, and its extension requests. Without an agency (coordinators, viewers,
 * admins) only the overdue commitments of the whole system. Every list is bounded; totals say how many in all.
 */
export class GetAgencyAgenda extends Query<AgencyAgenda> {
  constructor(
    readonly agency: string | null,
    /** The reporting period (the cycle's year) the reports are owed for; null when there is no cycle. */
    readonly period: number | null,
  ) {
    super();
  }
}

const noStatuses = (): StatusTally => Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as StatusTally;

const tally = (rows: Array<{ status: CommitmentStatus; count: number }>): StatusTally => {
  const counts = noStatuses();
  for (const row of rows) counts[row.status] = row.count;
  return counts;
};

@QueryHandler(GetAgencyAgenda)
export class GetAgencyAgendaHandler implements IQueryHandler<GetAgencyAgenda> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ agency, period }: GetAgencyAgenda): Promise<AgencyAgenda> {
    const [owed, lead, supported, overdue, extensionRequests] = await Promise.all([
      agency && period !== null ? this.owed(agency, period) : { total: 0, items: [] },
      agency ? this.leadCounts(agency) : noStatuses(),
      agency ? this.supportedCounts(agency) : noStatuses(),
      this.overdue(agency),
      agency ? this.extensionRequests(agency) : [],
    ]);
    return { owed, lead, supported, overdue, extensionRequests };
  }

  private async owed(agency: string, period: number): Promise<AgencyAgenda['owed']> {
    // dates as text: node-postgres would make a \`date\` a Date at local midnight
    const rows: Array<OwedReport & { total: number }> = await this.dataSource.query(
      `SELECT c.id, c.code, c.title, c.status, c.version, c.due_date::text AS "dueDate", c.last_report_period AS "lastReportPeriod",
              count(*) OVER ()::int AS total
       FROM commitment_view c
       WHERE c.lead_agency = $1 AND ${leadReportMissingSql({ commitments: 'c', progressReports: 'progress_reports' }, period)}
       ORDER BY c.code LIMIT $2`,
      [agency, AGENDA_LIMITS.owed],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map(({ total: _total, ...row }) => row),
    };
  }

  private async leadCounts(agency: string): Promise<StatusTally> {
    return tally(
      await this.dataSource.query(
        `SELECT status, count FROM commitment_status_counts WHERE dimension = 'agency' AND key = $1 AND count > 0`,
        [agency],
      ),
    );
  }

  private async supportedCounts(agency: string): Promise<StatusTally> {
    return tally(
      await this.dataSource.query(
        `SELECT status, count(*)::int AS count FROM commitment_view WHERE supporting_agencies @> ARRAY[$1]::text[] GROUP BY status`,
        [agency],
      ),
    );
  }

  private async overdue(agency: string | null): Promise<AgencyAgenda['overdue']> {
    const at = await overdueContextAt(this.clock.now(), this.obligations);
    const sql = overdueSql(at, { commitments: 'c', progressReports: 'progress_reports' });
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT c.code, c.title, c.lead_agency AS "leadAgency", c.status, c.due_date::text AS "dueDate",
              ${sql.reasons} AS "overdueReasons", count(*) OVER ()::int AS total
       FROM commitment_view c
       WHERE ${sql.overdue}
         ${agency ? 'AND (c.lead_agency = :agency OR c.supporting_agencies @> ARRAY[:agency]::text[])' : ''}
       ORDER BY c.code LIMIT :limit`,
      { agency, limit: AGENDA_LIMITS.overdue },
    );
    const rows: Array<{
      code: string;
      title: string;
      leadAgency: string;
      status: CommitmentStatus;
      dueDate: string | null;
      overdueReasons: OverdueReason[];
      total: number;
    }> = await this.dataSource.query(query, parameters);
    return {
      total: rows[0]?.total ?? 0,
      reportYear: at.cycleYear,
      items: rows.map((r) => ({
        code: r.code,
        title: r.title,
        leadAgency: r.leadAgency,
        status: r.status,
        dueDate: r.dueDate,
        overdueReasons: r.overdueReasons,
      })),
    };
  }

  private async extensionRequests(agency: string): Promise<ExtensionRequestView[]> {
    const since = new Date(this.clock.now().getTime() - DECIDED_WITHIN_DAYS * 86_400_000);
    const rows: Array<{
      requestId: string;
      code: string;
      title: string;
      dueDate: string;
      reason: string;
      requestedAt: Date;
      outcome: ExtensionOutcome;
      decidedAt: Date | null;
      comment: string | null;
      previousDueDate: string | null;
    }> = await this.dataSource.query(
      `SELECT r.request_id AS "requestId", c.code, c.title, r.due_date::text AS "dueDate", r.reason, r.requested_at AS "requestedAt", r.outcome,
              r.decided_at AS "decidedAt", r.comment, r.previous_due_date::text AS "previousDueDate"
       FROM extension_requests r JOIN commitment_view c ON c.id = r.commitment_id
       WHERE c.lead_agency = $1 AND (r.outcome = 'pending' OR r.decided_at >= $2)
       ORDER BY (r.outcome = 'pending') DESC, coalesce(r.decided_at, r.requested_at) DESC, r.request_id
       LIMIT $3`,
      [agency, since, AGENDA_LIMITS.extensionRequests],
    );
    return rows.map((r) => ({
      ...r,
      requestedAt: r.requestedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    }));
  }
}
