import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SummaryJobs } from './summary-queue.js';
import { SummaryVersions } from './summary-versions.js';

/**
 * PostgreSQL says which versions are waiting; Redis only carries the jobs. At every worker start, and every
 * minute after, each queued or running version's job is added again (a no-op when it exists), so a Redis that
 * was flushed or unreachable when the request came in loses nothing.
 */
@Injectable()
export class SummaryJobReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SummaryJobReconciler.name);

  constructor(
    private readonly versions: SummaryVersions,
    private readonly jobs: SummaryJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.scheduleReconciliation();
    const enqueued = await this.reconcile();
    if (enqueued > 0) this.logger.log(`Re-enqueued ${enqueued} annual summary version(s) waiting in PostgreSQL`);
  }

  async reconcile(): Promise<number> {
    const active = await this.versions.active();
    for (const summary of active) await this.jobs.enqueue({ summaryId: summary.id, year: summary.year, version: summary.version });
    return active.length;
  }
}
