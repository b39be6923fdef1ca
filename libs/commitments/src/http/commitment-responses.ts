import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '@hld/kernel';
import { COMMITMENT_ACTIONS, type AvailableAction, type CommitmentAction, type PendingExtension } from '../domain/commitment.js';
import { COMMITMENT_KINDS, PROGRESS_REPORT_KINDS, type ProgressReportKind } from '../domain/commitment-events.js';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/lifecycle.js';
import type { CommitmentView } from '../application/commitment-view.js';
import type { CommitmentPage } from '../application/list-commitments.js';
import type { HistoryEntry } from '../application/get-commitment-history.js';
import type {
  CommitmentProgressReports,
  ProgressReportEntry,
  ProgressReportPeriod,
  Reporter,
} from '../application/list-progress-reports.js';
import type { StatisticsDimension, StatusCounts } from '../application/get-status-statistics.js';
import type { CommitmentFacets } from '../application/get-commitment-facets.js';
import { OVERDUE_REASONS, type OverdueReason } from '../domain/overdue.js';

/** The OpenAPI shapes of what the commitments' routes answer (the web app's client is generated from them). */

export class AvailableActionResponse implements AvailableAction {
  @ApiProperty({ enum: COMMITMENT_ACTIONS }) action: CommitmentAction;
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES, description: 'for a lifecycle move: the status it leads to' }) to?: CommitmentStatus;
  @ApiPropertyOptional({ description: 'for a lifecycle move: whether it needs a reason' }) reasonRequired?: boolean;
}

export class PendingExtensionResponse implements PendingExtension {
  @ApiProperty({ format: 'uuid', description: 'what a coordinator decides on' }) requestId: string;
  @ApiProperty({ format: 'date', example: '2015-06-30', description: 'the due date asked for' }) dueDate: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
}

export class CommitmentResponse implements CommitmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ILO-a' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ example: 'A/68/190' }) source: string;
  @ApiProperty({ enum: COMMITMENT_KINDS }) kind: string;
  @ApiProperty({ example: 'ILO' }) leadAgency: string;
  @ApiProperty({ type: [String], example: ['IOM'] }) supportingAgencies: string[];
  @ApiProperty({ type: 'integer', isArray: true, example: [2] }) agendaItems: number[];
  @ApiProperty({ type: [String], example: ['10.7'] }) sdgTargets: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2015-01-15' }) dueDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the due date before any approved extension' })
  originalDueDate: string | null;
  @ApiProperty({ type: PendingExtensionResponse, nullable: true }) pendingExtension: PendingExtensionResponse | null;
  @ApiProperty({ enum: COMMITMENT_STATUSES }) status: CommitmentStatus;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ enum: OVERDUE_REASONS, isArray: true }) overdueReasons: OverdueReason[];
  @ApiProperty({
    type: [AvailableActionResponse],
    description: 'what the principal who asked may do to it now; empty for a past state (asOf)',
  })
  allowedActions: AvailableActionResponse[];
  @ApiProperty({ type: 'integer', description: 'send it back as If-Match: "<version>"' }) version: number;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the latest period reported on by its lead agency' })
  lastReportPeriod: number | null;
}

export class CommitmentPageResponse implements CommitmentPage {
  @ApiProperty({ type: [CommitmentResponse] }) items: CommitmentResponse[];
  @ApiProperty({ type: 'integer', description: 'how many match the filters, on every page' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last one' }) nextCursor:
    string | null;
}

export class ActorResponse implements Actor {
  @ApiProperty({ description: 'a user id, or system:<name> for the catalogue load and scheduled jobs' }) id: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) agency?: string | null;
}

export class HistoryEntryResponse implements HistoryEntry {
  @ApiProperty({ type: 'integer', description: 'its place in the whole event log' }) position: number;
  @ApiProperty({ type: 'integer', description: 'the commitment version it made' }) version: number;
  @ApiProperty({ example: 'CommitmentStatusChanged' }) type: string;
  @ApiProperty({ format: 'date-time', description: 'when it took effect in the world (see "Two times")' }) effectiveAt: string;
  @ApiProperty({ format: 'date-time', description: 'when the system recorded it' }) recordedAt: string;
  @ApiProperty({ format: 'date-time', description: 'the recorded time, under its former name (kept for existing clients)' })
  occurredAt: string;
  @ApiProperty() actor: ActorResponse;
  @ApiProperty({ description: 'the request that made it' }) correlationId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what changed, as the event recorded it' })
  payload: Record<string, unknown>;
}

export class HistoryResponse {
  @ApiProperty({ type: [HistoryEntryResponse], description: 'in the order they were recorded' }) items: HistoryEntryResponse[];
}

export class ProgressReportedResponse {
  @ApiProperty({ format: 'uuid', description: 'the progress report' }) id: string;
  @ApiProperty() commitment: CommitmentResponse;
}

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
  @ApiProperty({ type: 'integer', example: 2014 }) period: number;
  @ApiProperty({ example: 'ILO', description: 'the agency the report is for' }) agency: string;
  @ApiProperty({ enum: PROGRESS_REPORT_KINDS, description: 'no_change: nothing changed since the last report' }) kind: ProgressReportKind;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String], example: ['https://example.org/report'] }) evidenceUrls: string[];
  @ApiProperty({ type: [IndicatorResponse] }) indicators: IndicatorResponse[];
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: ReporterResponse }) reportedBy: ReporterResponse;
}

export class ProgressReportPeriodResponse implements ProgressReportPeriod {
  @ApiProperty({ type: 'integer', example: 2014 }) period: number;
  @ApiProperty({ type: [ProgressReportResponse], description: 'the latest report first' }) reports: ProgressReportResponse[];
}

export class ProgressReportsResponse implements CommitmentProgressReports {
  @ApiProperty({ format: 'uuid' }) commitmentId: string;
  @ApiProperty({ example: 'ILO-a' }) code: string;
  @ApiProperty({ type: [ProgressReportPeriodResponse], description: 'the newest period first' }) periods: ProgressReportPeriodResponse[];
}

const STATUS_COUNTS = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, { type: 'integer' as const }]));

export class StatusCountsResponse implements StatusCounts {
  @ApiProperty({ description: 'the lead agency code, or the agenda item number as text', example: 'ILO' }) key: string;
  @ApiProperty({ type: 'object', properties: STATUS_COUNTS, required: [...COMMITMENT_STATUSES] }) counts: Record<CommitmentStatus, number>;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
}

export class StatusStatisticsResponse {
  @ApiProperty({ enum: ['agency', 'agendaItem'] }) by: StatisticsDimension;
  @ApiProperty({ type: [StatusCountsResponse] }) items: StatusCountsResponse[];
}

/** The facet counts of a commitment list (GET /commitments/facets): a count per value of each filter. */
export class TextFacetCountResponse {
  @ApiProperty() value: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class AgendaItemFacetCountResponse {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 8 }) value: number;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class StatusFacetCountResponse {
  @ApiProperty({ enum: COMMITMENT_STATUSES }) value: CommitmentStatus;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class OverdueFacetCountResponse {
  @ApiProperty() value: boolean;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class CommitmentFacetsResponse implements CommitmentFacets {
  @ApiProperty({ type: 'integer', description: 'how many commitments match every filter' }) total: number;
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per lead agency' }) lead: TextFacetCountResponse[];
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per supporting agency' }) supporting: TextFacetCountResponse[];
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per agency, leading or supporting' }) agency: TextFacetCountResponse[];
  @ApiProperty({ type: [AgendaItemFacetCountResponse] }) agendaItem: AgendaItemFacetCountResponse[];
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per SDG target' }) sdgTarget: TextFacetCountResponse[];
  @ApiProperty({ type: [StatusFacetCountResponse], description: 'every status, in lifecycle order' }) status: StatusFacetCountResponse[];
  @ApiProperty({ type: [OverdueFacetCountResponse], description: 'overdue (true) and not (false)' }) overdue: OverdueFacetCountResponse[];
}
