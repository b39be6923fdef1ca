import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { UnitOfWork } from '@hld/persistence';
import { CommitmentNotFound } from '../domain/commitment-errors.js';
import type { Indicator, ProgressReportKind } from '../domain/commitment-events.js';

export interface ProgressReportEntry {
  id: string;
  period: number;
  /** The agency the report is for (the lead or a supporting agency). */
  agency: string;
  kind: ProgressReportKind;
  summary: string;
  evidenceUrls: string[];
  indicators: Indicator[];
  reportedAt: string;
  /** Who recorded it: a focal point of the agency, a coordinator on its behalf, or the catalogue load. */
  reportedBy: Reporter;
}

/** The actor behind a report as its event recorded it (role `system` for the catalogue load). */
export interface Reporter {
  id: string;
  role: string | null;
  agency: string | null;
}

export interface ProgressReportPeriod {
  period: number;
  reports: ProgressReportEntry[];
}

export interface CommitmentProgressReports {
  commitmentId: string;
  code: string;
  /** Newest period first; in a period, the latest report first. */
  periods: ProgressReportPeriod[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ReportRow {
  id: string;
  period: number;
  agency: string;
  kind: ProgressReportKind;
  summary: string;
  evidence_urls: string[];
  indicators: Indicator[];
  reported_at: Date;
  reported_by: string;
  reported_by_role: string | null;
  reported_by_agency: string | null;
}

/** What has each agency reported on this commitment, period by period? Read from the progress reports read model. */
export class ListProgressReports extends Query<CommitmentProgressReports> {
  constructor(readonly idOrCode: string) {
    super();
  }
}

@QueryHandler(ListProgressReports)
export class ListProgressReportsHandler implements IQueryHandler<ListProgressReports> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute({ idOrCode }: ListProgressReports): Promise<CommitmentProgressReports> {
    const db = this.unitOfWork.manager;
    const [commitment]: Array<{ id: string; code: string }> = UUID.test(idOrCode)
      ? await db.query('SELECT id, code FROM commitment_view WHERE id = $1', [idOrCode])
      : await db.query('SELECT id, code FROM commitment_view WHERE code = $1', [idOrCode]);
    if (!commitment) throw new CommitmentNotFound(idOrCode);
    const rows: ReportRow[] = await db.query(
      `SELECT id, period, agency, kind, summary, evidence_urls, indicators, reported_at, reported_by, reported_by_role, reported_by_agency
       FROM progress_reports
       WHERE commitment_id = $1
       ORDER BY period DESC, event_position DESC`,
      [commitment.id],
    );
    const periods: ProgressReportPeriod[] = [];
    for (const row of rows) {
      if (periods.at(-1)?.period !== row.period) periods.push({ period: row.period, reports: [] });
      periods.at(-1)!.reports.push({
        id: row.id,
        period: row.period,
        agency: row.agency,
        kind: row.kind,
        summary: row.summary,
        evidenceUrls: row.evidence_urls,
        indicators: row.indicators,
        reportedAt: row.reported_at.toISOString(),
        reportedBy: { id: row.reported_by, role: row.reported_by_role, agency: row.reported_by_agency },
      });
    }
    return { commitmentId: commitment.id, code: commitment.code, periods };
  }
}
