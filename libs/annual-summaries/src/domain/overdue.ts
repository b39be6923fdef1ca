import { isOverdue, type CommitmentStatus } from '@hld/commitments';

/**
 * Why a commitment counts as overdue in the summary, as of its instant. Only the due date today; a missing report
 * after a reporting cycle's deadline is the next reason to add here (and in `OVERDUE_REASONS` below), so every
 * list and count of the summary picks it up at once.
 */
export const SUMMARY_OVERDUE_REASONS = ['due_date_passed'] as const;
export type SummaryOverdueReason = (typeof SUMMARY_OVERDUE_REASONS)[number];

export function overdueReasons(commitment: { dueDate: string | null; status: CommitmentStatus }, asOfDate: string): SummaryOverdueReason[] {
  return isOverdue(commitment, asOfDate) ? ['due_date_passed'] : [];
}
