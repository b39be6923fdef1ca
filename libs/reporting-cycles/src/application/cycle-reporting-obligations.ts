import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hld/persistence';
import { ReportingObligations, type CycleDeadline } from '@hld/commitments';

/** Tells the commitments context each cycle's deadline; it decides which have passed (overdueContext). */
@Injectable()
export class CycleReportingObligations extends ReportingObligations {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async cycleDeadlines(): Promise<CycleDeadline[]> {
    const rows: CycleDeadline[] = await this.unitOfWork.manager.query('SELECT year, deadline FROM reporting_cycles');
    return rows;
  }
}
