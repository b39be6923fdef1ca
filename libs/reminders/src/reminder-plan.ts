import { dueDatePassesAt } from '@hld/commitments';
import { daysBefore, type ReportingCycleState } from '@hld/reporting-cycles';
import type { PlannedReminder, ReminderRun } from './queues.js';

/** A reminder missed by less than this (Redis lost it, the worker was down) still goes out, late. */
export const CATCH_UP_MS = 24 * 3600 * 1000;
/** Overdue notices for a due date older than this are left to the coordinators' digests. */
export const DUE_OVERDUE_NOTICE_WINDOW_MS = 30 * 24 * 3600 * 1000;

const stamp = (d: Date) => Math.floor(d.getTime() / 1000);
/** The key is the BullMQ job id and the reminder_runs key: deterministic, so scheduling twice schedules once. */
const run = (key: string, fireAt: Date): ReminderRun => ({ key, fireAt: fireAt.toISOString() });

/**
 * The reminders of a reporting cycle, from its dates alone: the call for inputs at opening (at once when the
 * opening is past, unless the deadline is too), a reminder `d` days before the deadline for each offset, and at
 * the deadline the overdue notices and the coordinators' digest. Keys carry the fire time, so moving the
 * deadline plans new reminders; the old ones find themselves stale when they fire and send nothing.
 */
export function planCycle(cycle: ReportingCycleState, now: Date): PlannedReminder[] {
  const deadlinePassed = cycle.deadline.getTime() <= now.getTime();
  const plan: PlannedReminder[] = [];
  const { year } = cycle;
  if (!deadlinePassed) {
    plan.push({ name: 'cycle-open', data: { ...run(`cycle-${year}-open-${stamp(cycle.opensAt)}`, cycle.opensAt), year } });
    for (const days of cycle.reminderOffsetsDays) {
      const fireAt = daysBefore(cycle.deadline, days, cycle.timeZone);
      // no reminder before the call for inputs, and none long missed (the call for inputs covers it)
      if (fireAt < cycle.opensAt || fireAt.getTime() < now.getTime() - CATCH_UP_MS) continue;
      plan.push({ name: 'cycle-reminder', data: { ...run(`cycle-${year}-reminder-${days}-${stamp(fireAt)}`, fireAt), year, days } });
    }
  }
  plan.push({ name: 'cycle-deadline', data: { ...run(`cycle-${year}-deadline-${stamp(cycle.deadline)}`, cycle.deadline), year } });
  return plan;
}

export interface DueCommitment {
  id: string;
  dueDate: string;
}

/**
 * The reminders of a commitment's due date (a calendar date, read in UTC like `overdue` itself): `d` days before
 * it for each offset, and an overdue notice from the instant the commitments' definition says the due date has
 * passed (`dueDatePassesAt`: the due day has ended). Keys carry the due date, so an approved extension plans anew.
 */
export function planDueDate(c: DueCommitment, offsetsDays: number[], now: Date): PlannedReminder[] {
  const dueDay = new Date(`${c.dueDate}T00:00:00Z`);
  const plan: PlannedReminder[] = [];
  for (const days of offsetsDays) {
    const fireAt = daysBefore(dueDay, days, 'UTC');
    if (fireAt.getTime() < now.getTime() - CATCH_UP_MS) continue;
    plan.push({
      name: 'due-reminder',
      data: { ...run(`due-${c.id}-reminder-${days}-${c.dueDate}`, fireAt), commitmentId: c.id, dueDate: c.dueDate, days },
    });
  }
  const overdueAt = dueDatePassesAt(c.dueDate);
  if (overdueAt.getTime() >= now.getTime() - DUE_OVERDUE_NOTICE_WINDOW_MS) {
    plan.push({
      name: 'due-overdue',
      data: { ...run(`due-${c.id}-overdue-${c.dueDate}`, overdueAt), commitmentId: c.id, dueDate: c.dueDate },
    });
  }
  return plan;
}
