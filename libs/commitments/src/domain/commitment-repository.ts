import { VersionConflict, type ChangeContext } from '@hld/kernel';
import { Commitment } from './commitment.js';

/**
 * Where commitments are kept. An abstract class so it can be the DI token; the event-sourced
 * implementation lives in infrastructure/.
 */
export abstract class CommitmentRepository {
  /** The commitment with this id or code, rebuilt from its events; CommitmentNotFound if none. */
  abstract load(idOrCode: string): Promise<Commitment>;

  /** Its state as it was at `instant`, or null if it did not exist yet. */
  abstract loadAsOf(idOrCode: string, instant: Date): Promise<Commitment | null>;

  /** Appends the commitment's new events and updates every read model, in one transaction. */
  abstract save(commitment: Commitment, context: ChangeContext): Promise<void>;

  /**
   * Loads, checks the caller's expected version, applies `change` and saves: the shape of every command
   * on an existing commitment.
   *
   * With an `expectedVersion`, a commitment that moved on (or moves on before the append lands) is a
   * VersionConflict: the caller decided on a state that is gone. Without one (progress reports, extension requests
   * and decisions: appends that name no version), a concurrent append is no reason to fail: the implementation
   * loads afresh and applies `change` again until it lands (bounded; CommitmentBusy if it never does). So
   * `change` may run more than once, each time on a new Commitment: it must decide only from the commitment it
   * is given and from values fixed before the call (ids, request fields), and have no other effect.
   */
  abstract update(
    idOrCode: string,
    expectedVersion: number | undefined,
    context: ChangeContext,
    change: (commitment: Commitment) => void,
  ): Promise<Commitment>;

  /** One try of `update`: load the stream, check the expected version, apply `change`, save. */
  protected async updateOnce(
    idOrCode: string,
    expectedVersion: number | undefined,
    context: ChangeContext,
    change: (commitment: Commitment) => void,
  ): Promise<Commitment> {
    const commitment = await this.load(idOrCode);
    if (expectedVersion !== undefined && expectedVersion !== commitment.version) {
      throw new VersionConflict(expectedVersion, commitment.version);
    }
    change(commitment);
    await this.save(commitment, context);
    return commitment;
  }
}
