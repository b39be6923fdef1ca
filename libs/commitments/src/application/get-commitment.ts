import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { UnitOfWork } from '@hld/persistence';
import { DomainError, Clock, type Actor } from '@hld/kernel';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { ReportingObligations } from './reporting-obligations.js';
import { isTerminal } from '../domain/lifecycle.js';
import type { CommitmentState } from '../domain/commitment.js';

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
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ idOrCode, asOf, viewer }: GetCommitment): Promise<CommitmentView> {
    if (!asOf) {
      const { snapshot } = await this.commitments.load(idOrCode);
      return toCommitmentView(snapshot, this.clock.today(), await this.reportMissing(snapshot), viewer);
    }
    const past = await this.commitments.loadAsOf(idOrCode, asOf);
    if (!past) {
      throw new DomainError('COMMITMENT_NOT_YET_REGISTERED', 'not_found', `${idOrCode} was not registered yet at ${asOf.toISOString()}.`, {
        asOf: asOf.toISOString(),
      });
    }
    // overdue (by due date) as it stood on that day; nothing can be done to a past state
    return toCommitmentView(past.snapshot, asOf.toISOString().slice(0, 10));
  }

  /** Whether the lead agency still owes the report of the latest cycle whose deadline has passed. */
  private async reportMissing(s: CommitmentState): Promise<boolean> {
    const cycle = await this.obligations?.latestPassedDeadline(this.clock.now());
    if (!cycle || isTerminal(s.status)) return false;
    const [row] = await this.unitOfWork.manager.query(
      'SELECT 1 FROM progress_reports WHERE commitment_id = $1 AND period = $2 AND agency = $3 LIMIT 1',
      [s.id, cycle.year, s.leadAgency],
    );
    return !row;
  }
}
