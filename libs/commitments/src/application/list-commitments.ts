import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock, type Actor } from '@hld/kernel';
import { CommitmentVersionRecord, CommitmentViewRecord } from '../infrastructure/commitment-view.record.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { overdueSql, type OverdueReason } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';
import { applyCommitmentFilters, PAST_SEARCH, type CommitmentFilters } from './commitment-filters.js';
import { CommitmentOrder, type CommitmentSort } from './commitment-order.js';
import { overdueContextAtPoint, pointInTime, whereVersionsAt, type AskedAt } from './as-of.js';

export type { CommitmentFilters } from './commitment-filters.js';

export interface CommitmentPage {
  items: CommitmentView[];
  total: number;
  limit: number;
  nextCursor: string | null;
}

/**
 * Which commitments match these filters? One page of them, in the order asked (code order by default), and how
 * many in all; each says what `viewer` may do to it now. With `asOf` and/or `knownAt`: as things stood at `asOf`,
 * as known at `knownAt` (see as-of.ts), filters and overdue included; nothing may be done to a past state.
 */
export class ListCommitments extends Query<CommitmentPage> {
  constructor(
    readonly filters: CommitmentFilters,
    readonly limit: number,
    readonly cursor?: string,
    readonly viewer?: Actor,
    readonly sort: CommitmentSort = 'code',
    readonly at: AskedAt = {},
  ) {
    super();
  }
}

@QueryHandler(ListCommitments)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitments> {
  constructor(
    @InjectRepository(CommitmentViewRecord) private readonly views: Repository<CommitmentViewRecord>,
    @InjectRepository(CommitmentVersionRecord) private readonly versions: Repository<CommitmentVersionRecord>,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ filters, limit, cursor, viewer, sort, at: asked }: ListCommitments): Promise<CommitmentPage> {
    const at = pointInTime(this.clock, asked.asOf, asked.knownAt);
    const context = at ? await overdueContextAtPoint(at, this.obligations) : await overdueContextAt(this.clock.now(), this.obligations);
    const sql = overdueSql(context, { commitments: 'c', progressReports: 'progress_reports' });
    const order = new CommitmentOrder(sort);
    const filtered = () =>
      at
        ? applyCommitmentFilters(whereVersionsAt(this.versions.createQueryBuilder('c'), at), filters, sql, PAST_SEARCH)
        : applyCommitmentFilters(this.views.createQueryBuilder('c'), filters, sql);
    const page = order.apply(filtered().addSelect(sql.reasons, 'overdue_reasons'), cursor).limit(limit + 1);
    const [{ entities, raw }, total] = await Promise.all([page.getRawAndEntities(), filtered().getCount()]);
    const items = entities.slice(0, limit);
    const last = items.length - 1;
    return {
      // a past state: nothing may be done to it
      items: items.map((row, i) => toCommitmentView(row, raw[i].overdue_reasons as OverdueReason[], at ? undefined : viewer)),
      total,
      limit,
      nextCursor: entities.length > limit ? order.cursorAfter(items[last].code, raw[last].sort_key) : null,
    };
  }
}
