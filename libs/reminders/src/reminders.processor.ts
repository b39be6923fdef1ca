import { Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DrainingWorkerHost } from '@hld/jobs';
import type { Job } from 'bullmq';
import { ReminderJobs, type ReminderJobData } from './reminder-jobs.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { REMINDERS_QUEUE } from './queues.js';
import type { ReminderJobName } from './reminder-plan.js';

const NAMES = ['cycle-open', 'cycle-reminder', 'cycle-deadline', 'due-reminder', 'due-overdue', 'weekly-digest'] as const;

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

  async process(job: Job<ReminderJobData>): Promise<number> {
    const name = job.name as (typeof NAMES)[number];
    if (!NAMES.includes(name)) throw new Error(`No handler for reminder job "${job.name}"`);
    // the weekly digest comes from a job scheduler: its key is the week, so one digest per week at most
    const data = name === 'weekly-digest' ? { ...job.data, key: `digest-weekly-${isoWeek(new Date())}`, fireAt: new Date().toISOString() } : job.data;
    const ids = await this.jobs.run(name as ReminderJobName | 'weekly-digest', data);
    // queue them now rather than on the next poll; if this fails, the poll queues them from PostgreSQL
    await this.dispatcher.dispatchDue().catch((error: Error) => this.logger.warn(`queueing deliveries for ${data.key} failed: ${error.message}`));
    return ids.length;
  }
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const week = Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
