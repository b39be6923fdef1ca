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
  EffectiveBeforeRegistration,
  EffectiveInFuture,
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
  OutOfOrderFact,
  ReasonRequired,
  ReportingAgencyNotAnOwner,
} from './commitment-errors.js';
import { inEffectiveOrder, periodsFrom, type Period } from './effective-time.js';
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
  /** How many facts it has: the stream version (whatever order they took effect in). */
  version: number;
  /** When it was registered, in effective time (the catalogue's commitments: their source's publication). */
  registeredAt: Date;
  /** When its latest fact took effect: the state holds from then on. */
  updatedAt: Date;
  lastReportPeriod: number | null;
  lastReportedAt: Date | null;
  /**
   * The periods each agency has reported on (any kind of report), ascending: what progress_reports holds for it,
   * kept in the state so that a write's answer judges overdue (a lead's missing report) without reading them back.
   */
  reportedPeriods: Readonly<Record<string, readonly number[]>>;
  /** When its latest fact was recorded (the bitemporal read model needs to know whether a new one is later). */
  lastRecordedAt: Date;
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

/**
 * When a command's fact is recorded (the clock) and, if its author says so, when it took effect (else: now, and
 * never before the commitment's latest fact, whatever the clock of the process that records it). Nothing takes
 * effect after it is recorded, nor before the commitment was registered.
 */
export interface FactTimes {
  effectiveAt?: Date;
  recordedAt: Date;
}

/** A fact's times; a single instant: recorded then, effective now. */
export type When = FactTimes | Date;

/** A new fact's times as recorded, and whether its author dated it earlier than now. */
interface ResolvedTimes {
  effectiveAt: Date;
  recordedAt: Date;
  backdated: boolean;
}

const later = (a: Date, b: Date): Date => (a > b ? a : b);

/** The periods of effective time a commitment's state went through (see `changeOfPeriods`). */
export type StatePeriod = Period<CommitmentState>;

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
      registeredAt: event.effectiveAt,
      updatedAt: event.effectiveAt,
      lastReportPeriod: null,
      lastReportedAt: null,
      reportedPeriods: {},
      lastRecordedAt: event.recordedAt,
    };
  }
  if (!state) throw new Error(`${event.type} before CommitmentRegistered in stream ${event.commitmentId}`);
  const next: CommitmentState = {
    ...state,
    version: state.version + 1,
    updatedAt: event.effectiveAt,
    lastRecordedAt: event.recordedAt > state.lastRecordedAt ? event.recordedAt : state.lastRecordedAt,
  };
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
          requestedAt: event.effectiveAt.toISOString(),
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
        lastReportedAt: event.effectiveAt,
        reportedPeriods: withPeriod(state.reportedPeriods, event.payload.agency, event.payload.period),
      };
  }
}

/** `periods` with `agency` having reported on `period` (kept ascending, each period once). */
function withPeriod(periods: CommitmentState['reportedPeriods'], agency: string, period: number): CommitmentState['reportedPeriods'] {
  const known = periods[agency] ?? [];
  if (known.includes(period)) return periods;
  return { ...periods, [agency]: [...known, period].sort((a, b) => a - b) };
}

export interface StatusChangeRequest {
  reason?: string | null;
  category?: DiscontinuationCategory;
  supersededBy?: string;
}

export type NewProgressReport = Omit<ProgressReportedPayload, 'evidenceUrls' | 'indicators' | 'kind'> &
  Partial<Pick<ProgressReportedPayload, 'evidenceUrls' | 'indicators' | 'kind'>>;

/**
 * The commitment was loaded from a kept state, without its events, and a change effective before its latest fact
 * needs them (to decide on the state of that time and fold the later facts again). Not a refusal: the repository
 * loads the stream and runs the change again.
 */
export class HistoryRequired extends Error {
  constructor(id: string) {
    super(`A change to ${id} effective before its latest fact needs the commitment's events`);
    this.name = 'HistoryRequired';
  }
}

/**
 * A commitment made for the 2013 HLD. Its state is the fold of its events in the order they took effect (ties in
 * the order they were recorded); each method checks a rule on the state as of the new fact's effective time, then
 * records the event that says what happened. A fact effective before later ones is accepted if every later fact
 * can still follow it (OutOfOrderFact otherwise). Nothing here knows about storage or HTTP.
 */
export class Commitment {
  private pending: CommitmentEvent[] = [];

  private constructor(
    private state: CommitmentState,
    /** The state when this instance was loaded (null for a new one): read models subtract it. */
    readonly loadedState: Readonly<CommitmentState> | null,
    /** Its events in recorded order when loaded from the stream; null when loaded from a kept state. */
    private readonly history: readonly CommitmentEvent[] | null,
  ) {}

  static register(id: string, details: CommitmentRegisteredPayload, at: When): Commitment {
    const { effectiveAt = undefined, recordedAt } = at instanceof Date ? { recordedAt: at } : at;
    if (effectiveAt && effectiveAt > recordedAt) throw new EffectiveInFuture(effectiveAt, recordedAt);
    const payload: CommitmentRegisteredPayload = {
      ...details,
      supportingAgencies: sortedUnique(details.supportingAgencies),
      agendaItems: sortedUnique(details.agendaItems),
      sdgTargets: sortedUnique(details.sdgTargets),
    };
    assertOwners(payload.leadAgency, payload.supportingAgencies);
    const event = new CommitmentRegistered(id, payload, effectiveAt ?? recordedAt, recordedAt);
    const commitment = new Commitment(evolve(null, event), null, []);
    commitment.pending.push(event);
    return commitment;
  }

  /** The commitment its events (in recorded order, as the stream holds them) make. */
  static fromHistory(events: readonly CommitmentEvent[]): Commitment {
    const state = inEffectiveOrder(events).reduce<CommitmentState | null>(evolve, null);
    if (!state) throw new Error('A commitment needs at least its CommitmentRegistered event');
    return new Commitment(state, state, events);
  }

  /** The commitment at a state its events folded to before (a snapshot kept by the repository). */
  static fromSnapshot(state: Readonly<CommitmentState>): Commitment {
    return new Commitment(state, state, null);
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

  /**
   * The periods of effective time the pending events change: as they were before them and as they are with them
   * (the bitemporal read model closes the first and adds the second where they differ).
   */
  changeOfPeriods(): { before: StatePeriod[]; after: StatePeriod[] } {
    return changeOfPeriods(this.loadedState, this.history, this.pending);
  }

  /** The lifecycle moves open from the status it had at `effectiveAt` (by default, its current status). */
  availableTransitions(effectiveAt?: Date): Transition[] {
    return transitionsFrom((effectiveAt ? this.stateAt(effectiveAt) : this.state).status);
  }

  /** Everything it would accept now, whoever asks (see `availableActions`). */
  availableActions(): AvailableAction[] {
    return availableActions(this.state);
  }

  /** Changes title, text, source, agenda items or SDG targets; records nothing when nothing differs. */
  reviseDetails(changes: CommitmentDetailsRevisedPayload['changes'], at: When): void {
    const when = this.timesOf(at);
    const s = this.stateAt(when.effectiveAt);
    const effective: CommitmentDetailsRevisedPayload['changes'] = {};
    for (const field of ['title', 'text', 'source'] as const) {
      const value = changes[field];
      if (value !== undefined && value !== s[field]) effective[field] = value;
    }
    if (changes.agendaItems) {
      const items = sortedUnique(changes.agendaItems);
      if (!sameList(items, s.agendaItems)) effective.agendaItems = items;
    }
    if (changes.sdgTargets) {
      const targets = sortedUnique(changes.sdgTargets);
      if (!sameList(targets, s.sdgTargets)) effective.sdgTargets = targets;
    }
    if (Object.keys(effective).length === 0) return;
    this.record(new CommitmentDetailsRevised(this.id, { changes: effective }, when.effectiveAt, when.recordedAt));
  }

  assignOwners(leadAgency: string, supportingAgencies: readonly string[], at: When): void {
    const when = this.timesOf(at);
    const s = this.stateAt(when.effectiveAt);
    const supporting = sortedUnique(supportingAgencies);
    assertOwners(leadAgency, supporting);
    if (leadAgency === s.leadAgency && sameList(supporting, s.supportingAgencies)) return;
    this.record(
      new CommitmentOwnersAssigned(
        this.id,
        {
          leadAgency,
          supportingAgencies: supporting,
          previousLeadAgency: s.leadAgency,
          previousSupportingAgencies: s.supportingAgencies,
        },
        when.effectiveAt,
        when.recordedAt,
      ),
    );
  }

  setDueDate(dueDate: string | null, at: When): void {
    const when = this.timesOf(at);
    const s = this.stateAt(when.effectiveAt);
    if (dueDate === s.dueDate) return;
    this.record(new CommitmentDueDateSet(this.id, { dueDate, previousDueDate: s.dueDate }, when.effectiveAt, when.recordedAt));
  }

  /**
   * Moves the commitment along its lifecycle from the status it had at the effective time; refuses anything the
   * transition table does not allow. A change dated before it is recorded (learned of late) needs a reason: how
   * it was learned.
   */
  changeStatus(to: CommitmentStatus, request: StatusChangeRequest, at: When): Transition {
    const when = this.timesOf(at);
    const from = this.stateAt(when.effectiveAt).status;
    const transition = findTransition(from, to);
    if (!transition) throw new IllegalTransition(from, to, allowedNextStatuses(from));
    const reason = request.reason?.trim() || null;
    if (transition.reasonRequired && !reason) throw new ReasonRequired(from, to);
    if (when.backdated && !reason) throw new ReasonRequired(from, to, 'backdated');
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
        when.effectiveAt,
        when.recordedAt,
      ),
    );
    return transition;
  }

  /** A report from an agency that leads or supports it at the effective time (the date the agency reported it). */
  reportProgress(report: NewProgressReport, at: When): void {
    const when = this.timesOf(at);
    const s = this.stateAt(when.effectiveAt);
    const owners = [s.leadAgency, ...s.supportingAgencies];
    if (!owners.includes(report.agency)) throw new ReportingAgencyNotAnOwner(report.agency, s.code);
    const latest = when.effectiveAt.getUTCFullYear() + 1;
    if (report.period < FIRST_REPORTING_PERIOD || report.period > latest) throw new InvalidReportingPeriod(report.period, latest);
    if (!report.summary.trim()) throw new BlankProgressReport();
    this.record(
      new ProgressReported(
        this.id,
        { ...report, kind: report.kind ?? 'report', evidenceUrls: report.evidenceUrls ?? [], indicators: report.indicators ?? [] },
        when.effectiveAt,
        when.recordedAt,
      ),
    );
  }

  /** A focal point of the lead agency asks for a later due date; a coordinator decides. */
  requestExtension(requestId: string, dueDate: string, reason: string, at: When): void {
    const when = this.timesOf(at);
    const s = this.stateAt(when.effectiveAt);
    const refusal = extensionRefusal(s);
    if (refusal) throw refusal();
    // there is a due date: no refusal means one is set
    if (dueDate <= s.dueDate!) throw new InvalidExtension(`the new due date must be after the current one (${s.dueDate})`);
    if (!reason.trim()) throw new InvalidExtension('a reason is required');
    this.record(
      new CommitmentExtensionRequested(this.id, { requestId, dueDate, reason: reason.trim() }, when.effectiveAt, when.recordedAt),
    );
  }

  decideExtension(requestId: string, approve: boolean, comment: string | null, at: When): void {
    const when = this.timesOf(at);
    const s = this.stateAt(when.effectiveAt);
    const pending = s.pendingExtension;
    if (!pending || pending.requestId !== requestId) {
      const decided = Object.hasOwn(s.decidedExtensions, requestId) ? s.decidedExtensions[requestId] : undefined;
      if (decided) throw new ExtensionAlreadyDecided(s.code, requestId, decided);
      throw new NoSuchExtensionRequest(s.code, requestId);
    }
    const { effectiveAt, recordedAt } = when;
    this.record(
      approve
        ? new CommitmentExtensionApproved(
            this.id,
            { requestId, dueDate: pending.dueDate, previousDueDate: s.dueDate, comment: comment?.trim() || null },
            effectiveAt,
            recordedAt,
          )
        : new CommitmentExtensionDeclined(this.id, { requestId, comment: comment?.trim() || null }, effectiveAt, recordedAt),
    );
  }

  /**
   * The state as of `effectiveAt`, the effective time of a new fact (which comes after every fact of the same
   * instant): the current state when nothing took effect later, else the fold of the facts effective by then.
   */
  private stateAt(effectiveAt: Date): CommitmentState {
    if (effectiveAt < this.state.registeredAt) throw new EffectiveBeforeRegistration(this.state.code, effectiveAt, this.state.registeredAt);
    if (effectiveAt >= this.state.updatedAt) return this.state;
    const events = this.allEvents().filter((e) => e.effectiveAt <= effectiveAt);
    return inEffectiveOrder(events).reduce<CommitmentState | null>(evolve, null)!;
  }

  /**
   * A new fact's times: recorded now, by the clock; effective when its author dates it (checked: not later than
   * now), else now but never before the commitment's latest fact took effect: the clocks of several processes differ
   * a little, and an undated change must be decided on the latest state, not slip in before it.
   */
  private timesOf(at: When): ResolvedTimes {
    const { effectiveAt = undefined, recordedAt } = at instanceof Date ? { recordedAt: at } : at;
    if (!effectiveAt) return { effectiveAt: later(recordedAt, this.state.updatedAt), recordedAt, backdated: false };
    if (effectiveAt > recordedAt) throw new EffectiveInFuture(effectiveAt, recordedAt);
    return { effectiveAt, recordedAt, backdated: effectiveAt < recordedAt };
  }

  private allEvents(): CommitmentEvent[] {
    if (!this.history) throw new HistoryRequired(this.id);
    return [...this.history, ...this.pending];
  }

  /**
   * Applies a new fact. One effective at or after every other is folded onto the current state; an earlier one is
   * put in its place and the facts after it are folded again, each checked against the state it now follows.
   */
  private record(event: CommitmentEvent): void {
    if (event.effectiveAt >= this.state.updatedAt) {
      this.state = evolve(this.state, event);
    } else {
      const recorded = this.allEvents();
      let state: CommitmentState | null = null;
      let after = false;
      for (const fact of inEffectiveOrder([...recorded, event])) {
        if (after) {
          const why = refusalToFollow(state!, fact);
          if (why) throw new OutOfOrderFact(event, fact, recorded.indexOf(fact) + 1, why);
        }
        state = evolve(state, fact);
        after ||= fact === event;
      }
      this.state = state!;
    }
    this.pending.push(event);
  }
}

/**
 * How a stream's periods of effective time change when `appended` (recorded after everything before) join it: the
 * periods before and after, from the first the new facts can change. `loaded` is the state before them; `history`
 * the stream's events before them, in recorded order (needed only when a new fact is effective before the latest).
 */
export function changeOfPeriods(
  loaded: CommitmentState | null,
  history: readonly CommitmentEvent[] | null,
  appended: readonly CommitmentEvent[],
): { before: StatePeriod[]; after: StatePeriod[] } {
  const atTheEnd = loaded !== null && appended.every((e, i) => e.effectiveAt >= (i === 0 ? loaded.updatedAt : appended[i - 1].effectiveAt));
  if (!loaded) return { before: [], after: periodsFrom(null, inEffectiveOrder(appended), evolve) };
  if (atTheEnd) {
    const last: StatePeriod = { from: loaded.updatedAt, state: loaded };
    return { before: [last], after: periodsFrom(last, appended, evolve) };
  }
  if (!history) throw new HistoryRequired(loaded.id);
  return {
    before: periodsFrom(null, inEffectiveOrder(history), evolve),
    after: periodsFrom(null, inEffectiveOrder([...history, ...appended]), evolve),
  };
}

/**
 * Why a recorded fact can no longer follow `state` (the state a fact effective before it has made), or null if it
 * still can: the rules its command checked, on the state it now follows.
 */
function refusalToFollow(state: CommitmentState, event: CommitmentEvent): string | null {
  switch (event.type) {
    case 'CommitmentStatusChanged': {
      const transition = findTransition(state.status, event.payload.to);
      if (!transition) return `a commitment cannot move from ${state.status} to ${event.payload.to}`;
      if (transition.reasonRequired && !event.payload.reason)
        return `moving from ${state.status} to ${event.payload.to} needs a reason, and it was recorded without one`;
      return null;
    }
    case 'ProgressReported':
      return [state.leadAgency, ...state.supportingAgencies].includes(event.payload.agency)
        ? null
        : `${event.payload.agency} would then neither lead nor support it`;
    case 'CommitmentExtensionRequested': {
      const refusal = extensionRefusal(state);
      if (refusal) return refusal().message;
      return event.payload.dueDate > state.dueDate!
        ? null
        : `the due date asked for would not be after the due date then (${state.dueDate})`;
    }
    case 'CommitmentExtensionApproved':
    case 'CommitmentExtensionDeclined':
      return state.pendingExtension?.requestId === event.payload.requestId
        ? null
        : `extension request ${event.payload.requestId} would then not be waiting for a decision`;
    case 'CommitmentRegistered':
      return 'it is the registration';
    case 'CommitmentDetailsRevised':
    case 'CommitmentOwnersAssigned':
    case 'CommitmentDueDateSet':
      return null;
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
