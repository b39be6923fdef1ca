import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DeliverNotification } from './deliver-notification.js';
import { NOTIFICATIONS_QUEUE } from './queues.js';

/** Delivers notifications, one job per notification and attempt. */
@Processor(NOTIFICATIONS_QUEUE, { concurrency: 8 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly delivery: DeliverNotification) {
    super();
  }

  async process(job: Job<{ id: string }>): Promise<string> {
    if (job.name !== 'deliver') throw new Error(`No handler for notification job "${job.name}"`);
    return this.delivery.deliver(job.data.id);
  }
}
