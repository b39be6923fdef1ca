import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { Environment } from '@hld/config';

/**
 * BullMQ's connection and defaults, once for every queue. The API only adds jobs; processors are registered
 * by the worker's modules alone.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        // BullMQ workers block on Redis: they wait for it to come back rather than fail after N retries
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
        prefix: env.QUEUE_PREFIX,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }),
    }),
  ],
  exports: [BullModule],
})
export class JobsModule {}
