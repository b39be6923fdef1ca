import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DrainingWorkerHost } from '@hld/jobs';
import { Environment } from '@hld/config';
import { UnrecoverableError, type Job } from 'bullmq';
import { DeliverNotification } from './deliver-notification.js';
import { NOTIFICATIONS_QUEUE, type DeliveryJob } from './queues.js';

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

  async process(job: Job): Promise<string> {
    const delivery = { name: job.name, data: job.data } as DeliveryJob;
    switch (delivery.name) {
      case 'deliver':
        return (await this.delivery.deliverBatch(delivery.data.ids)).join(',');
      default: {
        const unknown: never = delivery.name;
        throw new UnrecoverableError(`The notifications queue has no handler for job "${String(unknown)}"`);
      }
    }
  }
}
