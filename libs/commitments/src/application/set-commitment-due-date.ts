import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import type { CommitmentState } from '../domain/commitment.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { assertMay } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

/** Sets (or, with null, clears) the date a commitment is due. */
export class SetCommitmentDueDate extends Command<CommitmentState> {
  constructor(
    readonly idOrCode: string,
    readonly expectedVersion: number | undefined,
    readonly dueDate: string | null,
    readonly context: ChangeContext,
    /** When the due date was set in the world (by default now). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(SetCommitmentDueDate)
export class SetCommitmentDueDateHandler implements ICommandHandler<SetCommitmentDueDate> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SetCommitmentDueDate): Promise<CommitmentState> {
    const commitment = await this.commitments.update(command.idOrCode, command.expectedVersion, command.context, (c) => {
      assertMay(command.context.actor, 'set_due_date', c.snapshot);
      c.setDueDate(command.dueDate, factTimes(this.clock, command.effectiveAt));
    });
    return commitment.snapshot;
  }
}
