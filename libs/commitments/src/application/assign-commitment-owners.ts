import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import type { CommitmentState } from '../domain/commitment.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { ReferenceChecks } from './reference-checks.js';
import { assertMay } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

/** Names the lead agency and the supporting agencies of a commitment. */
export class AssignCommitmentOwners extends Command<CommitmentState> {
  constructor(
    readonly idOrCode: string,
    readonly expectedVersion: number | undefined,
    readonly leadAgency: string,
    readonly supportingAgencies: string[],
    readonly context: ChangeContext,
    /** When the owners changed in the world (by default now). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(AssignCommitmentOwners)
export class AssignCommitmentOwnersHandler implements ICommandHandler<AssignCommitmentOwners> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly checks: ReferenceChecks,
    private readonly clock: Clock,
  ) {}

  async execute(command: AssignCommitmentOwners): Promise<CommitmentState> {
    await this.checks.agencies('lead', [command.leadAgency]);
    await this.checks.agencies('supporting', command.supportingAgencies);
    const commitment = await this.commitments.update(command.idOrCode, command.expectedVersion, command.context, (c) => {
      assertMay(command.context.actor, 'assign_owners', c.snapshot);
      c.assignOwners(command.leadAgency, command.supportingAgencies, factTimes(this.clock, command.effectiveAt));
    });
    return commitment.snapshot;
  }
}
