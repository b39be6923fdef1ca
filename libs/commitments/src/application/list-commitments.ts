import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { Clock, type Actor } from '@hld/kernel';
import { CommitmentViewRecord } from '../infrastructure/commitment-view.record.js';
import type { CommitmentStatus } from '../domain/lifecycle.js';
import { COMMITMENT_CODE } from '../domain/commitment-events.js';
import { InvalidCursor } from '../domain/commitment-errors.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { overdueSql, type OverdueReason, type OverdueSql } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';

export interface CommitmentFilters {
  /** Commitments this agency leads or supports. */
  agency?: string;
  agendaItem?: number;
  status?: CommitmentStatus[];
  overdue?: boolean;
  /** Full-text search over code, title and text. */
  q?: string;
  dueBefore?: string;
}

export interface CommitmentPage {
  items: CommitmentView[];
  total: number;
  limit: number;
  nextCursor: string | null;
}

/**
 * Which commitments match these filters? One page of them, in code order, and how many in all; each says what
 * `viewer` may do to it now.
 */
export class ListCommitments extends Query<CommitmentPage> {
  constructor(
    readonly filters: CommitmentFilters,
    readonly limit: number,
    readonly cursor?: string,
    readonly viewer?: Actor,
  ) {
    super();
  }
}

/** The cursor is the last code of the page, opaque to clients. */
export const encodeCursor = (code: string): string => Buffer.from(code, 'utf8').toString('base64url');

/** The code a cursor stands for; a cursor this API did not give is refused, whatever it decodes to (NUL included). */
export function decodeCursor(cursor: string): string {
  const code = Buffer.from(cursor, 'base64url').toString('utf8');
  if (encodeCursor(code) !== cursor || !COMMITMENT_CODE.test(code)) throw new InvalidCursor();
  return code;
}

@QueryHandler(ListCommitments)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitments> {
  constructor(
    @InjectRepository(CommitmentViewRecord) private readonly views: Repository<CommitmentViewRecord>,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ filters, limit, cursor, viewer }: ListCommitments): Promise<CommitmentPage> {
    const at = await overdueContextAt(this.clock.now(), this.obligations);
    const sql = overdueSql(at, { commitments: 'c', progressReports: 'progress_reports' });
    const filtered = () => this.applyFilters(this.views.createQueryBuilder('c'), filters, sql);
    const page = filtered()
      .addSelect(sql.reasons, 'overdue_reasons')
      .orderBy('c.code', 'ASC')
      .limit(limit + 1);
    if (cursor) page.andWhere('c.code > :after', { after: decodeCursor(cursor) });
    const [{ entities, raw }, total] = await Promise.all([page.getRawAndEntities(), filtered().getCount()]);
    const items = entities.slice(0, limit);
    return {
      items: items.map((row, i) => toCommitmentView(row, raw[i].overdue_reasons as OverdueReason[], viewer)),
      total,
      limit,
      nextCursor: entities.length > limit ? encodeCursor(items[items.length - 1].code) : null,
    };
  }

  private applyFilters(
    qb: SelectQueryBuilder<CommitmentViewRecord>,
    f: CommitmentFilters,
    sql: OverdueSql,
  ): SelectQueryBuilder<CommitmentViewRecord> {
    if (f.agency) qb.andWhere('(c.lead_agency = :agency OR :agency = ANY(c.supporting_agencies))', { agency: f.agency });
    if (f.agendaItem) qb.andWhere(':agendaItem = ANY(c.agenda_items)', { agendaItem: f.agendaItem });
    if (f.status?.length) qb.andWhere('c.status IN (:...status)', { status: f.status });
    if (f.dueBefore) qb.andWhere('c.due_date < :dueBefore', { dueBefore: f.dueBefore });
    if (f.q) qb.andWhere(`c.search @@ websearch_to_tsquery('english', :q)`, { q: f.q });
    if (f.overdue === true) qb.andWhere(sql.overdue);
    if (f.overdue === false) qb.andWhere(`NOT ${sql.overdue}`);
    return qb;
  }
}
