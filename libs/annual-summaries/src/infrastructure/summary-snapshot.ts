import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  overdueContext,
  overdueSql,
  type CommitmentStatus,
  type CycleDeadline,
  type OverdueContext,
  type OverdueReason,
} from '@hld/commitments';
import { logPosition } from '@hld/persistence';
import type { SummaryFacts } from '../domain/compile-summary.js';
import { summaryCutOff } from '../domain/summary-year.js';

const list = (joined: string): string[] => (joined ? joined.split(',') : []);

/**
 * Reads everything a summary needs from ONE snapshot of the database, so commands that append events while it
 * reads cannot tear the numbers: every table is seen as of the same instant, and the highest event position
 * visible in it is recorded as the summary's position.
 *
 * The big reads run at once, on three connections that share the snapshot (the first exports it, the others
 * import it: PostgreSQL's own mechanism for parallel consistent reads), so PostgreSQL scans one table while
 * this process parses the rows of another.
 *
 * It reads what the commitments, agencies and reporting-cycles contexts publish for this, their `*_public_*` views
 * (the contexts' queries run on connections of their own and could not share the snapshot), and the log's position
 * through the persistence lib. The views are plain ones, which PostgreSQL inlines: the plans are those of the tables.
 *
 * The summary of year Y describes the world AS AT its cut-off (31 December Y, 23:59:59.999 UTC, in effective time:
 * reporting cycles define no cut-off of their own), AS KNOWN at the compilation (the snapshot: everything recorded by
 * then; or, with `knownAt`, only what was recorded by that instant). So the commitments are their versions holding at
 * the cut-off (the condition of as-of.ts's versionsAtSql, over the public view), status changes are those effective
 * within Y, and nothing effective after the cut-off enters. Progress reports for period Y count whenever they were
 * recorded before the compilation (agencies report on Y early in Y+1), each dated by its effective date (the agency's).
 * Overdue is judged by the commitments' own definition (its SQL fragment, over the public views) in the context
 * `GET /commitments?overdue=true&asOf=<cut-off>` uses: the cut-off's day, the latest cycle whose deadline had passed
 * by the cut-off (so "report missing" at 31 December Y concerns the reports on an earlier year, never Y's, which are
 * due in Y+1), and only the reports effective by the cut-off (and recorded by `knownAt` when given).
 *
 * For a year of 100,000 commitments most of the time is this process taking rows apart, so each row is turned
 * into its fact as it arrives (the driver's own list of rows would double the memory at the peak), as an array
 * (no object per row to build and throw away), already in the order the summary lists them
 * (`COLLATE "C"` is code-point order, as the compilation's; it checks the order and sorts only if it differs),
 * and with PostgreSQL's JIT off (compiling these plain scans costs more than it saves) and no parallel workers.
 */
@Injectable()
export class SummarySnapshotReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(year: number, asOf: Date, knownAt: Date | null = null): Promise<SummaryFacts> {
    const cutOff = summaryCutOff(year);
    const runners: QueryRunner[] = [];
    try {
      const first = await this.begin(runners);
      // the first statement takes the snapshot; everything after it, on any of the connections, sees the log as of this position
      const [{ snapshot }] = await first.query(`SELECT pg_export_snapshot() AS snapshot`);
      const position = await logPosition(first);
      const cycles = await this.cycleDeadlines(first);
      const overdueAt: OverdueContext = { ...overdueContext(cutOff, cycles), reportsBy: { effective: cutOff, recorded: knownAt } };
      const deadline = cycles.find((c) => c.year === year)?.deadline ?? null;
      const [second, third] = await Promise.all([this.begin(runners, snapshot), this.begin(runners, snapshot)]);
      const [commitments, reports, [changes, agendaItems, agencies]] = await Promise.all([
        this.commitments(first, overdueAt, cutOff, knownAt),
        this.reports(second, year, knownAt, deadline),
        (async () =>
          [await this.statusChanges(third, year, knownAt), await this.agendaItems(third), await this.agencies(third)] as const)(),
      ]);
      for (const runner of runners) await runner.commitTransaction();
      return {
        year,
        asOf,
        cutOff,
        knownAt,
        eventPosition: position,
        overdueAt,
        agendaItems,
        agencies,
        commitments,
        reports,
        statusChanges: changes,
      };
    } finally {
      for (const runner of runners) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    }
  }

  /** A read-only REPEATABLE READ transaction on a connection of its own; with `snapshot`, seeing exactly that snapshot. */
  private async begin(runners: QueryRunner[], snapshot?: string): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    runners.push(runner);
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    // SET TRANSACTION SNAPSHOT must come before any query of the transaction
    if (snapshot) await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
    await runner.query('SET TRANSACTION READ ONLY');
    // three connections already read at once: parallel workers would only compete with them (and with this process)
    await runner.query(`SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL work_mem = '64MB'`);
    return runner;
  }

  /** The rows of `sql`, each turned into a `T` as it arrives (a row is an array of column values, in select-list order). */
  private async rows<T>(runner: QueryRunner, sql: string, params: unknown[], fact: (row: unknown[]) => T): Promise<T[]> {
    const client = (await runner.connect()) as pg.PoolClient;
    const facts: T[] = [];
    const query = new pg.Query({ text: sql, values: params, rowMode: 'array' } as pg.QueryConfig);
    await new Promise<void>((resolve, reject) => {
      query.on('row', (row: unknown[]) => facts.push(fact(row)));
      query.on('end', () => resolve());
      query.on('error', reject);
      client.query(query);
    });
    return facts;
  }

  private async agendaItems(runner: QueryRunner): Promise<SummaryFacts['agendaItems']> {
    const rows: Array<{ number: number; title: string }> = await runner.query(`SELECT number, title FROM agencies_public_agenda_items`);
    return rows.map((a) => ({ number: Number(a.number), title: a.title }));
  }

  private async agencies(runner: QueryRunner): Promise<SummaryFacts['agencies']> {
    return runner.query(`SELECT code, name FROM agencies_public_agencies`);
  }

  private async cycleDeadlines(runner: QueryRunner): Promise<CycleDeadline[]> {
    return runner.query(`SELECT year, deadline FROM reporting_cycles_public_cycles`);
  }

  /** The commitments as at `cutOff`, as known at `knownAt` (null: as the snapshot knows them). */
  private async commitments(
    runner: QueryRunner,
    overdueAt: OverdueContext,
    cutOff: Date,
    knownAt: Date | null,
  ): Promise<SummaryFacts['commitments']> {
    const overdue = overdueSql(overdueAt, { commitments: 'c', progressReports: 'commitments_public_progress_reports' });
    // versionsAtSql's condition, over the public view (effective ranges are [from, to), as are recorded ones)
    const known = knownAt ? `v.recorded_from <= $2 AND (v.recorded_to IS NULL OR v.recorded_to > $2)` : `v.recorded_to IS NULL`;
    // arrays as comma-separated text: splitting is several times faster than the driver's array parser
    return this.rows(
      runner,
      `SELECT c.id, c.code, c.title, c.lead_agency, array_to_string(c.supporting_agencies, ','), array_to_string(c.agenda_items, ','),
              c.status, c.due_date::text, c.last_report_period, array_to_string(${overdue.reasons}, ',')
       FROM (SELECT v.commitment_id AS id, v.* FROM commitments_public_commitment_versions v
             WHERE v.effective_from <= $1 AND (v.effective_to IS NULL OR v.effective_to > $1) AND ${known}) c
       ORDER BY c.code COLLATE "C"`,
      knownAt ? [cutOff, knownAt] : [cutOff],
      (c) => ({
        id: c[0] as string,
        code: c[1] as string,
        title: c[2] as string,
        leadAgency: c[3] as string,
        supportingAgencies: list(c[4] as string),
        agendaItems: list(c[5] as string).map(Number),
        status: c[6] as CommitmentStatus,
        dueDate: (c[7] as string | null) ?? null,
        lastReportPeriod: (c[8] as number | null) ?? null,
        overdueReasons: list(c[9] as string) as OverdueReason[],
      }),
    );
  }

  /**
   * The year's reports in citation order, each knowing whether it repeats the words of the same agency's report
   * on the same commitment the year before (a hash join on the words' digest, not a probe per report), and whether
   * it was recorded after the deadline of the year's reporting cycle (`deadline`, null when there is no such cycle).
   */
  private async reports(runner: QueryRunner, year: number, knownAt: Date | null, deadline: Date | null): Promise<SummaryFacts['reports']> {
    const known = knownAt ? `AND recorded_at <= $2` : '';
    const late = deadline ? `p.recorded_at > $${knownAt ? 3 : 2}` : 'FALSE';
    // (instants as epoch milliseconds: cheaper than the driver's timestamp parsing)
    return this.rows(
      runner,
      `SELECT p.id, p.commitment_id, p.agency, p.kind, p.summary, floor(extract(epoch FROM p.effective_at) * 1000)::float8,
              before.commitment_id IS NOT NULL, ${late}
       FROM commitments_public_progress_reports p
       JOIN commitments_public_commitments c ON c.id = p.commitment_id
       LEFT JOIN (SELECT DISTINCT commitment_id, agency, words_digest FROM commitments_public_progress_reports
                  WHERE period = $1 - 1 ${known}) before
              ON before.commitment_id = p.commitment_id AND before.agency = p.agency AND before.words_digest = p.words_digest
       WHERE p.period = $1 ${known.replace('recorded_at', 'p.recorded_at')}
       ORDER BY c.code COLLATE "C", p.agency COLLATE "C", (p.effective_at AT TIME ZONE 'UTC')::date, p.id`,
      [year, ...(knownAt ? [knownAt] : []), ...(deadline ? [deadline] : [])],
      (r) => ({
        id: r[0] as string,
        commitmentId: r[1] as string,
        agency: r[2] as string,
        period: year,
        kind: r[3] as string,
        summary: r[4] as string,
        reportedAt: new Date(r[5] as number),
        unchangedSincePreviousYear: r[6] as boolean,
        reportedLate: r[7] as boolean,
      }),
    );
  }

  /**
   * The status changes effective within the year (as known at `knownAt`), in effective order: the year's changes, and
   * each commitment's status when it began (the first change's `from`). Nothing effective after the cut-off.
   */
  private async statusChanges(runner: QueryRunner, year: number, knownAt: Date | null): Promise<SummaryFacts['statusChanges']> {
    return this.rows(
      runner,
      `SELECT position::text, commitment_id, floor(extract(epoch FROM effective_at) * 1000)::float8, from_status, to_status
       FROM commitments_public_status_changes
       WHERE effective_at >= $1 AND effective_at < $2 ${knownAt ? 'AND recorded_at <= $3' : ''}
       ORDER BY effective_at, position`,
      [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1)), ...(knownAt ? [knownAt] : [])],
      (c) => ({
        position: Number(c[0]),
        commitmentId: c[1] as string,
        occurredAt: new Date(c[2] as number),
        from: c[3] as CommitmentStatus,
        to: c[4] as CommitmentStatus,
      }),
    );
  }
}
