import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock, type Actor } from '@hld/kernel';
import { CommitmentViewRecord } from '../infrastructure/commitment-view.record.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { overdueSql, type OverdueReason } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';
import { applyCommitmentFilters, type CommitmentFilters } from './commitment-filters.js';
import { CommitmentOrder, type CommitmentSort } from './commitment-order.js';

export type { CommitmentFilters } from './commitment-filters.js';

export interface CommitmentPage {
  items: CommitmentView[];
  total: number;
  limit: number;
  nextCursor: string | null;
}

/**
 * Which commitments match these filters? One page of them, in the order asked (code order by default), and how
 * many in all; each says what `viewer` may do to it now.
 */
export class ListCommitments extends Query<CommitmentPage> {
  constructor(
    readonly filters: CommitmentFilters,
    readonly limit: number,
    readonly cursor?: string,
    readonly viewer?: Actor,
    readonly sort: CommitmentSort = 'code',
  ) {
    super();
  }
}

@QueryHandler(ListCommitments)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitments> {
  constructor(
    @InjectRepository(CommitmentViewRecord) private readonly views: Repository<CommitmentViewRecord>,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ filters, limit, cursor, viewer, sort }: ListCommitments): Promise<CommitmentPage> {
    const at = await overdueContextAt(this.clock.now(), this.obligations);
    const sql = overdueSql(at, { commitments: 'c', progressReports: 'progress_reports' });
    const order = new CommitmentOrder(sort);
    const filtered = () => applyCommitmentFilters(this.views.createQueryBuilder('c'), filters, sql);
    const page = order.apply(filtered().addSelect(sql.reasons, 'overdue_reasons'), cursor).limit(limit + 1);
    const [{ entities, raw }, total] = await Promise.all([page.getRawAndEntities(), filtered().getCount()]);
    const items = entities.slice(0, limit);
    const last = items.length - 1;
    return {
      items: items.map((row, i) => toCommitmentView(row, raw[i].overdue_reasons as OverdueReason[], viewer)),
      total,
      limit,
      nextCursor: entities.length > limit ? order.cursorAfter(items[last].code, raw[last].sort_key) : null,
    };
  }
}
