import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { EventStore, isUniqueViolation, UnitOfWork } from '@hld/persistence';
import { VersionConflict, type ChangeContext } from '@hld/kernel';
import { Commitment } from '../domain/commitment.js';
import { CommitmentBusy, CommitmentCodeTaken, CommitmentNotFound } from '../domain/commitment-errors.js';
import { commitmentEventFrom } from '../domain/commitment-events.js';
import { CommitmentRepository, type CommitmentChange } from '../domain/commitment-repository.js';
import { COMMITMENT_STREAM, CommitmentProjection } from './commitment-projection.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many codes a process keeps resolved to ids: the working set of a busy reporting season. */
const RESOLVED_CODES = 20_000;

/**
 * Tries of an append that names no version, and the pause before each retry: a random time up to 5, 10, 20 …
 * ms, at most 200 ("full jitter"). Enough for 64 writers landing on one commitment at the same instant.
 */
const APPEND_ATTEMPTS = 10;
const APPEND_BACKOFF_BASE_MS = 5;
const APPEND_BACKOFF_CAP_MS = 200;

/**
 * Commitments kept as event streams, with their read models written in the same statement as the events.
 * Every load reads the stream; KeptStateCommitmentRepository, around this one, skips that where it may.
 */
@Injectable()
export class EventSourcedCommitmentRepository extends CommitmentRepository {
  /** Codes already resolved to ids: a code is never reassigned (it is unique, and commitments are never deleted). */
  private readonly ids = new LRUCache<string, string>({ max: RESOLVED_CODES });
  /** The last version-less change queued for each commitment (see append). */
  private readonly turns = new Map<string, Promise<void>>();

  constructor(
    private readonly eventStore: EventStore,
    private readonly projection: CommitmentProjection,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  /** The stream id of a commitment given by id or code, when it is known without a query (else undefined). */
  knownId(idOrCode: string): string | undefined {
    return UUID.test(idOrCode) ? idOrCode.toLowerCase() : this.ids.get(idOrCode);
  }

  /**
   * The stream id of a commitment given by id or code. An id is its own stream id (an unknown one simply has
   * no events); a code is resolved through the read model.
   */
  async resolveId(idOrCode: string): Promise<string> {
    if (UUID.test(idOrCode)) return idOrCode.toLowerCase();
    const known = this.ids.get(idOrCode);
    if (known) return known;
    const [row] = await this.unitOfWork.manager.query('SELECT id FROM commitment_view WHERE code = $1', [idOrCode]);
    if (!row) throw new CommitmentNotFound(idOrCode);
    const id: string = row.id;
    this.unitOfWork.afterCommit(() => this.ids.set(idOrCode, id));
    return id;
  }

  async load(idOrCode: string): Promise<Commitment> {
    const events = (await this.eventStore.readStream(await this.resolveId(idOrCode))).filter((e) => e.streamType === COMMITMENT_STREAM);
    if (events.length === 0) throw new CommitmentNotFound(idOrCode);
    return Commitment.fromHistory(events.map(commitmentEventFrom));
  }

  override async update(
    idOrCode: string,
    expectedVersion: number | undefined,
    context: ChangeContext,
    change: CommitmentChange,
  ): Promise<Commitment> {
    return expectedVersion === undefined
      ? this.append(idOrCode, context, change)
      : this.updateOnce(idOrCode, expectedVersion, context, change);
  }

  /** One try: load the stream, check the expected version (before anything is decided on the state), apply `change`, save. */
  private async updateOnce(
    idOrCode: string,
    expectedVersion: number | undefined,
    context: ChangeContext,
    change: CommitmentChange,
  ): Promise<Commitment> {
    const commitment = await this.load(idOrCode);
    if (expectedVersion !== undefined && expectedVersion !== commitment.version) {
      throw new VersionConflict(expectedVersion, commitment.version);
    }
    change(commitment);
    await this.save(commitment, context);
    return commitment;
  }

  /**
   * A change that names no version applies to the commitment as it is when the change lands, so losing the append
   * race to another writer only means deciding again on the newer state. In this process such changes to one
   * commitment take turns (they would only collide with each other); what can still collide with them (a write
   * that names a version, another API process) is retried here, the one place that does: a fresh load each time,
   * after a jittered, growing pause (racing writers spread out instead of colliding again), at most APPEND_ATTEMPTS
   * times. Each try is a unit-of-work step: inside a caller's transaction (the catalogue load) a lost race rolls
   * back to a savepoint rather than aborting that transaction. Such a caller does not queue: its transaction would
   * hold the rows the next in turn waits for.
   */
  private async append(idOrCode: string, context: ChangeContext, change: CommitmentChange): Promise<Commitment> {
    const attempts = async (): Promise<Commitment> => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.unitOfWork.step(() => this.updateOnce(idOrCode, undefined, context, change));
        } catch (error) {
          if (!(error instanceof VersionConflict)) throw error;
          if (attempt === APPEND_ATTEMPTS) throw new CommitmentBusy(idOrCode, attempt);
          await sleep(Math.random() * Math.min(APPEND_BACKOFF_CAP_MS, APPEND_BACKOFF_BASE_MS * 2 ** (attempt - 1)));
        }
      }
    };
    return this.unitOfWork.inTransaction ? attempts() : this.inTurn(await this.resolveId(idOrCode), attempts);
  }

  /** Runs `work` once the earlier work queued for this commitment has settled. */
  private async inTurn<T>(id: string, work: () => Promise<T>): Promise<T> {
    const mine = (this.turns.get(id) ?? Promise.resolve()).then(work);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(id, settled);
    try {
      return await mine;
    } finally {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    }
  }

  async save(commitment: Commitment, context: ChangeContext): Promise<void> {
    const periods = commitment.changeOfPeriods();
    const events = commitment.pullPendingEvents();
    if (events.length === 0) return;
    const version = commitment.loadedVersion;
    try {
      // the events and every read-model write in one statement: atomic, and a single round trip
      await this.eventStore.append(
        { id: commitment.id, type: COMMITMENT_STREAM },
        version,
        events.map((event) => ({
          type: event.type,
          payload: { ...event.payload },
          effectiveAt: event.effectiveAt,
          recordedAt: event.recordedAt,
        })),
        {
          actor: context.actor,
          correlationId: context.correlationId,
          ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
          ...(context.clientIp ? { clientIp: context.clientIp } : {}),
        },
        (appended) =>
          this.projection.statements({
            before: commitment.loadedState,
            after: commitment.snapshot,
            events: events.map((event, i) => ({ event, position: appended.positionOf(version + i + 1), actor: context.actor })),
            periods,
          }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'commitment_view_code_unique')) throw new CommitmentCodeTaken(commitment.snapshot.code);
      throw error;
    }
  }
}
