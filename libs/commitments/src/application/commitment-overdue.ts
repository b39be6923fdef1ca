import { Injectable, Optional } from '@nestjs/common';
import type { CommitmentState } from '../domain/commitment.js';
import { isOpen, overdueReasons, type OverdueReason } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';

/**
 * The overdue reasons of one commitment whose state is in memory (one read, one write's answer), by the one
 * definition (domain/overdue.ts): the lists judge many in SQL with its fragment, this judges one with its predicate.
 * The state carries the periods its agencies reported on (what progress_reports holds for it), so the only read is
 * the cycles' deadlines.
 */
@Injectable()
export class CommitmentOverdue {
  constructor(@Optional() private readonly obligations?: ReportingObligations) {}

  /** Why `s` is overdue at `instant`, its lead agency's reports counting whenever they were recorded (as the lists count them). */
  async reasonsAt(s: CommitmentState, instant: Date): Promise<OverdueReason[]> {
    if (!isOpen(s.status)) return []; // nothing to read: a closed commitment is never overdue
    const at = await overdueContextAt(instant, this.obligations);
    return overdueReasons({ status: s.status, dueDate: s.dueDate, leadReportPeriods: s.reportedPeriods[s.leadAgency] ?? [] }, at);
  }
}
