export { CommitmentsModule } from './commitments.module.js';
// domain
export { Commitment, evolve, availableActions, COMMITMENT_ACTIONS, FIRST_REPORTING_PERIOD } from './domain/commitment.js';
export type { AvailableAction, CommitmentAction, CommitmentState, StatusChangeRequest, PendingExtension } from './domain/commitment.js';
export * from './domain/commitment-events.js';
export * from './domain/commitment-errors.js';
export * from './domain/lifecycle.js';
// open and overdue: the one definition (predicates and SQL fragments side by side)
export * from './domain/overdue.js';
export { allowedActions, assertMay, COMMITMENT_GRANTS, COMMITMENT_POLICY, NotAllowed } from './domain/access-policy.js';
// commands
export { RegisterCommitment } from './application/register-commitment.js';
export type { CommitmentDetails } from './application/register-commitment.js';
export { ReviseCommitmentDetails } from './application/revise-commitment-details.js';
export { AssignCommitmentOwners } from './application/assign-commitment-owners.js';
export { SetCommitmentDueDate } from './application/set-commitment-due-date.js';
export { ChangeCommitmentStatus } from './application/change-commitment-status.js';
export { ReportProgress } from './application/report-progress.js';
export { RequestDueDateExtension } from './application/request-due-date-extension.js';
export { DecideDueDateExtension } from './application/decide-due-date-extension.js';
export { ReportingObligations, overdueContextAt } from './application/reporting-obligations.js';
export { RebuildCommitmentReadModels } from './application/rebuild-commitment-read-models.js';
// queries
export { ListCommitments } from './application/list-commitments.js';
export type { CommitmentFilters, CommitmentPage } from './application/list-commitments.js';
export type { CommitmentSort } from './application/commitment-order.js';
export { GetCommitmentFacets } from './application/get-commitment-facets.js';
export type { CommitmentFacets } from './application/get-commitment-facets.js';
export { ExportCommitments } from './application/export-commitments.js';
export type { CommitmentExport, ExportedCommitment } from './application/export-commitments.js';
export { GetCommitment } from './application/get-commitment.js';
export { GetCommitmentHistory } from './application/get-commitment-history.js';
export { ListProgressReports } from './application/list-progress-reports.js';
export type { CommitmentProgressReports, ProgressReportEntry, ProgressReportPeriod } from './application/list-progress-reports.js';
export { GetStatusStatistics } from './application/get-status-statistics.js';
export { GetReportingCompliance } from './application/get-reporting-compliance.js';
export type { AgencyCompliance } from './application/get-reporting-compliance.js';
export { GetOverdueBreakdown } from './application/get-overdue-breakdown.js';
export type { OverdueBreakdown } from './application/get-overdue-breakdown.js';
export { GetAgencyAgenda, AGENDA_LIMITS } from './application/get-agency-agenda.js';
export type {
  AgencyAgenda,
  OwedReport,
  OverdueCommitment,
  ExtensionRequestView,
  ExtensionOutcome,
  StatusTally,
} from './application/get-agency-agenda.js';
export type { CommitmentView } from './application/commitment-view.js';
// the input contract of the commands, reused by other ways in (the catalogue load)
export { RegisterCommitmentRequest, ReportProgressRequest } from './http/commitment-requests.js';
