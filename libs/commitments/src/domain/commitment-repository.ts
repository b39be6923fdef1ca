import type { ChangeContext } from '@hld/kernel';
import type { Commitment } from './commitment.js';

/** What a command does to a commitment: decides from it, records events on it, or throws a DomainError to refuse. */
export type CommitmentChange = (commitment: Commitment) => void;

/**
 * Where commitments are kept. An abstract class so it can be the DI token; the event-sourced
 * implementation lives in infrastructure/.
 */
export abstract class CommitmentRepository {
  /** The commitment with this id or code, rebuilt from its events; CommitmentNotFound if none. */
  abstract load(idOrCode: string): Promise<Commitment>;

  /** Appends the commitment's new events and updates every read model, in one transaction. */
  abstract save(commitment: Commitment, context: ChangeContext): Promise<void>;

  /**
   * Applies `change` to the commitment and saves what it recorded: the shape of every command on an existing
   * commitment. `change` decides from the commitment it is given (its rules, and who may act on it) and throws a
   * DomainError to refuse; nothing is written then.
   *
   * With an `expectedVersion` (the caller's If-Match), `change` runs once, on the commitment at that version.
   * If the stored commitment is at another version, or moves on before the append lands, the answer is a
   * VersionConflict, also when `change` refused: a refusal decided on a state the store has left behind is
   * no answer, the caller re-reads and decides again. (What needs no commitment, the caller's role and the
   * request's shape, is checked before and answered first.)
   *
   * Without one (progress reports, extension requests and decisions: appends that name no version), `change`
   * runs on the commitment as stored. Another append landing first is no reason to fail: `change` runs again on
   * the newer commitment until its own append lands (bounded; CommitmentBusy if it never does). Only that lost
   * race is tried again; a refusal is the answer, since it was decided on the stored state.
   *
   * So `change` may run more than once, each time on a new Commitment: it must decide only from the commitment
   * it is given and from values fixed before the call (ids, request fields) or read afresh (the clock), and
   * have no other effect.
   */
  abstract update(
    idOrCode: string,
    expectedVersion: number | undefined,
    context: ChangeContext,
    change: CommitmentChange,
  ): Promise<Commitment>;
}
