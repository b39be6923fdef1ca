import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BullModule } from '@nestjs/bullmq';
import { SummaryVersions } from './infrastructure/summary-versions.js';
import { SummaryFiles } from './infrastructure/summary-files.js';
import { ANNUAL_SUMMARIES_QUEUE, SummaryJobs } from './infrastructure/summary-queue.js';
import { RequestAnnualSummaryHandler } from './application/request-annual-summary.js';
import { ListAnnualSummaryVersionsHandler } from './application/list-summary-versions.js';
import { GetAnnualSummaryVersionHandler } from './application/get-summary-version.js';
import { OpenAnnualSummaryFileHandler } from './application/open-summary-file.js';
import { AnnualSummariesController } from './http/annual-summaries.controller.js';

/** The API side of the annual summaries: request a compilation (adds a job), list versions, download files. */
@Module({
  imports: [CqrsModule, BullModule.registerQueue({ name: ANNUAL_SUMMARIES_QUEUE })],
  controllers: [AnnualSummariesController],
  providers: [
    SummaryVersions,
    SummaryFiles,
    SummaryJobs,
    RequestAnnualSummaryHandler,
    ListAnnualSummaryVersionsHandler,
    GetAnnualSummaryVersionHandler,
    OpenAnnualSummaryFileHandler,
  ],
})
export class AnnualSummariesModule {}
