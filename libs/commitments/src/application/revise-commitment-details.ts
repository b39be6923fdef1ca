import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import type { CommitmentState } from '../domain/commitment.js';
import type { CommitmentDetailsRevisedPayload } from '../domain/commitment-events.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { ReferenceChecks } from './reference-checks.js';
import { assertMay } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

/** Revises the title, text, source, agenda items or SDG targets of a commitment. */
export class ReviseCommitmentDetails extends Command<CommitmentState> {
  constructor(
    readonly idOrCode: string,
    readonly expectedVersion: number | undefined,
    readonly changes: CommitmentDetailsRevisedPayload['changes'],
    readonly context: ChangeContext,
    /** From when the revised details hold (by default now; the catalogue: its source's publication). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(ReviseCommitmentDetails)
export class ReviseCommitmentDetailsHandler implements ICommandHandler<ReviseCommitmentDetails> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly checks: ReferenceChecks,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReviseCommitmentDetails): Promise<CommitmentState> {
    await this.checks.agendaItems(command.changes.agendaItems);
    const commitment = await this.commitments.update(command.idOrCode, command.expectedVersion, command.context, (c) => {
      assertMay(command.context.actor, 'revise', c.snapshot);
      c.reviseDetails(command.changes, factTimes(this.clock, command.effectiveAt));
    });
    return commitment.snapshot;
  }
}
