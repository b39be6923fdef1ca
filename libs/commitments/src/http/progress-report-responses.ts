import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROGRESS_REPORT_KINDS, type ProgressReportKind } from '../domain/commitment-events.js';
import type {
  CommitmentProgressReports,
  ProgressReportEntry,
  ProgressReportPeriod,
  Reporter,
} from '../application/list-progress-reports.js';

export class IndicatorResponse {
  @ApiProperty({ example: 'countries reached' }) name: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], example: 12 }) value: number | string;
  @ApiPropertyOptional({ example: 'countries' }) unit?: string;
  @ApiPropertyOptional({ format: 'date', example: '2014-12-31' }) asOf?: string;
}

export class ReporterResponse implements Reporter {
  @ApiProperty({ description: 'a user id, or system:catalogue for the catalogue load' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'focal_point', description: 'focal_point, coordinator, admin or system' })
  role: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ILO', description: "a focal point's agency" }) agency: string | null;
}

export class ProgressReportResponse implements ProgressReportEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2014 }) period: number;
  @ApiProperty({ example: 'ILO', description: 'the agency the report is for' }) agency: string;
  @ApiProperty({ enum: PROGRESS_REPORT_KINDS, description: 'no_change: nothing changed since the last report' }) kind: ProgressReportKind;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String], example: ['https://example.org/report'] }) evidenceUrls: string[];
  @ApiProperty({ type: [IndicatorResponse] }) indicators: IndicatorResponse[];
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: ReporterResponse }) reportedBy: ReporterResponse;
}

export class ProgressReportPeriodResponse implements ProgressReportPeriod {
  @ApiProperty({ example: 2014 }) period: number;
  @ApiProperty({ type: [ProgressReportResponse], description: 'the latest report first' }) reports: ProgressReportResponse[];
}

export class ProgressReportsResponse implements CommitmentProgressReports {
  @ApiProperty({ format: 'uuid' }) commitmentId: string;
  @ApiProperty({ example: 'ILO-a' }) code: string;
  @ApiProperty({ type: [ProgressReportPeriodResponse], description: 'the newest period first' }) periods: ProgressReportPeriodResponse[];
}
