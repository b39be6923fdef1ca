import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type Actor } from '@hld/kernel';
import { KnownAtInFuture } from '@hld/commitments';
import { assertSummaryYear } from '../domain/summary-year.js';
import { SUMMARY_POLICY } from '../domain/summary-policy.js';
import { SummaryVersions, type SummaryTrigger } from '../infrastructure/summary-versions.js';
import { SummaryJobs } from '../infrastructure/summary-queue.js';
import { toSummaryVersionView, type SummaryVersionView } from './summary-version-view.js';

/**
 * Asks for the summary of a year to be compiled: on demand by a coordinator, or on the reporting cycle's
 * summary date (`trigger: 'scheduled'`, by a system actor). While a compilation of that year is queued or
 * running, every request gets that one; otherwise a new version is queued.
 */
export class RequestAnnualSummary extends Command<{ summary: SummaryVersionView; created: boolean }> {
  constructor(
    readonly year: number,
    readonly requestedBy: Actor,
    readonly trigger: SummaryTrigger = 'on_demand',
    /** Compile it as the tracker knew things then (a recorded instant, not after now); null: all it knows when it compiles. */
    readonly knownAt: Date | null = null,
  ) {
    super();
  }
}

@CommandHandler(RequestAnnualSummary)
export class RequestAnnualSummaryHandler implements ICommandHandler<RequestAnnualSummary> {
  constructor(
    private readonly versions: SummaryVersions,
    private readonly jobs: SummaryJobs,
    private readonly clock: Clock,
  ) {}

  async execute({ year, requestedBy, trigger, knownAt }: RequestAnnualSummary): Promise<{ summary: SummaryVersionView; created: boolean }> {
    SUMMARY_POLICY.assertMay(requestedBy, 'request_summary');
    const now = this.clock.now();
    assertSummaryYear(year, now);
    if (knownAt && knownAt > now) throw new KnownAtInFuture(knownAt, now);
    // (while one is queued or running, that one is the answer, whatever its knownAt: the response says which)
    const { summary, created } = await this.versions.request(year, trigger, requestedBy.id, now, knownAt);
    // every request (re-)adds the version's job: the id makes it one job, and a job lost before it reached
    // Redis is added again
    await this.jobs.enqueue({ summaryId: summary.id, year: summary.year, version: summary.version });
    return { summary: toSummaryVersionView(summary), created };
  }
}
