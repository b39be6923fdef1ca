import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { DomainError, Clock } from '@hld/kernel';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';

/** What does this commitment look like now, or what did it look like at `asOf`? */
export class GetCommitment extends Query<CommitmentView> {
  constructor(
    readonly idOrCode: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetCommitment)
export class GetCommitmentHandler implements IQueryHandler<GetCommitment> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ idOrCode, asOf }: GetCommitment): Promise<CommitmentView> {
    if (!asOf) return toCommitmentView((await this.commitments.load(idOrCode)).snapshot, this.clock.today());
    const past = await this.commitments.loadAsOf(idOrCode, asOf);
    if (!past) {
      throw new DomainError('COMMITMENT_NOT_YET_REGISTERED', 'not_found', `${idOrCode} was not registered yet at ${asOf.toISOString()}.`, {
        asOf: asOf.toISOString(),
      });
    }
    // overdue as it stood on that day
    return toCommitmentView(past.snapshot, asOf.toISOString().slice(0, 10));
  }
}
