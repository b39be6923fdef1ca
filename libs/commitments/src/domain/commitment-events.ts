import type { CommitmentStatus, DiscontinuationCategory } from './lifecycle.js';

/** The shape of a commitment's stable human code: `<AGENCY>-<letter>`, `SG8-3`, `UNDESA-hld-d`. */
export const COMMITMENT_CODE = /^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$/;

/** `agency-commitment`: an agency's own pledge of follow-up work, stated beside its recommendations. */
export const COMMITMENT_KINDS = ['agenda-item', 'recommendation', 'declaration', 'agency-commitment'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export interface Indicator {
  name: string;
  value: number | string;
  unit?: string;
  asOf?: string;
}

export interface CommitmentRegisteredPayload {
  code: string;
  title: string;
  text: string;
  source: string;
  kind: CommitmentKind;
  leadAgency: string;
  supportingAgencies: string[];
  agendaItems: number[];
  sdgTargets: string[];
  dueDate: string | null;
}

export interface CommitmentDetailsRevisedPayload {
  /** Only the fields that changed, with their new values. */
  changes: Partial<Pick<CommitmentRegisteredPayload, 'title' | 'text' | 'source' | 'agendaItems' | 'sdgTargets'>>;
}

export interface CommitmentOwnersAssignedPayload {
  leadAgency: string;
  supportingAgencies: string[];
  previousLeadAgency: string;
  previousSupportingAgencies: string[];
}

export interface CommitmentDueDateSetPayload {
  dueDate: string | null;
  previousDueDate: string | null;
}

export interface CommitmentStatusChangedPayload {
  from: CommitmentStatus;
  to: CommitmentStatus;
  reason: string | null;
  category?: DiscontinuationCategory;
  supersededBy?: string;
}

export const PROGRESS_REPORT_KINDS = ['report', 'no_change'] as const;
export type ProgressReportKind = (typeof PROGRESS_REPORT_KINDS)[number];

export interface ProgressReportedPayload {
  reportId: string;
  period: number;
  agency: string;
  /** `no_change`: the agency confirms nothing changed since its last report (absent in early events: a report). */
  kind?: ProgressReportKind;
  summary: string;
  evidenceUrls: string[];
  indicators: Indicator[];
}

export interface CommitmentExtensionRequestedPayload {
  requestId: string;
  dueDate: string;
  reason: string;
}

export interface CommitmentExtensionApprovedPayload {
  requestId: string;
  dueDate: string;
  previousDueDate: string | null;
  comment: string | null;
}

export interface CommitmentExtensionDeclinedPayload {
  requestId: string;
  comment: string | null;
}

/**
 * A fact about one commitment, as the aggregate records it and the event log keeps it. `type` is the name the log
 * stores it under and never changes once events exist; each class also has it as a static `type`, which is how
 * other contexts name the event (an EventSubscription's types, a history filter) instead of spelling it out.
 * Nothing receives these objects in-process: other contexts learn of them from the log, through an
 * EventSubscription (libs/persistence), after the commit and at least once.
 */
abstract class CommitmentEventBase<T extends string, P> {
  abstract readonly type: T;
  constructor(
    readonly commitmentId: string,
    readonly payload: P,
    /** When it took effect in the world: the order the commitment's state is folded in. */
    readonly effectiveAt: Date,
    /** When the system recorded it (never before it took effect). */
    readonly recordedAt: Date,
  ) {}
}

export class CommitmentRegistered extends CommitmentEventBase<'CommitmentRegistered', CommitmentRegisteredPayload> {
  static readonly type = 'CommitmentRegistered';
  readonly type = CommitmentRegistered.type;
}
export class CommitmentDetailsRevised extends CommitmentEventBase<'CommitmentDetailsRevised', CommitmentDetailsRevisedPayload> {
  static readonly type = 'CommitmentDetailsRevised';
  readonly type = CommitmentDetailsRevised.type;
}
export class CommitmentOwnersAssigned extends CommitmentEventBase<'CommitmentOwnersAssigned', CommitmentOwnersAssignedPayload> {
  static readonly type = 'CommitmentOwnersAssigned';
  readonly type = CommitmentOwnersAssigned.type;
}
export class CommitmentDueDateSet extends CommitmentEventBase<'CommitmentDueDateSet', CommitmentDueDateSetPayload> {
  static readonly type = 'CommitmentDueDateSet';
  readonly type = CommitmentDueDateSet.type;
}
export class CommitmentStatusChanged extends CommitmentEventBase<'CommitmentStatusChanged', CommitmentStatusChangedPayload> {
  static readonly type = 'CommitmentStatusChanged';
  readonly type = CommitmentStatusChanged.type;
}
export class ProgressReported extends CommitmentEventBase<'ProgressReported', ProgressReportedPayload> {
  static readonly type = 'ProgressReported';
  readonly type = ProgressReported.type;
}
export class CommitmentExtensionRequested extends CommitmentEventBase<'CommitmentExtensionRequested', CommitmentExtensionRequestedPayload> {
  static readonly type = 'CommitmentExtensionRequested';
  readonly type = CommitmentExtensionRequested.type;
}
export class CommitmentExtensionApproved extends CommitmentEventBase<'CommitmentExtensionApproved', CommitmentExtensionApprovedPayload> {
  static readonly type = 'CommitmentExtensionApproved';
  readonly type = CommitmentExtensionApproved.type;
}
export class CommitmentExtensionDeclined extends CommitmentEventBase<'CommitmentExtensionDeclined', CommitmentExtensionDeclinedPayload> {
  static readonly type = 'CommitmentExtensionDeclined';
  readonly type = CommitmentExtensionDeclined.type;
}

export type CommitmentEvent =
  | CommitmentRegistered
  | CommitmentDetailsRevised
  | CommitmentOwnersAssigned
  | CommitmentDueDateSet
  | CommitmentStatusChanged
  | ProgressReported
  | CommitmentExtensionRequested
  | CommitmentExtensionApproved
  | CommitmentExtensionDeclined;

const EVENT_CLASSES = {
  CommitmentRegistered,
  CommitmentDetailsRevised,
  CommitmentOwnersAssigned,
  CommitmentDueDateSet,
  CommitmentStatusChanged,
  ProgressReported,
  CommitmentExtensionRequested,
  CommitmentExtensionApproved,
  CommitmentExtensionDeclined,
} as const;

/** Turns a stored event back into its class; an unknown type means the log and the code disagree. */
export function commitmentEventFrom(stored: {
  streamId: string;
  type: string;
  payload: Record<string, unknown>;
  effectiveAt: Date;
  recordedAt: Date;
}): CommitmentEvent {
  const EventClass = EVENT_CLASSES[stored.type as keyof typeof EVENT_CLASSES];
  if (!EventClass) throw new Error(`Unknown commitment event type "${stored.type}" in stream ${stored.streamId}`);
  return new EventClass(stored.streamId, stored.payload as never, stored.effectiveAt, stored.recordedAt);
}
