import { ApiProperty } from '@nestjs/swagger';
import type { AgencyCompliance } from '@hld/commitments';

/** The OpenAPI shape of a reporting cycle as the API answers it. */
export class ReportingCycleResponse {
  @ApiProperty({ type: 'integer', example: 2014 }) year: number;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) meetingDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) summaryDate: string | null;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ type: 'integer', isArray: true, example: [14, 3], description: 'days before the deadline when reminders go out' })
  reminderOffsetsDays: number[];
  @ApiProperty({ type: 'integer', description: 'send it back as If-Match: "<version>"' }) version: number;
}

export class ReportingCycleListResponse {
  @ApiProperty({ type: [ReportingCycleResponse] }) items: ReportingCycleResponse[];
}

export class MissingCommitmentResponse {
  @ApiProperty({ example: 'ILO-a' }) code: string;
  @ApiProperty() title: string;
}

export class AgencyComplianceResponse implements AgencyCompliance {
  @ApiProperty({ example: 'ILO' }) agency: string;
  @ApiProperty({ type: 'integer', description: 'open commitments the agency leads: each owes a report for the year' }) owed: number;
  @ApiProperty({ type: 'integer' }) submitted: number;
  @ApiProperty({ type: [String], description: 'codes of the commitments still without a report' }) missing: string[];
  @ApiProperty({ type: [MissingCommitmentResponse] }) missingCommitments: MissingCommitmentResponse[];
}

export class ComplianceResponse {
  @ApiProperty({ type: 'integer', example: 2014 }) year: number;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ type: [AgencyComplianceResponse] }) agencies: AgencyComplianceResponse[];
}
