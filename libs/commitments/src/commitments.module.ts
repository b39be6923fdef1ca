import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@hld/agencies';
import { CommitmentRepository } from './domain/commitment-repository.js';
import { CommitmentProjection } from './infrastructure/commitment-projection.js';
import { CommitmentVersionRecord, CommitmentViewRecord, ProgressReportRecord } from './infrastructure/commitment-view.record.js';
import { EventSourcedCommitmentRepository } from './infrastructure/event-sourced-commitment-repository.js';
import { KeptStateCommitmentRepository } from './infrastructure/kept-state-commitment-repository.js';
import { ReferenceChecks } from './application/reference-checks.js';
import { RegisterCommitmentHandler } from './application/register-commitment.js';
import { ReviseCommitmentDetailsHandler } from './application/revise-commitment-details.js';
import { AssignCommitmentOwnersHandler } from './application/assign-commitment-owners.js';
import { SetCommitmentDueDateHandler } from './application/set-commitment-due-date.js';
import { ChangeCommitmentStatusHandler } from './application/change-commitment-status.js';
import { ReportProgressHandler } from './application/report-progress.js';
import { RequestDueDateExtensionHandler } from './application/request-due-date-extension.js';
import { DecideDueDateExtensionHandler } from './application/decide-due-date-extension.js';
import { RebuildCommitmentReadModelsHandler } from './application/rebuild-commitment-read-models.js';
import { ListCommitmentsHandler } from './application/list-commitments.js';
import { GetCommitmentFacetsHandler } from './application/get-commitment-facets.js';
import { ExportCommitmentsHandler } from './application/export-commitments.js';
import { GetCommitmentHandler } from './application/get-commitment.js';
import { GetCommitmentHistoryHandler } from './application/get-commitment-history.js';
import { ListProgressReportsHandler } from './application/list-progress-reports.js';
import { GetStatusStatisticsHandler } from './application/get-status-statistics.js';
import { GetReportingComplianceHandler } from './application/get-reporting-compliance.js';
import { GetOverdueBreakdownHandler } from './application/get-overdue-breakdown.js';
import { CommitmentOverdue } from './application/commitment-overdue.js';
import { GetAgencyAgendaHandler } from './application/get-agency-agenda.js';
import { CommitmentsController } from './http/commitments.controller.js';
import { StatisticsController } from './http/statistics.controller.js';

/** The commitments bounded context: the aggregate, its commands and queries, its read models, its API. */
@Module({
  imports: [CqrsModule, AgenciesModule, TypeOrmModule.forFeature([CommitmentViewRecord, CommitmentVersionRecord, ProgressReportRecord])],
  controllers: [CommitmentsController, StatisticsController],
  providers: [
    EventSourcedCommitmentRepository,
    { provide: CommitmentRepository, useClass: KeptStateCommitmentRepository },
    CommitmentProjection,
    ReferenceChecks,
    RegisterCommitmentHandler,
    ReviseCommitmentDetailsHandler,
    AssignCommitmentOwnersHandler,
    SetCommitmentDueDateHandler,
    ChangeCommitmentStatusHandler,
    ReportProgressHandler,
    RequestDueDateExtensionHandler,
    DecideDueDateExtensionHandler,
    RebuildCommitmentReadModelsHandler,
    ListCommitmentsHandler,
    GetCommitmentFacetsHandler,
    ExportCommitmentsHandler,
    GetCommitmentHandler,
    GetCommitmentHistoryHandler,
    ListProgressReportsHandler,
    GetStatusStatisticsHandler,
    GetReportingComplianceHandler,
    GetOverdueBreakdownHandler,
    CommitmentOverdue,
    GetAgencyAgendaHandler,
  ],
})
export class CommitmentsModule {}
