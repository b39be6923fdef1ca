import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { EventStore } from '@hld/persistence';
import type { Actor } from '@hld/kernel';
import { EventSourcedCommitmentRepository } from '../infrastructure/event-sourced-commitment-repository.js';
import { CommitmentNotFound } from '../domain/commitment-errors.js';

export interface HistoryEntry {
  position: number;
  version: number;
  type: string;
  /** When it took effect in the world. */
  effectiveAt: string;
  /** When the system recorded it. */
  recordedAt: string;
  /** The recorded time, under the name it had before events had two times (kept for existing clients). */
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  payload: Record<string, unknown>;
}

/** Who did what to this commitment, and when (in the world, and on the record)? Its events in recorded order. */
export class GetCommitmentHistory extends Query<{ items: HistoryEntry[] }> {
  constructor(readonly idOrCode: string) {
    super();
  }
}

@QueryHandler(GetCommitmentHistory)
export class GetCommitmentHistoryHandler implements IQueryHandler<GetCommitmentHistory> {
  constructor(
    private readonly commitments: EventSourcedCommitmentRepository,
    private readonly eventStore: EventStore,
  ) {}

  async execute({ idOrCode }: GetCommitmentHistory): Promise<{ items: HistoryEntry[] }> {
    const events = (await this.eventStore.readStream(await this.commitments.resolveId(idOrCode))).filter(
      (e) => e.streamType === 'commitment',
    );
    if (events.length === 0) throw new CommitmentNotFound(idOrCode);
    return {
      items: events.map((e) => ({
        position: e.position,
        version: e.streamVersion,
        type: e.type,
        effectiveAt: e.effectiveAt.toISOString(),
        recordedAt: e.recordedAt.toISOString(),
        occurredAt: e.recordedAt.toISOString(),
        actor: e.metadata.actor,
        correlationId: e.metadata.correlationId,
        payload: e.payload,
      })),
    };
  }
}
