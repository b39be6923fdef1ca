import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DrainingWorkerHost } from '@hld/jobs';
import { Environment } from '@hld/config';
import type { Job } from 'bullmq';
import { DeliverNotification } from './deliver-notification.js';
import { NOTIFICATIONS_QUEUE } from './queues.js';

/** Delivers notifications, a batch of them per job (see NotificationDispatcher). */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationsProcessor extends DrainingWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly delivery: DeliverNotification,
    private readonly env: Environment,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.NOTIFICATION_CONCURRENCY;
  }

  async process(job: Job<{ ids: string[] }>): Promise<string> {
    if (job.name !== 'deliver') throw new Error(`No handler for notification job "${job.name}"`);
    return (await this.delivery.deliverBatch(job.data.ids)).join(',');
  }
}
