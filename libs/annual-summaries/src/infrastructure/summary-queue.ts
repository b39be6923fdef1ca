import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';

export const ANNUAL_SUMMARIES_QUEUE = 'annual-summaries';

export interface CompileJobData {
  summaryId: string;
  year: number;
  version: number;
}

/** The jobs of the queue; the processor switches on their names, exhaustively. */
export type SummaryJob =
  | { name: 'compile'; data: CompileJobData }
  /** From a job scheduler, every minute (see SummaryJobReconciler). */
  | { name: 'reconcile'; data: Record<string, never> };
export type SummaryJobName = SummaryJob['name'];

/**
 * One job per version, however often it is asked for: BullMQ ignores an add whose id exists (ids may not hold
 * ':'). The version's id is part of it because Redis keeps finished jobs for days: a database restored or
 * recreated (as the tests do) starts again at version 1, and must not meet the old version 1's job.
 */
export const compileJobId = (data: CompileJobData): string => `annual-summary-${data.year}-v${data.version}-${data.summaryId}`;

/** How long a request waits for Redis before answering anyway: the version is queued in PostgreSQL either way. */
const ENQUEUE_TIMEOUT_MS = 3000;

/** Adds the compilation jobs. The API and the worker's reconciler use it; only the worker processes them. */
@Injectable()
export class SummaryJobs {
  private readonly logger = new Logger(SummaryJobs.name);

  constructor(@InjectQueue(ANNUAL_SUMMARIES_QUEUE) private readonly queue: Queue) {}

  /**
   * Enqueues the compilation of a version. PostgreSQL is the source of truth: when Redis does not answer in
   * time the version stays queued there, and the worker's reconciler enqueues it once Redis is back.
   */
  async enqueue(data: CompileJobData): Promise<void> {
    const add = this.queue.add('compile' satisfies SummaryJobName, data, { jobId: compileJobId(data) });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ENQUEUE_TIMEOUT_MS);
    });
    try {
      if ((await Promise.race([add, timeout])) === 'timeout') {
        this.logger.warn(`Redis did not take ${compileJobId(data)} in time; the reconciler will enqueue it`);
        add.catch(() => undefined);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs the reconciler now and then every minute (the schedule itself is rebuilt at every worker start). */
  async scheduleReconciliation(): Promise<void> {
    await this.queue.upsertJobScheduler('annual-summaries-reconcile', { every: 60_000 }, { name: 'reconcile' satisfies SummaryJobName });
  }
}
