import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { Environment } from '@hld/config';

/**
 * BullMQ's connection and defaults, once for every queue. The API only adds jobs; processors are registered
 * by the worker's modules alone.
 *
 * Who retries what (one layer per kind of failure; docs/architecture.md, "Retries"):
 * - BullMQ, with the attempts below and for every job (no queue sets its own): a job that threw because
 *   PostgreSQL or Redis failed under it, or a bug. Every job can run again safely: a reminder records its run
 *   once, a delivery claims each message before sending it, a compilation is all-or-nothing.
 * - The notification's row (NOTIFICATION_MAX_ATTEMPTS, backoff from NOTIFICATION_RETRY_BASE_SECONDS): a message
 *   the SMTP server refused. The delivery job does not fail for it; the row waits for its next attempt and the
 *   dispatcher queues a new job then, until the row is `failed` for an admin to retry.
 * - PostgreSQL, read again by the worker: a job that Redis lost or whose attempts ran out. The sweep re-adds the
 *   reminders and retries failed reminder jobs, the dispatcher re-queues notifications whose lease lapsed or
 *   whose job never ran, the summaries' reconciler re-adds the job of every waiting version (a compilation whose
 *   attempts ran out marks its version failed).
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
          // 2, 4, 8, 16 s: outlasts a PostgreSQL restart (about a second) with room to spare
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
