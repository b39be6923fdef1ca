import { Injectable, Optional } from '@nestjs/common';
import { UnitOfWork } from '@hld/persistence';
import type { CommitmentState } from '../domain/commitment.js';
import { isOpen, overdueReasons, type OverdueReason } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';

/**
 * The overdue reasons of one commitment whose state is in memory (one read, one write's answer), by the one
 * definition (domain/overdue.ts): the lists judge many in SQL with its fragment, this judges one with its predicate.
 */
@Injectable()
export class CommitmentOverdue {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  /**
   * Why `s` is overdue at `instant`. Its lead agency's reports count whenever recorded (as the lists count them),
   * or, with `reportsUntil`, only those recorded by then (a past state).
   */
  async reasonsAt(s: CommitmentState, instant: Date, reportsUntil: Date | null = null): Promise<OverdueReason[]> {
    if (!isOpen(s.status)) return []; // nothing to read: a closed commitment is never overdue
    const [at, rows] = await Promise.all([
      overdueContextAt(instant, this.obligations),
      this.unitOfWork.manager.query(
        `SELECT DISTINCT period FROM progress_reports
         WHERE commitment_id = $1 AND agency = $2 AND ($3::timestamptz IS NULL OR reported_at <= $3)`,
        [s.id, s.leadAgency, reportsUntil],
      ) as Promise<Array<{ period: number }>>,
    ]);
    return overdueReasons({ status: s.status, dueDate: s.dueDate, leadReportPeriods: rows.map((r) => r.period) }, at);
  }
}
