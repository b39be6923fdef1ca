import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import type { CommitmentState, StatusChangeRequest } from '../domain/commitment.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import type { CommitmentStatus } from '../domain/lifecycle.js';
import { assertMay } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

/** Moves a commitment to another lifecycle status (the aggregate decides whether it may). */
export class ChangeCommitmentStatus extends Command<CommitmentState> {
  constructor(
    readonly idOrCode: string,
    readonly expectedVersion: number | undefined,
    readonly to: CommitmentStatus,
    readonly request: StatusChangeRequest,
    readonly context: ChangeContext,
    /** When it happened, if earlier than now (a change learned of late: then a reason is required). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(ChangeCommitmentStatus)
export class ChangeCommitmentStatusHandler implements ICommandHandler<ChangeCommitmentStatus> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangeCommitmentStatus): Promise<CommitmentState> {
    const commitment = await this.commitments.update(command.idOrCode, command.expectedVersion, command.context, (c) => {
      // an illegal move is refused by the aggregate (409, with the allowed next states) whoever asks; a legal one
      // is the action the policy rules on (moving to in_progress is starting, returning or reopening), from the
      // status the commitment had when the change took effect
      const transition = c.availableTransitions(command.effectiveAt).find((t) => t.to === command.to);
      if (transition) assertMay(command.context.actor, transition.action, c.snapshot);
      c.changeStatus(command.to, command.request, factTimes(this.clock, command.effectiveAt));
    });
    return commitment.snapshot;
  }
}
