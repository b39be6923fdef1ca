/**
 * The reminders' two queues and their jobs: the one place their names and data are written down. Each processor
 * switches over its queue's names exhaustively, so a job added here without a handler does not compile. How
 * failed jobs are retried is said once, in JobsModule.
 */

/** Scheduled reminders: delayed jobs, one per planned reminder, with its key as job id. */
export const REMINDERS_QUEUE = 'reminders';
/** Deliveries: one job per batch of due notifications. */
export const NOTIFICATIONS_QUEUE = 'notifications';

/** What a planned reminder's job carries: the key of its run (its job id, and its row in reminder_runs) and when it is due. */
export interface ReminderRun {
  key: string;
  /** ISO 8601. */
  fireAt: string;
}

/** The reminders the plan schedules, from a cycle's dates or a commitment's due date (see reminder-plan.ts). */
export type PlannedReminder =
  | { name: 'cycle-open'; data: ReminderRun & { year: number } }
  | { name: 'cycle-reminder'; data: ReminderRun & { year: number; days: number } }
  | { name: 'cycle-deadline'; data: ReminderRun & { year: number } }
  | { name: 'due-reminder'; data: ReminderRun & { commitmentId: string; dueDate: string; days: number } }
  | { name: 'due-overdue'; data: ReminderRun & { commitmentId: string; dueDate: string } };

/** The coordinators' weekly digest, added by a job scheduler: its run is the week it fires in (by the clock). */
export interface WeeklyDigest {
  name: 'weekly-digest';
  data: Record<string, never>;
}

/** Every job of the reminders queue. */
export type ReminderJob = PlannedReminder | WeeklyDigest;

/** The job of the notifications queue: deliver a batch of notifications. */
export interface DeliveryJob {
  name: 'deliver';
  data: { ids: string[] };
}
