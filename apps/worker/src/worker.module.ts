import { Module } from '@nestjs/common';
import { ConfigModule } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { JobsModule } from '@hld/jobs';
import { RemindersWorkerModule } from '@hld/reminders';
import { AnnualSummariesWorkerModule } from '@hld/annual-summaries';
import { WorkerReadiness } from './worker-readiness.js';

/** The worker process: BullMQ processors only, no HTTP server. */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule,
    JobsModule,
    RemindersWorkerModule,
    AnnualSummariesWorkerModule,
  ],
  providers: [WorkerReadiness],
})
export class WorkerModule {}
