import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hld/persistence';
import { ReportingObligations } from '@hld/commitments';

/** Tells the commitments context which cycle's deadline has passed most recently. */
@Injectable()
export class CycleReportingObligations extends ReportingObligations {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async latestPassedDeadline(now: Date): Promise<{ year: number; deadline: Date } | null> {
    const [row] = await this.unitOfWork.manager.query(
      'SELECT year, deadline FROM reporting_cycles WHERE deadline <= $1 ORDER BY deadline DESC LIMIT 1',
      [now],
    );
    return row ? { year: row.year, deadline: row.deadline } : null;
  }
}
