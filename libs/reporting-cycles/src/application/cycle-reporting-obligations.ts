import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hld/persistence';
import { ReportingObligations, type CycleDeadline } from '@hld/commitments';

/** Tells the commitments context each cycle's deadline; it decides which have passed (overdueContext). */
@Injectable()
export class CycleReportingObligations extends ReportingObligations {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  /** Read on every commitment a write answers with and every list: a prepared statement, straight to the pool. */
  cycleDeadlines(): Promise<CycleDeadline[]> {
    return this.unitOfWork.queryPrepared<CycleDeadline>('SELECT year, deadline FROM reporting_cycles', []);
  }
}
