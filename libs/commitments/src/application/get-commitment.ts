import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock, type Actor } from '@hld/kernel';
import { CommitmentRepository } from '../domain/commitment-repository.js';
import { CommitmentNotYetRegistered } from '../domain/commitment-errors.js';
import { EventSourcedCommitmentRepository } from '../infrastructure/event-sourced-commitment-repository.js';
import { CommitmentVersionRecord } from '../infrastructure/commitment-view.record.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { CommitmentOverdue } from './commitment-overdue.js';
import { ReportingObligations } from './reporting-obligations.js';
import { overdueContextAtPoint, pointInTime, versionsAtSql, type PointInTime } from './as-of.js';
import { overdueSql } from '../domain/overdue.js';

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
    private readonly overdue: CommitmentOverdue,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ idOrCode, asOf, viewer, knownAt }: GetCommitment): Promise<CommitmentView> {
    const at = pointInTime(this.clock, asOf, knownAt);
    if (!at) {
      const { snapshot } = await this.commitments.load(idOrCode);
      return toCommitmentView(snapshot, await this.overdue.reasonsAt(snapshot, this.clock.now()), viewer);
    }
    return this.past(idOrCode, at);
  }

  /** Its state at `at`, from the bitemporal read model, with overdue as it stood that day; nothing can be done to it. */
  private async past(idOrCode: string, at: PointInTime): Promise<CommitmentView> {
    const id = await this.stored.resolveId(idOrCode);
    const sql = overdueSql(await overdueContextAtPoint(at, this.obligations), { commitments: 'c', progressReports: 'progress_reports' });
    const { condition, params } = versionsAtSql(at);
    const { entities, raw } = await this.versions
      .createQueryBuilder('c')
      .addSelect(sql.reasons, 'overdue_reasons')
      .where(condition, params)
      .andWhere('c.id = :id', { id })
      .getRawAndEntities();
    if (entities.length === 0) {
      // an unknown commitment stays a 404 of its own kind
      await this.commitments.load(idOrCode);
      throw new CommitmentNotYetRegistered(idOrCode, at.asOf, at.knownAt ?? undefined);
    }
    return toCommitmentView(entities[0], raw[0].overdue_reasons);
  }
}
