/**
 * What kind of failure a domain error is. The HTTP edge maps each kind to a status code with an
 * exhaustive switch, so the domain never speaks HTTP and a new kind cannot be forgotten at the edge.
 */
export type ErrorKind =
  | 'invalid_input' // the request is malformed or a field is invalid
  | 'unprocessable' // well-formed, but refers to something that does not exist or breaks a rule
  | 'not_found'
  | 'conflict' // the current state forbids it (illegal transition, stale version, duplicate)
  | 'precondition_required' // the caller must say which version it expects
  | 'precondition_failed' // the caller's precondition can never hold (a weak ETag under strong comparison)
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited' // too many attempts: retry after the time the error says
  | 'unavailable'; // a backing service is down: retry later

export interface FieldProblem {
  field: string;
  message: string;
}

/** Base of every error the domain and application layers raise on purpose. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    /** Extra members for the problem body (e.g. allowed next states, the current version). */
    readonly details: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record moved on since the caller read it: nothing was written. */
export class VersionConflict extends DomainError {
  constructor(expectedVersion: number, currentVersion: number) {
    super(
      'VERSION_CONFLICT',
      'conflict',
      `Version ${expectedVersion} is stale: the current version is ${currentVersion}. Re-read and retry.`,
      { expectedVersion, currentVersion },
    );
  }
}
