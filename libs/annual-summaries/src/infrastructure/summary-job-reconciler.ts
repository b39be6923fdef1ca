import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, SYSTEM_ACTOR } from '@hld/kernel';
import { UnitOfWork } from '@hld/persistence';
import { ReportingCycleStore } from '@hld/reporting-cycles';
import { RequestAnnualSummary } from '../application/request-annual-summary.js';
import { SummaryJobs } from './summary-queue.js';
import { SummaryVersions } from './summary-versions.js';

/**
 * PostgreSQL says which versions are waiting; Redis only carries the jobs. At every worker start, and every
 * minute after, each queued or running version's job is added again (a no-op when it exists), so a Redis that
 * was flushed or unreachable when the request came in loses nothing. The same pass asks for the scheduled
 * compilation of every reporting cycle whose summary date has come and that has none yet.
 */
@Injectable()
export class SummaryJobReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SummaryJobReconciler.name);

  constructor(
    private readonly versions: SummaryVersions,
    private readonly jobs: SummaryJobs,
    private readonly cycles: ReportingCycleStore,
    private readonly commands: CommandBus,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.scheduleReconciliation();
    const enqueued = await this.reconcile();
    if (enqueued > 0) this.logger.log(`Re-enqueued ${enqueued} annual summary version(s) waiting in PostgreSQL`);
  }

  async reconcile(): Promise<number> {
    await this.requestScheduledSummaries();
    const active = await this.versions.active();
    for (const summary of active) await this.jobs.enqueue({ summaryId: summary.id, year: summary.year, version: summary.version });
    return active.length;
  }

  /** On a cycle's summary date (or the first pass after it), one scheduled compilation of that year. */
  async requestScheduledSummaries(): Promise<number> {
    const now = this.clock.now();
    const due = (await this.cycles.list()).filter((c) => c.summaryDate && c.summaryDate <= now);
    let requested = 0;
    for (const cycle of due) {
      const [done] = await this.unitOfWork.manager.query(
        `SELECT 1 FROM annual_summaries WHERE year = $1 AND trigger = 'scheduled' LIMIT 1`,
        [cycle.year],
      );
      if (done) continue;
      await this.commands.execute(new RequestAnnualSummary(cycle.year, SYSTEM_ACTOR('scheduler'), 'scheduled'));
      this.logger.log(`The ${cycle.year} summary date has come: compilation requested`);
      requested += 1;
    }
    return requested;
  }
}
