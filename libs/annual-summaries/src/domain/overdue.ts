import { isOverdue, type CommitmentStatus } from '@hld/commitments';

/**
 * Why a commitment counts as overdue in the summary, as of its instant: its due date only. The commitments'
 * own lists also say `report_missing` after a reporting cycle's deadline (OVERDUE_REASONS in the commitments
 * context); the summary answers that question with its reporting rate instead. A reason added here, to
 * SUMMARY_OVERDUE_REASONS and to what this function returns, reaches every list and count of the summary.
 */
export const SUMMARY_OVERDUE_REASONS = ['due_date_passed'] as const;
export type SummaryOverdueReason = (typeof SUMMARY_OVERDUE_REASONS)[number];

export function overdueReasons(commitment: { dueDate: string | null; status: CommitmentStatus }, asOfDate: string): SummaryOverdueReason[] {
  return isOverdue(commitment, asOfDate) ? ['due_date_passed'] : [];
}
