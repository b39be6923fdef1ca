import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type Environment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { JobsModule } from '@hld/jobs';
import { RemindersWorkerModule } from '@hld/reminders';
import { AnnualSummariesWorkerModule } from '@hld/annual-summaries';
import { WorkerReadiness } from './worker-readiness.js';

/** The worker process: BullMQ processors only, no HTTP server. */
@Module({
  imports: [PersistenceModule, JobsModule, RemindersWorkerModule, AnnualSummariesWorkerModule],
  providers: [WorkerReadiness],
})
export class WorkerModule {
  /** With the settings the process loaded at start-up. */
  static forRoot(env: Environment): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(env)] };
  }
}
