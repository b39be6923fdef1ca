import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { UnitOfWork } from '@hld/persistence';
import { DomainError, VersionConflict, type ChangeContext } from '@hld/kernel';
import { Commitment, HistoryRequired, type CommitmentState } from '../domain/commitment.js';
import { CommitmentRepository, type CommitmentChange } from '../domain/commitment-repository.js';
import { EventSourcedCommitmentRepository } from './event-sourced-commitment-repository.js';

/** How many commitments' latest states a process keeps: the working set of a busy reporting season, a few MB. */
const RECENT_STATES = 20_000;

/**
 * The event-sourced repository, keeping the latest committed state it saw of recently used commitments. A
 * change that names the version it expects and finds that version kept here skips reading the stream: a state
 * at a given version never changes, since events are never altered. What a kept state cannot tell is whether
 * another process has appended since; so its answers are the stored stream's:
 * - a change it allows is appended at that version, and a store that moved on refuses the append (409);
 * - a refusal is answered only once the stored stream is confirmed to be at that version, else 409, as the
 *   stream would have answered (the stream is read again for that; `change` does not run again).
 * Changes that name no version go to the stream directly (they apply to the stored state, whatever it is), and so
 * do changes effective before the kept state's latest fact (they decide on an earlier state and fold the later
 * facts again: the commitment says so with HistoryRequired).
 */
@Injectable()
export class KeptStateCommitmentRepository extends CommitmentRepository {
  private readonly recent = new LRUCache<string, Readonly<CommitmentState>>({ max: RECENT_STATES });

  constructor(
    private readonly stored: EventSourcedCommitmentRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  async load(idOrCode: string): Promise<Commitment> {
    return this.keep(await this.stored.load(idOrCode));
  }

  async save(commitment: Commitment, context: ChangeContext): Promise<void> {
    await this.stored.save(commitment, context);
    this.keep(commitment);
  }

  override async update(
    idOrCode: string,
    expectedVersion: number | undefined,
    context: ChangeContext,
    change: CommitmentChange,
  ): Promise<Commitment> {
    const id = this.stored.knownId(idOrCode);
    const kept = id === undefined ? undefined : this.recent.get(id);
    if (expectedVersion === undefined || kept?.version !== expectedVersion) {
      return this.keep(await this.stored.update(idOrCode, expectedVersion, context, change));
    }
    const commitment = Commitment.fromSnapshot(kept);
    try {
      change(commitment);
    } catch (error) {
      // a change effective before the latest fact decides on an earlier state: it needs the stream after all
      if (error instanceof HistoryRequired) return this.keep(await this.stored.update(idOrCode, expectedVersion, context, change));
      if (error instanceof DomainError) {
        const current = (await this.load(idOrCode)).version;
        if (current !== expectedVersion) throw new VersionConflict(expectedVersion, current);
      }
      throw error;
    }
    await this.save(commitment, context);
    return commitment;
  }

  /**
   * Keeps the commitment's state once the transaction it was read or written in commits: read inside one, it may
   * include that transaction's own uncommitted events, and a transaction that rolls back leaves nothing here.
   */
  private keep(commitment: Commitment): Commitment {
    const state = commitment.snapshot;
    this.unitOfWork.afterCommit(() => this.recent.set(state.id, state));
    return commitment;
  }
}
