import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { EventStore } from '@hld/persistence';
import type { Actor } from '@hld/kernel';
import { EventSourcedCommitmentRepository } from '../infrastructure/event-sourced-commitment-repository.js';
import { CommitmentNotFound } from '../domain/commitment-errors.js';

export interface HistoryEntry {
  position: number;
  version: number;
  type: string;
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  payload: Record<string, unknown>;
}

/** Who did what to this commitment, and when? Its events, oldest first. */
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
        occurredAt: e.occurredAt.toISOString(),
        actor: e.metadata.actor,
        correlationId: e.metadata.correlationId,
        payload: e.payload,
      })),
    };
  }
}
