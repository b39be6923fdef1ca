import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { Clock, type Actor } from '@hld/kernel';
import { CommitmentVersionRecord, CommitmentViewRecord } from '../infrastructure/commitment-view.record.js';
import type { CommitmentStatus } from '../domain/lifecycle.js';
import { COMMITMENT_CODE } from '../domain/commitment-events.js';
import { InvalidCursor } from '../domain/commitment-errors.js';
import { toCommitmentView, type CommitmentView } from './commitment-view.js';
import { currentOverdueContext, overdueSql, ReportingObligations } from './reporting-obligations.js';
import { overdueContextAt, pointInTime, versionsAtSql, type PointInTime } from './as-of.js';

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
 * `viewer` may do to it now. With `asOf` and/or `knownAt`: as things stood at `asOf`, as known at `knownAt`
 * (see as-of.ts), filters and overdue included; nothing may be done to a past state.
 */
export class ListCommitments extends Query<CommitmentPage> {
  constructor(
    readonly filters: CommitmentFilters,
    readonly limit: number,
    readonly cursor?: string,
    readonly viewer?: Actor,
    readonly asOf?: Date,
    readonly knownAt?: Date,
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

/** The search vector of a past state, made when asked: only commitment_view keeps one (versions are many). */
const PAST_SEARCH = `(setweight(to_tsvector('english', c.code), 'A') || setweight(to_tsvector('english', c.title), 'B') ||
  setweight(to_tsvector('english', c.text), 'C'))`;

@QueryHandler(ListCommitments)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitments> {
  constructor(
    @InjectRepository(CommitmentViewRecord) private readonly views: Repository<CommitmentViewRecord>,
    @InjectRepository(CommitmentVersionRecord) private readonly versions: Repository<CommitmentVersionRecord>,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ filters, limit, cursor, viewer, asOf, knownAt }: ListCommitments): Promise<CommitmentPage> {
    const at = pointInTime(this.clock, asOf, knownAt);
    const ctx = at ? await overdueContextAt(at, this.obligations) : await currentOverdueContext(this.clock, this.obligations);
    const sql = overdueSql(ctx);
    const filtered = () => this.applyFilters(at ? this.versionsAt(at) : this.views.createQueryBuilder('c'), filters, sql, at !== null);
    const page = filtered()
      .addSelect(sql.reportMissing, 'report_missing')
      .orderBy('c.code', 'ASC')
      .limit(limit + 1);
    if (cursor) page.andWhere('c.code > :after', { after: decodeCursor(cursor) });
    const [{ entities, raw }, total] = await Promise.all([page.getRawAndEntities(), filtered().getCount()]);
    const items = entities.slice(0, limit);
    return {
      items: items.map((row, i) => toCommitmentView(row, ctx.today, raw[i].report_missing === true, at ? undefined : viewer)),
      total,
      limit,
      nextCursor: entities.length > limit ? encodeCursor(items[items.length - 1].code) : null,
    };
  }

  /** The commitments as they stood at `at`: rows of commitment_versions read as commitment_view's. */
  private versionsAt(at: PointInTime): SelectQueryBuilder<CommitmentVersionRecord> {
    const { condition, params } = versionsAtSql(at);
    return this.versions.createQueryBuilder('c').where(condition, params);
  }

  private applyFilters<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    f: CommitmentFilters,
    sql: ReturnType<typeof overdueSql>,
    past: boolean,
  ): SelectQueryBuilder<T> {
    qb.setParameters(sql.params);
    if (f.agency) qb.andWhere('(c.lead_agency = :agency OR :agency = ANY(c.supporting_agencies))', { agency: f.agency });
    if (f.agendaItem) qb.andWhere(':agendaItem = ANY(c.agenda_items)', { agendaItem: f.agendaItem });
    if (f.status?.length) qb.andWhere('c.status IN (:...status)', { status: f.status });
    if (f.dueBefore) qb.andWhere('c.due_date < :dueBefore', { dueBefore: f.dueBefore });
    if (f.q) qb.andWhere(`${past ? PAST_SEARCH : 'c.search'} @@ websearch_to_tsquery('english', :q)`, { q: f.q });
    const overdue = `(${sql.dueDatePassed} OR ${sql.reportMissing})`;
    if (f.overdue === true) qb.andWhere(overdue);
    if (f.overdue === false) qb.andWhere(`NOT ${overdue}`);
    return qb;
  }
}
