import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BullModule } from '@nestjs/bullmq';
import { IdentityModule } from '@hld/identity';
import { RemindersModule } from '@hld/reminders';
import { ReportingCyclesModule } from '@hld/reporting-cycles';
import { SummaryVersions } from './infrastructure/summary-versions.js';
import { SummaryFiles } from './infrastructure/summary-files.js';
import { SummarySnapshotReader } from './infrastructure/summary-snapshot.js';
import { ANNUAL_SUMMARIES_QUEUE, SummaryJobs } from './infrastructure/summary-queue.js';
import { SummaryJobReconciler } from './infrastructure/summary-job-reconciler.js';
import { AnnualSummariesProcessor } from './infrastructure/annual-summaries.processor.js';
import { SummaryReadyNotifier } from './application/summary-ready-notifier.js';
import { CompileAnnualSummaryHandler } from './application/compile-annual-summary.js';
import { RequestAnnualSummaryHandler } from './application/request-annual-summary.js';

/**
 * The worker side: the `annual-summaries` processor, the compilation, and the reconciler that re-adds the jobs of
 * waiting versions and asks for the scheduled compilation once a reporting cycle's summary date has come. Only
 * the worker process imports it.
 */
@Module({
  imports: [CqrsModule, IdentityModule, RemindersModule, ReportingCyclesModule, BullModule.registerQueue({ name: ANNUAL_SUMMARIES_QUEUE })],
  providers: [
    SummaryVersions,
    SummaryFiles,
    SummaryJobs,
    SummarySnapshotReader,
    SummaryReadyNotifier,
    SummaryJobReconciler,
    CompileAnnualSummaryHandler,
    RequestAnnualSummaryHandler,
    AnnualSummariesProcessor,
  ],
  exports: [SummaryReadyNotifier],
})
export class AnnualSummariesWorkerModule {}
