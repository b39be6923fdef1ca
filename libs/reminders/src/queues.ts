/** Scheduled reminders: delayed jobs, one per planned reminder, with its key as job id. */
export const REMINDERS_QUEUE = 'reminders';
/** Deliveries: one job per batch of due notifications. */
export const NOTIFICATIONS_QUEUE = 'notifications';
