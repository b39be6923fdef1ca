import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UnitOfWork } from '@hld/persistence';
import { Clock, type Actor } from '@hld/kernel';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { CommitmentNotYetRegistered } from '../domain/commitment-errors.js';
import { EventSourcedCommitmentRepository } from '../infrastructure/event-sourced-commitment-repository.js';
import { CommitmentVersionRecord } from '../infrastructure/commitment-view.record.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { overdueSql, ReportingObligations } from './reporting-obligations.js';
import { overdueContextAt, pointInTime, versionsAtSql, type PointInTime } from './as-of.js';
import { isTerminal } from '../domain/lifecycle.js';
import type { CommitmentState } from '../domain/commitment.js';

/**
 * What does this commitment look like now (and what may `viewer` do to it), or what did it look like at `asOf`, as
 * the system knew it at `knownAt` (see as-of.ts)?
 */
export class GetCommitment extends Query<CommitmentView> {
  constructor(
    readonly idOrCode: string,
    readonly asOf?: Date,
    readonly viewer?: Actor,
    readonly knownAt?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetCommitment)
export class GetCommitmentHandler implements IQueryHandler<GetCommitment> {
  constructor(
    private readonly commitments: CommitmentRepository,
    private readonly stored: EventSourcedCommitmentRepository,
    @InjectRepository(CommitmentVersionRecord) private readonly versions: Repository<CommitmentVersionRecord>,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ idOrCode, asOf, viewer, knownAt }: GetCommitment): Promise<CommitmentView> {
    const at = pointInTime(this.clock, asOf, knownAt);
    if (!at) {
      const { snapshot } = await this.commitments.load(idOrCode);
      return toCommitmentView(snapshot, this.clock.today(), await this.reportMissing(snapshot), viewer);
    }
    return this.past(idOrCode, at);
  }

  /** Its state at `at`, from the bitemporal read model, with overdue as it stood that day; nothing can be done to it. */
  private async past(idOrCode: string, at: PointInTime): Promise<CommitmentView> {
    const id = await this.stored.resolveId(idOrCode);
    const ctx = await overdueContextAt(at, this.obligations);
    const sql = overdueSql(ctx);
    const { condition, params } = versionsAtSql(at);
    const { entities, raw } = await this.versions
      .createQueryBuilder('c')
      .addSelect(sql.reportMissing, 'report_missing')
      .where(condition, params)
      .andWhere('c.id = :id', { id })
      .setParameters(sql.params)
      .getRawAndEntities();
    if (entities.length === 0) {
      // an unknown commitment stays a 404 of its own kind
      await this.commitments.load(idOrCode);
      throw new CommitmentNotYetRegistered(idOrCode, at.asOf, at.knownAt ?? undefined);
    }
    return toCommitmentView(entities[0], ctx.today, raw[0].report_missing === true);
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
