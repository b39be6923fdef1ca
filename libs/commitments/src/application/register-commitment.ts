import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import { Commitment, type CommitmentState } from '../domain/commitment.js';
import type { CommitmentRegisteredPayload } from '../domain/commitment-events.js';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { ReferenceChecks } from './reference-checks.js';
import { assertMay } from '../domain/access-policy.js';
import { factTimes } from './fact-times.js';

export type CommitmentDetails = Omit<CommitmentRegisteredPayload, 'supportingAgencies' | 'sdgTargets' | 'dueDate'> &
  Partial<Pick<CommitmentRegisteredPayload, 'supportingAgencies' | 'sdgTargets' | 'dueDate'>>;

/** Registers a new commitment; it starts as `proposed`. */
export class RegisterCommitment extends Command<CommitmentState> {
  constructor(
    readonly details: CommitmentDetails,
    readonly context: ChangeContext,
    /** Lets a caller that must be idempotent (the catalogue load) choose the id. */
    readonly id: string = randomUUID(),
    /** When it was made (by default now; the catalogue: its source's publication). */
    readonly effectiveAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(RegisterCommitment)
export class RegisterCommitmentHandler implements ICommandHandler<RegisterCommitment> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly checks: ReferenceChecks,
    private readonly clock: Clock,
  ) {}

  async execute({ details, context, id, effectiveAt }: RegisterCommitment): Promise<CommitmentState> {
    assertMay(context.actor, 'register');
    await this.checks.agencies('leadAgency', [details.leadAgency]);
    await this.checks.agencies('supportingAgencies', details.supportingAgencies ?? []);
    await this.checks.agendaItems(details.agendaItems);
    const commitment = Commitment.register(
      id,
      {
        ...details,
        supportingAgencies: details.supportingAgencies ?? [],
        sdgTargets: details.sdgTargets ?? [],
        dueDate: details.dueDate ?? null,
      },
      factTimes(this.clock, effectiveAt),
    );
    await this.commitments.save(commitment, context);
    return commitment.snapshot;
  }
}
