import { Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler, Query } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { Clock } from '@hld/kernel';
import type { CommitmentStatus } from '../domain/lifecycle.js';
import { CommitmentVersionRecord, CommitmentViewRecord } from '../infrastructure/commitment-view.record.js';
import { overdueSql, type OverdueReason } from '../domain/overdue.js';
import { overdueContextAt, ReportingObligations } from './reporting-obligations.js';
import { applyCommitmentFilters, PAST_SEARCH, type CommitmentFilters } from './commitment-filters.js';
import { CommitmentOrder, type CommitmentSort } from './commitment-order.js';
import { overdueContextAtPoint, pointInTime, whereVersionsAt, type AskedAt, type PointInTime } from './as-of.js';

/** One commitment as the export lists it. */
export interface ExportedCommitment {
  code: string;
  title: string;
  leadAgency: string;
  supportingAgencies: string[];
  agendaItems: number[];
  status: CommitmentStatus;
  dueDate: string | null;
  overdueReasons: OverdueReason[];
  source: string;
}

export interface CommitmentExport {
  /** When the export was made. */
  madeAt: Date;
  /** The point in time the rows describe (see as-of.ts), or null: now. */
  at: PointInTime | null;
  /** The day "overdue" was measured against: the day the export was made, or that of `asOf`. */
  today: string;
  /** Every matching commitment, in the order asked, read a batch at a time from one snapshot. */
  rows: AsyncIterable<ExportedCommitment>;
  /** Ends the snapshot; called by the rows when they are all read, and safe to call again (e.g. when the client left). */
  close(): Promise<void>;
}

/**
 * Every commitment these filters match (not one page), in the order asked, for a download. Read in batches from
 * one read-only REPEATABLE READ transaction, so a large export holds little memory and still shows one moment:
 * a commitment changed while it is being written is neither lost nor listed twice. The first batch is read before
 * the answer starts, so that an outage is still a proper 503. With `asOf` and/or `knownAt`: the commitments as
 * they stood then, as known then, exactly those (and in the state) the list asked at the same point gives.
 */
export class ExportCommitments extends Query<CommitmentExport> {
  constructor(
    readonly filters: CommitmentFilters,
    readonly sort: CommitmentSort = 'code',
    readonly at: AskedAt = {},
    /** Rows read at a time. */
    readonly batchSize = 1000,
  ) {
    super();
  }
}

@QueryHandler(ExportCommitments)
export class ExportCommitmentsHandler implements IQueryHandler<ExportCommitments> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() private readonly obligations?: ReportingObligations,
  ) {}

  async execute({ filters, sort, at: asked, batchSize }: ExportCommitments): Promise<CommitmentExport> {
    const madeAt = this.clock.now();
    const at = pointInTime(this.clock, asked.asOf, asked.knownAt);
    const context = at ? await overdueContextAtPoint(at, this.obligations) : await overdueContextAt(madeAt, this.obligations);
    const sql = overdueSql(context, { commitments: 'c', progressReports: 'progress_reports' });
    const order = new CommitmentOrder(sort);
    const runner = this.dataSource.createQueryRunner();
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    };
    // the same rows as the list's: commitment_view now, the versions that held then otherwise
    const filtered = () =>
      at
        ? applyCommitmentFilters(
            whereVersionsAt(this.dataSource.getRepository(CommitmentVersionRecord).createQueryBuilder('c', runner), at),
            filters,
            sql,
            PAST_SEARCH,
          )
        : applyCommitmentFilters(this.dataSource.getRepository(CommitmentViewRecord).createQueryBuilder('c', runner), filters, sql);
    const batch = (cursor?: string) =>
      order
        .apply(
          filtered()
            .select('c.code', 'code')
            .addSelect('c.title', 'title')
            .addSelect('c.lead_agency', 'lead_agency')
            .addSelect('c.supporting_agencies', 'supporting_agencies')
            .addSelect('c.agenda_items', 'agenda_items')
            .addSelect('c.status', 'status')
            .addSelect('CAST(c.due_date AS text)', 'due_date')
            .addSelect('c.source', 'source')
            .addSelect(sql.reasons, 'overdue_reasons'),
          cursor,
        )
        .limit(batchSize)
        .getRawMany<ExportRow>();
    try {
      await runner.connect();
      await begin(runner);
      const first = await batch();
      return { madeAt, at, today: context.day, rows: rowsFrom(first, batch, batchSize, order, close), close };
    } catch (error) {
      await close();
      throw error;
    }
  }
}

interface ExportRow {
  code: string;
  title: string;
  lead_agency: string;
  supporting_agencies: string[];
  agenda_items: number[];
  status: CommitmentStatus;
  due_date: string | null;
  source: string;
  overdue_reasons: OverdueReason[];
  sort_key?: string;
}

async function begin(runner: QueryRunner): Promise<void> {
  await runner.startTransaction('REPEATABLE READ');
  await runner.query('SET TRANSACTION READ ONLY');
}

async function* rowsFrom(
  first: ExportRow[],
  batch: (cursor?: string) => Promise<ExportRow[]>,
  batchSize: number,
  order: CommitmentOrder,
  close: () => Promise<void>,
): AsyncGenerator<ExportedCommitment> {
  try {
    for (let rows = first; rows.length > 0;) {
      for (const row of rows) yield exported(row);
      if (rows.length < batchSize) break;
      const last = rows[rows.length - 1];
      rows = await batch(order.cursorAfter(last.code, last.sort_key));
    }
  } finally {
    await close();
  }
}

function exported(row: ExportRow): ExportedCommitment {
  return {
    code: row.code,
    title: row.title,
    leadAgency: row.lead_agency,
    supportingAgencies: row.supporting_agencies,
    agendaItems: row.agenda_items.map(Number),
    status: row.status,
    dueDate: row.due_date,
    overdueReasons: row.overdue_reasons,
    source: row.source,
  };
}
