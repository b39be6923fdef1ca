import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import type { CommitmentState } from '../domain/commitment.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { assertMay } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

/** The lead agency asks for a later due date, with a reason; the current due date stands until a coordinator decides. */
export class RequestDueDateExtension extends Command<CommitmentState> {
  constructor(
    readonly idOrCode: string,
    readonly dueDate: string,
    readonly reason: string,
    readonly context: ChangeContext,
    readonly requestId: string = randomUUID(),
    /** When the agency asked (by default now). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(RequestDueDateExtension)
export class RequestDueDateExtensionHandler implements ICommandHandler<RequestDueDateExtension> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestDueDateExtension): Promise<CommitmentState> {
    const commitment = await this.commitments.update(command.idOrCode, undefined, command.context, (c) => {
      assertMay(command.context.actor, 'request_extension', c.snapshot);
      c.requestExtension(command.requestId, command.dueDate, command.reason, factTimes(this.clock, command.effectiveAt));
    });
    return commitment.snapshot;
  }
}
