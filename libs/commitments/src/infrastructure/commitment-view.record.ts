import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The shape of the commitment_view table: one row per commitment, its current state. */
@Entity('commitment_view')
export class CommitmentViewRecord {
  @PrimaryColumn('uuid') id: string;
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
}
