import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMITMENT_ACTIONS, type CommitmentAction } from '../domain/commitment.js';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/lifecycle.js';
import { OVERDUE_REASONS, type OverdueReason } from '../application/reporting-obligations.js';
import type { CommitmentView } from '../application/commitment-view.js';
import type { CommitmentFacets } from '../application/get-commitment-facets.js';

/** The OpenAPI shapes of the commitment list and its facet counts, as the API answers them. */

export class PendingExtensionResponse {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
}

export class AllowedActionResponse {
  @ApiProperty({ enum: COMMITMENT_ACTIONS }) action: CommitmentAction;
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES, description: 'where a lifecycle move leads' }) to?: CommitmentStatus;
  @ApiPropertyOptional() reasonRequired?: boolean;
}

export class CommitmentResponse implements CommitmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ILO-a' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ example: 'A/68/190' }) source: string;
  @ApiProperty() kind: string;
  @ApiProperty({ example: 'ILO' }) leadAgency: string;
  @ApiProperty({ type: [String], example: ['IOM'] }) supportingAgencies: string[];
  @ApiProperty({ type: [Number], example: [2] }) agendaItems: number[];
  @ApiProperty({ type: [String], example: ['10.7'] }) sdgTargets: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) originalDueDate: string | null;
  @ApiProperty({ type: PendingExtensionResponse, nullable: true }) pendingExtension: PendingExtensionResponse | null;
  @ApiProperty({ enum: COMMITMENT_STATUSES }) status: CommitmentStatus;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ enum: OVERDUE_REASONS, isArray: true }) overdueReasons: OverdueReason[];
  @ApiProperty({ type: [AllowedActionResponse] }) allowedActions: AllowedActionResponse[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: Number, nullable: true }) lastReportPeriod: number | null;
}

export class CommitmentPageResponse {
  @ApiProperty({ type: [CommitmentResponse] }) items: CommitmentResponse[];
  @ApiProperty({ description: 'how many commitments match, on every page' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page, null on the last' }) nextCursor: string | null;
}

export class TextFacetCountResponse {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
}

export class AgendaItemFacetCountResponse {
  @ApiProperty({ minimum: 1, maximum: 8 }) value: number;
  @ApiProperty() count: number;
}

export class StatusFacetCountResponse {
  @ApiProperty({ enum: COMMITMENT_STATUSES }) value: CommitmentStatus;
  @ApiProperty() count: number;
}

export class OverdueFacetCountResponse {
  @ApiProperty() value: boolean;
  @ApiProperty() count: number;
}

export class CommitmentFacetsResponse implements CommitmentFacets {
  @ApiProperty({ description: 'how many commitments match every filter' }) total: number;
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per lead agency' }) lead: TextFacetCountResponse[];
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per supporting agency' }) supporting: TextFacetCountResponse[];
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per agency, leading or supporting' }) agency: TextFacetCountResponse[];
  @ApiProperty({ type: [AgendaItemFacetCountResponse] }) agendaItem: AgendaItemFacetCountResponse[];
  @ApiProperty({ type: [TextFacetCountResponse], description: 'per SDG target' }) sdgTarget: TextFacetCountResponse[];
  @ApiProperty({ type: [StatusFacetCountResponse], description: 'every status, in lifecycle order' }) status: StatusFacetCountResponse[];
  @ApiProperty({ type: [OverdueFacetCountResponse], description: 'overdue (true) and not (false)' }) overdue: OverdueFacetCountResponse[];
}
