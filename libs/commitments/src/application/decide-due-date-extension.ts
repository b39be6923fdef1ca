import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import type { CommitmentState } from '../domain/commitment.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { assertMay } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

/** A coordinator approves (the due date moves; the original is kept) or declines an extension request. */
export class DecideDueDateExtension extends Command<CommitmentState> {
  constructor(
    readonly idOrCode: string,
    readonly requestId: string,
    readonly approve: boolean,
    readonly comment: string | null,
    readonly context: ChangeContext,
    /** When it was decided (by default now). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(DecideDueDateExtension)
export class DecideDueDateExtensionHandler implements ICommandHandler<DecideDueDateExtension> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: DecideDueDateExtension): Promise<CommitmentState> {
    const commitment = await this.commitments.update(command.idOrCode, undefined, command.context, (c) => {
      assertMay(command.context.actor, 'decide_extension', c.snapshot);
      c.decideExtension(command.requestId, command.approve, command.comment, factTimes(this.clock, command.effectiveAt));
    });
    return commitment.snapshot;
  }
}
