/** Scheduled reminders: delayed jobs, one per planned reminder, with its key as job id. */
export const REMINDERS_QUEUE = 'reminders';
/** Deliveries: one job per notification and attempt. */
export const NOTIFICATIONS_QUEUE = 'notifications';
