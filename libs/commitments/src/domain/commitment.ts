import {
  CommitmentDetailsRevised,
  CommitmentDueDateSet,
  CommitmentExtensionApproved,
  CommitmentExtensionDeclined,
  CommitmentExtensionRequested,
  CommitmentOwnersAssigned,
  CommitmentRegistered,
  CommitmentStatusChanged,
  ProgressReported,
  type CommitmentDetailsRevisedPayload,
  type CommitmentEvent,
  type CommitmentKind,
  type CommitmentRegisteredPayload,
  type ProgressReportedPayload,
} from './commitment-events.js';
import {
  BlankProgressReport,
  ExtensionAlreadyDecided,
  ExtensionAlreadyPending,
  type ExtensionDecision,
  InvalidDiscontinuation,
  InvalidExtension,
  IllegalTransition,
  NoDueDateToExtend,
  NoSuchExtensionRequest,
  InvalidOwners,
  InvalidReportingPeriod,
  ReasonRequired,
  ReportingAgencyNotAnOwner,
} from './commitment-errors.js';
import {
  allowedNextStatuses,
  DISCONTINUATION_CATEGORIES,
  findTransition,
  isTerminal,
  TRANSITION_ACTIONS,
  transitionsFrom,
  type CommitmentStatus,
  type DiscontinuationCategory,
  type Transition,
} from './lifecycle.js';
import type { DomainError } from '@hld/kernel';

export interface CommitmentState {
  id: string;
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
  /** The due date as planned, before any approved extension: tells "on time" from "late, after an extension". */
  originalDueDate: string | null;
  pendingExtension: PendingExtension | null;
  /** Every extension request decided so far: deciding one again is a conflict, not an unknown request. */
  decidedExtensions: Readonly<Record<string, ExtensionDecision>>;
  status: CommitmentStatus;
  version: number;
  registeredAt: Date;
  updatedAt: Date;
  lastReportPeriod: number | null;
  lastReportedAt: Date | null;
}

export interface PendingExtension {
  requestId: string;
  dueDate: string;
  reason: string;
  requestedAt: string;
}

/** Everything that can be done to commitments, in the words the access rules use. */
export const COMMITMENT_ACTIONS = [
  'register',
  'revise',
  'assign_owners',
  'set_due_date',
  'report_progress',
  'request_extension',
  'decide_extension',
  ...TRANSITION_ACTIONS,
] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];

/** An action a commitment would accept now; a lifecycle move also says where it leads and whether it needs a reason. */
export interface AvailableAction {
  action: CommitmentAction;
  to?: CommitmentStatus;
  reasonRequired?: boolean;
}

/** The first year anything can be reported on: the HLD took place in October 2013. */
export const FIRST_REPORTING_PERIOD = 2013;

const sortedUnique = <T>(values: readonly T[]): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** Applies one event to the state it follows. Pure: the same events always give the same state. */
export function evolve(state: CommitmentState | null, event: CommitmentEvent): CommitmentState {
  if (event.type === 'CommitmentRegistered') {
    return {
      id: event.commitmentId,
      ...event.payload,
      originalDueDate: event.payload.dueDate,
      pendingExtension: null,
      decidedExtensions: {},
      status: 'proposed',
      version: 1,
      registeredAt: event.occurredAt,
      updatedAt: event.occurredAt,
      lastReportPeriod: null,
      lastReportedAt: null,
    };
  }
  if (!state) throw new Error(`${event.type} before CommitmentRegistered in stream ${event.commitmentId}`);
  const next: CommitmentState = { ...state, version: state.version + 1, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'CommitmentDetailsRevised':
      return { ...next, ...event.payload.changes };
    case 'CommitmentOwnersAssigned':
      return { ...next, leadAgency: event.payload.leadAgency, supportingAgencies: event.payload.supportingAgencies };
    case 'CommitmentDueDateSet':
      // a coordinator re-planning sets the plan itself; an approved extension (below) does not
      return { ...next, dueDate: event.payload.dueDate, originalDueDate: event.payload.dueDate, pendingExtension: null };
    case 'CommitmentExtensionRequested':
      return {
        ...next,
        pendingExtension: {
          requestId: event.payload.requestId,
          dueDate: event.payload.dueDate,
          reason: event.payload.reason,
          requestedAt: event.occurredAt.toISOString(),
        },
      };
    case 'CommitmentExtensionApproved':
      return {
        ...next,
        dueDate: event.payload.dueDate,
        pendingExtension: null,
        decidedExtensions: { ...state.decidedExtensions, [event.payload.requestId]: 'approved' },
      };
    case 'CommitmentExtensionDeclined':
      return { ...next, pendingExtension: null, decidedExtensions: { ...state.decidedExtensions, [event.payload.requestId]: 'declined' } };
    case 'CommitmentStatusChanged':
      return { ...next, status: event.payload.to };
    case 'ProgressReported':
      return {
        ...next,
        lastReportPeriod: Math.max(state.lastReportPeriod ?? 0, event.payload.period),
        lastReportedAt: event.occurredAt,
      };
  }
}

export interface StatusChangeRequest {
  reason?: string | null;
  category?: DiscontinuationCategory;
  supersededBy?: string;
}

export type NewProgressReport = Omit<ProgressReportedPayload, 'evidenceUrls' | 'indicators' | 'kind'> &
  Partial<Pick<ProgressReportedPayload, 'evidenceUrls' | 'indicators' | 'kind'>>;

/**
 * A commitment made for the 2013 HLD. Its state is the fold of its events; each method checks a rule,
 * then records the event that says what happened. Nothing here knows about storage or HTTP.
 */
export class Commitment {
  private pending: CommitmentEvent[] = [];

  private constructor(
    private state: CommitmentState,
    /** The state when this instance was loaded (null for a new one): read models subtract it. */
    readonly loadedState: Readonly<CommitmentState> | null,
  ) {}

  static register(id: string, details: CommitmentRegisteredPayload, now: Date): Commitment {
    const payload: CommitmentRegisteredPayload = {
      ...details,
      supportingAgencies: sortedUnique(details.supportingAgencies),
      agendaItems: sortedUnique(details.agendaItems),
      sdgTargets: sortedUnique(details.sdgTargets),
    };
    assertOwners(payload.leadAgency, payload.supportingAgencies);
    const event = new CommitmentRegistered(id, payload, now);
    const commitment = new Commitment(evolve(null, event), null);
    commitment.pending.push(event);
    return commitment;
  }

  static fromHistory(events: readonly CommitmentEvent[]): Commitment {
    const state = events.reduce<CommitmentState | null>(evolve, null);
    if (!state) throw new Error('A commitment needs at least its CommitmentRegistered event');
    return new Commitment(state, state);
  }

  /** The commitment at a state its events folded to before (a snapshot kept by the repository). */
  static fromSnapshot(state: Readonly<CommitmentState>): Commitment {
    return new Commitment(state, state);
  }

  get snapshot(): Readonly<CommitmentState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  get version(): number {
    return this.state.version;
  }

  /** The version the stream had when this instance was loaded: what an append must expect. */
  get loadedVersion(): number {
    return this.loadedState?.version ?? 0;
  }

  /** Takes the events recorded since loading; the repository appends them. */
  pullPendingEvents(): CommitmentEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  /** The lifecycle moves open from the current status (the aggregate is what reads the lifecycle table). */
  availableTransitions(): Transition[] {
    return transitionsFrom(this.state.status);
  }

  /** Everything it would accept now, whoever asks (see `availableActions`). */
  availableActions(): AvailableAction[] {
    return availableActions(this.state);
  }

  /** Changes title, text, source, agenda items or SDG targets; records nothing when nothing differs. */
  reviseDetails(changes: CommitmentDetailsRevisedPayload['changes'], now: Date): void {
    const effective: CommitmentDetailsRevisedPayload['changes'] = {};
    for (const field of ['title', 'text', 'source'] as const) {
      const value = changes[field];
      if (value !== undefined && value !== this.state[field]) effective[field] = value;
    }
    if (changes.agendaItems) {
      const items = sortedUnique(changes.agendaItems);
      if (!sameList(items, this.state.agendaItems)) effective.agendaItems = items;
    }
    if (changes.sdgTargets) {
      const targets = sortedUnique(changes.sdgTargets);
      if (!sameList(targets, this.state.sdgTargets)) effective.sdgTargets = targets;
    }
    if (Object.keys(effective).length === 0) return;
    this.record(new CommitmentDetailsRevised(this.id, { changes: effective }, now));
  }

  assignOwners(leadAgency: string, supportingAgencies: readonly string[], now: Date): void {
    const supporting = sortedUnique(supportingAgencies);
    assertOwners(leadAgency, supporting);
    if (leadAgency === this.state.leadAgency && sameList(supporting, this.state.supportingAgencies)) return;
    this.record(
      new CommitmentOwnersAssigned(
        this.id,
        {
          leadAgency,
          supportingAgencies: supporting,
          previousLeadAgency: this.state.leadAgency,
          previousSupportingAgencies: this.state.supportingAgencies,
        },
        now,
      ),
    );
  }

  setDueDate(dueDate: string | null, now: Date): void {
    if (dueDate === this.state.dueDate) return;
    this.record(new CommitmentDueDateSet(this.id, { dueDate, previousDueDate: this.state.dueDate }, now));
  }

  /** Moves the commitment along its lifecycle; refuses anything the transition table does not allow. */
  changeStatus(to: CommitmentStatus, request: StatusChangeRequest, now: Date): Transition {
    const from = this.state.status;
    const transition = findTransition(from, to);
    if (!transition) throw new IllegalTransition(from, to, allowedNextStatuses(from));
    const reason = request.reason?.trim() || null;
    if (transition.reasonRequired && !reason) throw new ReasonRequired(from, to);
    if (transition.action === 'discontinue') {
      if (!request.category || !DISCONTINUATION_CATEGORIES.includes(request.category)) {
        throw new InvalidDiscontinuation('category', `one of ${DISCONTINUATION_CATEGORIES.join(', ')}`);
      }
      if (request.category === 'superseded' && !request.supersededBy?.trim()) {
        throw new InvalidDiscontinuation('supersededBy', 'what superseded it (e.g. SDG target 10.7)');
      }
    }
    this.record(
      new CommitmentStatusChanged(
        this.id,
        {
          from,
          to,
          reason,
          ...(transition.action === 'discontinue' ? { category: request.category } : {}),
          ...(request.category === 'superseded' && transition.action === 'discontinue'
            ? { supersededBy: request.supersededBy!.trim() }
            : {}),
        },
        now,
      ),
    );
    return transition;
  }

  reportProgress(report: NewProgressReport, now: Date): void {
    const owners = [this.state.leadAgency, ...this.state.supportingAgencies];
    if (!owners.includes(report.agency)) throw new ReportingAgencyNotAnOwner(report.agency, this.state.code);
    const latest = now.getUTCFullYear() + 1;
    if (report.period < FIRST_REPORTING_PERIOD || report.period > latest) throw new InvalidReportingPeriod(report.period, latest);
    if (!report.summary.trim()) throw new BlankProgressReport();
    this.record(
      new ProgressReported(
        this.id,
        { ...report, kind: report.kind ?? 'report', evidenceUrls: report.evidenceUrls ?? [], indicators: report.indicators ?? [] },
        now,
      ),
    );
  }

  /** A focal point of the lead agency asks for a later due date; a coordinator decides. */
  requestExtension(requestId: string, dueDate: string, reason: string, now: Date): void {
    const s = this.state;
    const refusal = extensionRefusal(s);
    if (refusal) throw refusal();
    // there is a due date: no refusal means one is set
    if (dueDate <= s.dueDate!) throw new InvalidExtension(`the new due date must be after the current one (${s.dueDate})`);
    if (!reason.trim()) throw new InvalidExtension('a reason is required');
    this.record(new CommitmentExtensionRequested(this.id, { requestId, dueDate, reason: reason.trim() }, now));
  }

  decideExtension(requestId: string, approve: boolean, comment: string | null, now: Date): void {
    const pending = this.state.pendingExtension;
    if (!pending || pending.requestId !== requestId) {
      const decided = Object.hasOwn(this.state.decidedExtensions, requestId) ? this.state.decidedExtensions[requestId] : undefined;
      if (decided) throw new ExtensionAlreadyDecided(this.state.code, requestId, decided);
      throw new NoSuchExtensionRequest(this.state.code, requestId);
    }
    this.record(
      approve
        ? new CommitmentExtensionApproved(
            this.id,
            { requestId, dueDate: pending.dueDate, previousDueDate: this.state.dueDate, comment: comment?.trim() || null },
            now,
          )
        : new CommitmentExtensionDeclined(this.id, { requestId, comment: comment?.trim() || null }, now),
    );
  }

  private record(event: CommitmentEvent): void {
    this.state = evolve(this.state, event);
    this.pending.push(event);
  }
}

function assertOwners(lead: string, supporting: readonly string[]): void {
  if (supporting.includes(lead)) throw new InvalidOwners(`${lead} is the lead agency and cannot also be a supporting agency.`);
}

type AvailabilityState = Pick<CommitmentState, 'code' | 'status' | 'dueDate' | 'pendingExtension'>;

/** Why an extension cannot be asked for now, or null when it can (an error made only when it is thrown). */
function extensionRefusal(s: AvailabilityState): (() => DomainError) | null {
  if (isTerminal(s.status)) return () => new IllegalTransition(s.status, s.status, allowedNextStatuses(s.status));
  if (!s.dueDate) return () => new NoDueDateToExtend(s.code);
  const pending = s.pendingExtension;
  if (pending) return () => new ExtensionAlreadyPending(s.code, pending.requestId);
  return null;
}

/**
 * What a commitment in this state would accept now, whoever asks: the next moves of its lifecycle, the changes
 * it always takes, and the extension steps its state allows. Who may take them is the access policy's question.
 */
export function availableActions(s: AvailabilityState): AvailableAction[] {
  return [
    ...transitionsFrom(s.status).map(({ action, to, reasonRequired }): AvailableAction => ({ action, to, reasonRequired })),
    ...(['revise', 'assign_owners', 'set_due_date', 'report_progress'] as const).map((action): AvailableAction => ({ action })),
    ...(extensionRefusal(s) ? [] : [{ action: 'request_extension' } as const]),
    ...(s.pendingExtension ? [{ action: 'decide_extension' } as const] : []),
  ];
}
