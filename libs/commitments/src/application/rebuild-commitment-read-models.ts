import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { EventStore } from '@hld/persistence';
import { CommitmentProjection } from '../infrastructure/commitment-projection.js';

/** Rebuilds every commitment read model from the event log, in one transaction (readers see old or new). */
export class RebuildCommitmentReadModels extends Command<{ events: number; commitments: number }> {}

@CommandHandler(RebuildCommitmentReadModels)
export class RebuildCommitmentReadModelsHandler implements ICommandHandler<RebuildCommitmentReadModels> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly projection: CommitmentProjection,
  ) {}

  execute(): Promise<{ events: number; commitments: number }> {
    return this.eventStore.transaction(async (tx) => {
      // no command may append while the tables are rebuilt, or its projection would be lost
      await tx.query('LOCK TABLE commitment_view IN EXCLUSIVE MODE');
      return this.projection.rebuild(tx);
    });
  }
}
