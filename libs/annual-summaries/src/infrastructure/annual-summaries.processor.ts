import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { DrainingWorkerHost } from '@hld/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { Clock } from '@hld/kernel';
import { CompileAnnualSummary } from '../application/compile-annual-summary.js';
import { ANNUAL_SUMMARIES_QUEUE, type CompileJobData, type SummaryJob } from './summary-queue.js';
import { SummaryVersions } from './summary-versions.js';
import { SummaryJobReconciler } from './summary-job-reconciler.js';
import { summaryWorkerOptions } from './summary-worker-settings.js';

/** The worker of the `annual-summaries` queue: one host, switching on the job's name. */
@Processor(ANNUAL_SUMMARIES_QUEUE, summaryWorkerOptions())
export class AnnualSummariesProcessor extends DrainingWorkerHost {
  private readonly logger = new Logger(AnnualSummariesProcessor.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly versions: SummaryVersions,
    private readonly reconciler: SummaryJobReconciler,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const summaryJob = { name: job.name, data: job.data } as SummaryJob;
    switch (summaryJob.name) {
      case 'compile':
        return this.commands.execute(new CompileAnnualSummary(summaryJob.data.summaryId));
      case 'reconcile':
        return { enqueued: await this.reconciler.reconcile() };
      default: {
        const unknown: never = summaryJob;
        throw new UnrecoverableError(`The annual-summaries queue has no handler for job "${(unknown as SummaryJob).name}"`);
      }
    }
  }

  /** A failed attempt puts the version back in the queue; the last one marks it failed, with the reason. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || job.name !== 'compile') return;
    const { summaryId, year, version } = job.data as CompileJobData;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    this.logger.error(
      `[job ${job.id}] the ${year} summary v${version} failed (attempt ${job.attemptsMade}${final ? ', final' : ''}): ${error.message}`,
    );
    try {
      if (final) await this.versions.markFailed(summaryId, error.message, this.clock.now());
      else await this.versions.markRetrying(summaryId, error.message);
    } catch (markError) {
      this.logger.error(`[job ${job.id}] could not record the failure: ${(markError as Error).message}`);
    }
  }
}
