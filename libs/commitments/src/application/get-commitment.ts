import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { DomainError, Clock, type Actor } from '@hld/kernel';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { CommitmentOverdue } from './commitment-overdue.js';

/** What does this commitment look like now (and what may `viewer` do to it), or what did it look like at `asOf`? */
export class GetCommitment extends Query<CommitmentView> {
  constructor(
    readonly idOrCode: string,
    readonly asOf?: Date,
    readonly viewer?: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetCommitment)
export class GetCommitmentHandler implements IQueryHandler<GetCommitment> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly clock: Clock,
    private readonly overdue: CommitmentOverdue,
  ) {}

  async execute({ idOrCode, asOf, viewer }: GetCommitment): Promise<CommitmentView> {
    if (!asOf) {
      const { snapshot } = await this.commitments.load(idOrCode);
      return toCommitmentView(snapshot, await this.overdue.reasonsAt(snapshot, this.clock.now()), viewer);
    }
    const past = await this.commitments.loadAsOf(idOrCode, asOf);
    if (!past) {
      throw new DomainError('COMMITMENT_NOT_YET_REGISTERED', 'not_found', `${idOrCode} was not registered yet at ${asOf.toISOString()}.`, {
        asOf: asOf.toISOString(),
      });
    }
    // overdue as it stood at that instant (its reports recorded by then); nothing can be done to a past state
    return toCommitmentView(past.snapshot, await this.overdue.reasonsAt(past.snapshot, asOf, asOf));
  }
}
