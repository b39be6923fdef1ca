import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EventStore, isUniqueViolation, UnitOfWork } from '@hld/persistence';
import type { ChangeContext } from '@hld/kernel';
import { Commitment } from '../domain/commitment.js';
import { CommitmentCodeTaken, CommitmentNotFound } from '../domain/commitment-errors.js';
import { commitmentEventFrom } from '../domain/commitment-events.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { COMMITMENT_STREAM, CommitmentProjection } from './commitment-projection.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Commitments kept as event streams, with their read models written in the same transaction. */
@Injectable()
export class EventSourcedCommitmentRepository extends CommitmentRepository {
  constructor(
    private readonly eventStore: EventStore,
    private readonly projection: CommitmentProjection,
    private readonly eventBus: EventBus,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  /**
   * The stream id of a commitment given by id or code. An id is its own stream id (an unknown one simply has
   * no events); a code is resolved through the read model.
   */
  async resolveId(idOrCode: string): Promise<string> {
    if (UUID.test(idOrCode)) return idOrCode.toLowerCase();
    const [row] = await this.unitOfWork.manager.query('SELECT id FROM commitment_view WHERE code = $1', [idOrCode]);
    if (!row) throw new CommitmentNotFound(idOrCode);
    return row.id;
  }

  async load(idOrCode: string): Promise<Commitment> {
    const events = (await this.eventStore.readStream(await this.resolveId(idOrCode))).filter((e) => e.streamType === COMMITMENT_STREAM);
    if (events.length === 0) throw new CommitmentNotFound(idOrCode);
    return Commitment.fromHistory(events.map(commitmentEventFrom));
  }

  async loadAsOf(idOrCode: string, instant: Date): Promise<Commitment | null> {
    const events = (await this.eventStore.readStream(await this.resolveId(idOrCode), { until: instant })).filter(
      (e) => e.streamType === COMMITMENT_STREAM,
    );
    return events.length === 0 ? null : Commitment.fromHistory(events.map(commitmentEventFrom));
  }

  async save(commitment: Commitment, context: ChangeContext): Promise<void> {
    const events = commitment.pullPendingEvents();
    if (events.length === 0) return;
    const version = commitment.loadedVersion;
    try {
      // the events and every read-model write in one statement: atomic, and a single round trip
      await this.eventStore.append(
        { id: commitment.id, type: COMMITMENT_STREAM },
        version,
        events.map((event) => ({ type: event.type, payload: { ...event.payload }, occurredAt: event.occurredAt })),
        {
          actor: context.actor,
          correlationId: context.correlationId,
          ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
          ...(context.clientIp ? { clientIp: context.clientIp } : {}),
        },
        this.projection.statements(
          commitment.loadedState,
          commitment.snapshot,
          events.map((event, i) => ({ event, version: version + i + 1, actorId: context.actor.id })),
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'commitment_view_code_unique')) throw new CommitmentCodeTaken(commitment.snapshot.code);
      throw error;
    }
    // Only after the commit: in-process subscribers never see an event that was rolled back.
    this.unitOfWork.afterCommit(() => this.eventBus.publishAll(events));
  }
}
