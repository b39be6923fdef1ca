import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The state columns commitment_view and commitment_versions share (the projection's VIEW_COLUMNS). */
abstract class CommitmentStateColumns {
  @Column('text') code: string;
  @Column('text') title: string;
  @Column('text') text: string;
  @Column('text') source: string;
  @Column('text') kind: string;
  @Column('text', { name: 'lead_agency' }) leadAgency: string;
  @Column('text', { name: 'supporting_agencies', array: true }) supportingAgencies: string[];
  @Column('smallint', { name: 'agenda_items', array: true }) agendaItems: number[];
  @Column('text', { name: 'sdg_targets', array: true }) sdgTargets: string[];
  @Column('date', { name: 'due_date', nullable: true }) dueDate: string | null;
  @Column('date', { name: 'original_due_date', nullable: true }) originalDueDate: string | null;
  @Column('jsonb', { name: 'pending_extension', nullable: true }) pendingExtension: {
    requestId: string;
    dueDate: string;
    reason: string;
    requestedAt: string;
  } | null;
  @Column('text') status: string;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('integer', { name: 'last_report_period', nullable: true }) lastReportPeriod: number | null;
  @Column('timestamptz', { name: 'last_reported_at', nullable: true }) lastReportedAt: Date | null;
}

/** The shape of the commitment_view table: one row per commitment, its current state. */
@Entity('commitment_view')
export class CommitmentViewRecord extends CommitmentStateColumns {
  @PrimaryColumn('uuid') id: string;
}

/**
 * A row of commitment_versions: a commitment's state over a period of effective time, as known over a period of
 * recorded time. Queries read it at one point of both times (as-of.ts), where a commitment has one row: so `id`
 * (the commitment's, column commitment_id) is what tells rows apart, and SQL written for commitment_view (`c.id`,
 * `c.status` …) reads these rows too (TypeORM turns the property name into the column's).
 */
@Entity('commitment_versions')
export class CommitmentVersionRecord extends CommitmentStateColumns {
  @PrimaryColumn('uuid', { name: 'commitment_id' }) id: string;
  @Column('timestamptz', { name: 'effective_from' }) effectiveFrom: Date;
  @Column('timestamptz', { name: 'effective_to', nullable: true }) effectiveTo: Date | null;
  @Column('timestamptz', { name: 'recorded_from' }) recordedFrom: Date;
  @Column('timestamptz', { name: 'recorded_to', nullable: true }) recordedTo: Date | null;
}

@Entity('progress_reports')
export class ProgressReportRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'commitment_id' }) commitmentId: string;
  @Column('integer') period: number;
  @Column('text') agency: string;
  @Column('text') kind: string;
  @Column('text') summary: string;
  @Column('text', { name: 'evidence_urls', array: true }) evidenceUrls: string[];
  @Column('jsonb') indicators: unknown[];
  @Column('timestamptz', { name: 'reported_at' }) reportedAt: Date;
  @Column('text', { name: 'reported_by' }) reportedBy: string;
  @Column('text', { name: 'reported_by_role', nullable: true }) reportedByRole: string | null;
  @Column('text', { name: 'reported_by_agency', nullable: true }) reportedByAgency: string | null;
  @Column('bigint', { name: 'event_position' }) eventPosition: string;
  @Column('timestamptz', { name: 'effective_at' }) effectiveAt: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
