import { Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DrainingWorkerHost } from '@hld/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { ReminderJobs } from './reminder-jobs.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { REMINDERS_QUEUE, type ReminderJob } from './queues.js';

/** Runs scheduled reminders: records who is told what, then queues the deliveries at once. */
@Processor(REMINDERS_QUEUE)
export class RemindersProcessor extends DrainingWorkerHost {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly jobs: ReminderJobs,
    private readonly dispatcher: NotificationDispatcher,
  ) {
    super();
  }

  async process(job: Job): Promise<number> {
    const reminder = { name: job.name, data: job.data } as ReminderJob;
    switch (reminder.name) {
      case 'cycle-open':
      case 'cycle-reminder':
      case 'cycle-deadline':
      case 'due-reminder':
      case 'due-overdue':
      case 'weekly-digest': {
        const ids = await this.jobs.run(reminder);
        // queue them now rather than on the next poll; if this fails, the poll queues them from PostgreSQL
        await this.dispatcher
          .dispatchDue()
          .catch((error: Error) => this.logger.warn(`queueing deliveries after job ${job.id} failed: ${error.message}`));
        return ids.length;
      }
      default: {
        const unknown: never = reminder;
        throw new UnrecoverableError(`The reminders queue has no handler for job "${(unknown as ReminderJob).name}"`);
      }
    }
  }
}
