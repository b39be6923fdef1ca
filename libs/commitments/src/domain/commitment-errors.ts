import { DomainError } from '@hld/kernel';
import type { CommitmentStatus } from './lifecycle.js';
import type { CommitmentEvent } from './commitment-events.js';

export type ExtensionDecision = 'approved' | 'declined';

/** Every error code the commitments context raises. */
export enum CommitmentErrorCode {
  NotFound = 'COMMITMENT_NOT_FOUND',
  DuplicateCode = 'COMMITMENT_CODE_TAKEN',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  ReasonRequired = 'REASON_REQUIRED',
  InvalidDiscontinuation = 'INVALID_DISCONTINUATION',
  UnknownAgency = 'UNKNOWN_AGENCY',
  UnknownAgendaItem = 'UNKNOWN_AGENDA_ITEM',
  InvalidOwners = 'INVALID_OWNERS',
  NotAnOwner = 'REPORTING_AGENCY_NOT_AN_OWNER',
  InvalidPeriod = 'INVALID_REPORTING_PERIOD',
  VersionRequired = 'VERSION_REQUIRED',
  Busy = 'COMMITMENT_BUSY',
  NoDueDate = 'NO_DUE_DATE_TO_EXTEND',
  ExtensionPending = 'EXTENSION_ALREADY_PENDING',
  InvalidExtension = 'INVALID_EXTENSION',
  NoSuchExtension = 'NO_SUCH_EXTENSION_REQUEST',
  ExtensionDecided = 'EXTENSION_ALREADY_DECIDED',
  InvalidCursor = 'INVALID_CURSOR',
  BlankReport = 'BLANK_PROGRESS_REPORT',
  EffectiveInFuture = 'EFFECTIVE_IN_FUTURE',
  EffectiveBeforeRegistration = 'EFFECTIVE_BEFORE_REGISTRATION',
  OutOfOrder = 'OUT_OF_ORDER_TRANSITION',
  NotYetRegistered = 'COMMITMENT_NOT_YET_REGISTERED',
  KnownAtInFuture = 'KNOWN_AT_IN_FUTURE',
}

export class CommitmentNotFound extends DomainError {
  constructor(idOrCode: string) {
    super(CommitmentErrorCode.NotFound, 'not_found', `No commitment has the id or code "${idOrCode}".`, { idOrCode });
  }
}

export class CommitmentCodeTaken extends DomainError {
  constructor(code: string) {
    super(CommitmentErrorCode.DuplicateCode, 'conflict', `A commitment with code "${code}" already exists.`, { commitmentCode: code }, [
      { field: 'code', message: 'is already taken' },
    ]);
  }
}

export class IllegalTransition extends DomainError {
  constructor(from: CommitmentStatus, to: CommitmentStatus, allowed: CommitmentStatus[]) {
    super(
      CommitmentErrorCode.IllegalTransition,
      'conflict',
      `A commitment cannot move from ${from} to ${to}. Allowed next states: ${allowed.join(', ') || 'none'}.`,
      { from, to, allowedTransitions: allowed },
    );
  }
}

export class ReasonRequired extends DomainError {
  /** `backdated`: the move itself needs none, but a change dated before it is recorded says how it was learned. */
  constructor(from: CommitmentStatus, to: CommitmentStatus, why: 'lifecycle' | 'backdated' = 'lifecycle') {
    const backdated = why === 'backdated';
    super(
      CommitmentErrorCode.ReasonRequired,
      'unprocessable',
      backdated
        ? `A move from ${from} to ${to} dated before today (effectiveAt) requires a reason: how it was learned.`
        : `Moving from ${from} to ${to} requires a reason.`,
      { from, to },
      [
        {
          field: 'reason',
          message: backdated ? 'is required when effectiveAt is earlier than now' : `is required to move from ${from} to ${to}`,
        },
      ],
    );
  }
}

/** Nothing takes effect after the moment it is recorded: a fact about the future is a plan, not a fact. */
export class EffectiveInFuture extends DomainError {
  constructor(effectiveAt: Date, now: Date) {
    super(
      CommitmentErrorCode.EffectiveInFuture,
      'unprocessable',
      `A change cannot take effect later than now (${now.toISOString()}).`,
      { effectiveAt: effectiveAt.toISOString(), now: now.toISOString() },
      [{ field: 'effectiveAt', message: `must not be later than now (${now.toISOString()})` }],
    );
  }
}

export class EffectiveBeforeRegistration extends DomainError {
  constructor(code: string, effectiveAt: Date, registeredAt: Date) {
    super(
      CommitmentErrorCode.EffectiveBeforeRegistration,
      'unprocessable',
      `${code} was registered effective ${registeredAt.toISOString()}: nothing can happen to it before that.`,
      { commitmentCode: code, effectiveAt: effectiveAt.toISOString(), registeredAt: registeredAt.toISOString() },
      [{ field: 'effectiveAt', message: `must not be before the commitment was registered (${registeredAt.toISOString()})` }],
    );
  }
}

/**
 * A fact dated before facts already recorded is accepted only if every later one can still follow it: this one
 * cannot (a later status change would become an illegal move, a decision would find no pending request …).
 */
export class OutOfOrderFact extends DomainError {
  constructor(fact: CommitmentEvent, later: CommitmentEvent, laterVersion: number, why: string) {
    const day = (d: Date) => d.toISOString();
    super(
      CommitmentErrorCode.OutOfOrder,
      'unprocessable',
      `Effective ${day(fact.effectiveAt)}, this ${fact.type} would come before the ${later.type} effective ${day(later.effectiveAt)} ` +
        `(version ${laterVersion}, recorded ${day(later.recordedAt)}), which could then no longer follow: ${why}.`,
      {
        effectiveAt: day(fact.effectiveAt),
        conflictsWith: { version: laterVersion, type: later.type, effectiveAt: day(later.effectiveAt), recordedAt: day(later.recordedAt) },
      },
      [
        {
          field: 'effectiveAt',
          message: `would put it before version ${laterVersion} (${later.type}), which could then not follow: ${why}`,
        },
      ],
    );
  }
}

export class CommitmentNotYetRegistered extends DomainError {
  constructor(idOrCode: string, asOf: Date, knownAt: Date | undefined) {
    super(
      CommitmentErrorCode.NotYetRegistered,
      'not_found',
      `${idOrCode} was not registered yet at ${asOf.toISOString()}${knownAt ? `, as known at ${knownAt.toISOString()}` : ''}.`,
      { asOf: asOf.toISOString(), ...(knownAt ? { knownAt: knownAt.toISOString() } : {}) },
    );
  }
}

/** What the system will know later is not known yet. */
export class KnownAtInFuture extends DomainError {
  constructor(knownAt: Date, now: Date) {
    super(
      CommitmentErrorCode.KnownAtInFuture,
      'unprocessable',
      `The system cannot say now what it will know at ${knownAt.toISOString()}.`,
      { knownAt: knownAt.toISOString(), now: now.toISOString() },
      [{ field: 'knownAt', message: `must not be later than now (${now.toISOString()})` }],
    );
  }
}

export class InvalidDiscontinuation extends DomainError {
  constructor(field: string, message: string) {
    super(CommitmentErrorCode.InvalidDiscontinuation, 'unprocessable', `Discontinuing needs ${field}: ${message}.`, {}, [
      { field, message },
    ]);
  }
}

export class UnknownAgency extends DomainError {
  constructor(field: string, codes: string[]) {
    super(CommitmentErrorCode.UnknownAgency, 'unprocessable', `Unknown agency: ${codes.join(', ')}.`, { agencies: codes }, [
      { field, message: `unknown agency ${codes.join(', ')}` },
    ]);
  }
}

export class UnknownAgendaItem extends DomainError {
  constructor(numbers: number[]) {
    super(
      CommitmentErrorCode.UnknownAgendaItem,
      'unprocessable',
      `Unknown agenda item: ${numbers.join(', ')} (the agenda has items 1 to 8).`,
      { agendaItems: numbers },
      [{ field: 'agendaItems', message: `unknown agenda item ${numbers.join(', ')}` }],
    );
  }
}

export class InvalidOwners extends DomainError {
  constructor(message: string) {
    super(CommitmentErrorCode.InvalidOwners, 'unprocessable', message, {}, [{ field: 'supporting', message }]);
  }
}

export class ReportingAgencyNotAnOwner extends DomainError {
  constructor(agency: string, code: string) {
    super(
      CommitmentErrorCode.NotAnOwner,
      'unprocessable',
      `${agency} neither leads nor supports ${code}, so it cannot report progress on it.`,
      { agency, commitmentCode: code },
      [{ field: 'agency', message: `${agency} does not own ${code}` }],
    );
  }
}

export class InvalidReportingPeriod extends DomainError {
  constructor(period: number, latest: number) {
    super(
      CommitmentErrorCode.InvalidPeriod,
      'unprocessable',
      `Period ${period} is outside the reporting years (2013 to ${latest}).`,
      { period },
      [{ field: 'period', message: `must be between 2013 and ${latest}` }],
    );
  }
}

export class VersionRequired extends DomainError {
  constructor() {
    super(
      CommitmentErrorCode.VersionRequired,
      'precondition_required',
      'Send If-Match: "<version>" with the version you last read, so a concurrent change is not overwritten.',
    );
  }
}

/**
 * A change that named no version lost the append race again and again (see CommitmentRepository.update): not the
 * caller's mistake, and no stale version of theirs to report, so a 503 to retry rather than a 409.
 */
export class CommitmentBusy extends DomainError {
  constructor(code: string, attempts: number) {
    super(
      CommitmentErrorCode.Busy,
      'unavailable',
      `${code} is being changed by many requests at once; this change was not recorded after ${attempts} attempts. Retry shortly.`,
      { commitmentCode: code },
    );
  }
}

export class NoDueDateToExtend extends DomainError {
  constructor(code: string) {
    super(CommitmentErrorCode.NoDueDate, 'conflict', `${code} has no due date to extend.`, { commitmentCode: code });
  }
}

export class ExtensionAlreadyPending extends DomainError {
  constructor(code: string, requestId: string) {
    super(CommitmentErrorCode.ExtensionPending, 'conflict', `${code} already has an extension request waiting for a decision.`, {
      commitmentCode: code,
      pendingRequestId: requestId,
    });
  }
}

export class InvalidExtension extends DomainError {
  constructor(message: string) {
    super(CommitmentErrorCode.InvalidExtension, 'unprocessable', message, {}, [{ field: 'dueDate', message }]);
  }
}

export class NoSuchExtensionRequest extends DomainError {
  constructor(code: string, requestId: string) {
    super(CommitmentErrorCode.NoSuchExtension, 'not_found', `${code} has no pending extension request ${requestId}.`, {
      commitmentCode: code,
    });
  }
}

export class ExtensionAlreadyDecided extends DomainError {
  constructor(code: string, requestId: string, decision: ExtensionDecision) {
    super(CommitmentErrorCode.ExtensionDecided, 'conflict', `Extension request ${requestId} on ${code} was already ${decision}.`, {
      commitmentCode: code,
      extensionRequestId: requestId,
      decision,
    });
  }
}

/** A list cursor the API did not give: a page is continued only from where an earlier page ended. */
export class InvalidCursor extends DomainError {
  constructor(problem = 'is not a cursor from an earlier page (nextCursor)') {
    super(CommitmentErrorCode.InvalidCursor, 'invalid_input', 'The cursor is not one this API gave; start from the first page.', {}, [
      { field: 'cursor', message: problem },
    ]);
  }
}

/** A report that says nothing does not count as reporting; "nothing changed" is said with kind no_change. */
export class BlankProgressReport extends DomainError {
  constructor() {
    super(
      CommitmentErrorCode.BlankReport,
      'invalid_input',
      'A progress report needs a summary; send kind no_change when nothing changed.',
      {},
      [{ field: 'summary', message: 'must not be blank' }],
    );
  }
}
