import type { BeforeApplicationShutdown } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';

/**
 * A WorkerHost that, when the process stops, lets its active jobs finish and takes no new ones *before* the
 * other shutdown hooks close the database pool, Redis and the mail transport those jobs still use.
 * (@nestjs/bullmq closes workers only in the last phase, after such resources may be gone.)
 */
export abstract class DrainingWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
