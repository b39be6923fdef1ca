import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ConfigModule, Environment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { WorkerReadiness } from './worker-readiness.js';

/** The worker process: BullMQ processors only, no HTTP server. */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule,
    BullModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
        prefix: env.QUEUE_PREFIX,
      }),
    }),
  ],
  providers: [WorkerReadiness],
})
export class WorkerModule {}
