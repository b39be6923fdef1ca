import { ApiProperty } from '@nestjs/swagger';
import { COMMITMENT_STATUSES, OVERDUE_REASONS, type CommitmentStatus, type ExtensionOutcome, type OverdueReason } from '@hld/commitments';

/** The OpenAPI shape of `GET /me/agenda` (MyAgenda). */
export class AgendaCycle {
  @ApiProperty({ example: 2014 }) year: number;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
}

export class OwedReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ILO-a' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES }) status: CommitmentStatus;
  @ApiProperty({ description: 'the commitment’s version (its ETag without quotes)' }) version: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the latest period reported on' }) lastReportPeriod: number | null;
}

export class OwedReports {
  @ApiProperty({ description: 'how many in all (items stops at 50)' }) total: number;
  @ApiProperty({ type: [OwedReportResponse] }) items: OwedReportResponse[];
}

export class StatusTallyResponse {
  @ApiProperty() proposed: number;
  @ApiProperty() accepted: number;
  @ApiProperty() in_progress: number;
  @ApiProperty() under_review: number;
  @ApiProperty() completed: number;
  @ApiProperty() discontinued: number;
}

export class OverdueCommitmentResponse {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() leadAgency: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES }) status: CommitmentStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ enum: OVERDUE_REASONS, isArray: true }) overdueReasons: OverdueReason[];
}

export class OverdueCommitments {
  @ApiProperty({ description: 'how many in all (items stops at 10)' }) total: number;
  @ApiProperty({ type: [OverdueCommitmentResponse] }) items: OverdueCommitmentResponse[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the year whose missing reports make commitments overdue (report_missing): the latest cycle past its deadline',
  })
  reportYear: number | null;
}

export class ExtensionRequestResponse {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date', description: 'the due date asked for' }) dueDate: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ enum: ['pending', 'approved', 'declined'] }) outcome: ExtensionOutcome;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the coordinator’s comment on the decision' }) comment: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the due date an approval replaced' })
  previousDueDate: string | null;
}

export class MyAgendaResponse {
  @ApiProperty({ type: String, nullable: true, description: 'the principal’s agency; null: the whole system' }) agency: string | null;
  @ApiProperty({ type: AgendaCycle, nullable: true, description: 'the latest cycle that has opened, else the next to open' })
  cycle: AgendaCycle | null;
  @ApiProperty({ type: OwedReports, description: 'open commitments the agency leads without its report for the cycle’s year' })
  owed: OwedReports;
  @ApiProperty({ type: StatusTallyResponse, description: 'commitments the agency leads, by status' }) lead: StatusTallyResponse;
  @ApiProperty({ type: StatusTallyResponse, description: 'commitments the agency supports, by status' }) supported: StatusTallyResponse;
  @ApiProperty({ type: OverdueCommitments, description: 'overdue commitments the agency leads or supports (all, without an agency)' })
  overdue: OverdueCommitments;
  @ApiProperty({ type: [ExtensionRequestResponse], description: 'pending, then decided in the last year (at most 20)' })
  extensionRequests: ExtensionRequestResponse[];
}
