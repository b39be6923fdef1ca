import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import type { CommitmentStatus } from '@hld/commitments';
import type { SummaryFacts } from '../domain/compile-summary.js';

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
 * It reads the commitments' read models (commitment_view, progress_reports) and the event log directly: the
 * commitments context's queries run on their own connections and cannot share a snapshot.
 */
@Injectable()
export class SummarySnapshotReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(year: number, asOf: Date): Promise<SummaryFacts> {
    const runners: QueryRunner[] = [];
    try {
      const first = await this.begin(runners);
      // the first statement takes the snapshot; everything after it, on any of the connections, sees the log as of this position
      const [{ position, snapshot }] = await first.query(
        `SELECT coalesce(max(position), 0)::text AS position, pg_export_snapshot() AS snapshot FROM events`,
      );
      const [second, third] = await Promise.all([this.begin(runners, snapshot), this.begin(runners, snapshot)]);
      const [commitments, reports, [changes, agendaItems, agencies]] = await Promise.all([
        this.commitments(first),
        this.reports(second, year),
        (async () => [await this.statusChanges(third, year), await this.agendaItems(third), await this.agencies(third)] as const)(),
      ]);
      for (const runner of runners) await runner.commitTransaction();
      return { year, asOf, eventPosition: Number(position), agendaItems, agencies, commitments, reports, statusChanges: changes };
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
    return runner;
  }

  private async agendaItems(runner: QueryRunner): Promise<SummaryFacts['agendaItems']> {
    const rows: Array<{ number: number; title: string }> = await runner.query(`SELECT number, title FROM agenda_items`);
    return rows.map((a) => ({ number: Number(a.number), title: a.title }));
  }

  private async agencies(runner: QueryRunner): Promise<SummaryFacts['agencies']> {
    return runner.query(`SELECT code, name FROM agencies`);
  }

  private async commitments(runner: QueryRunner): Promise<SummaryFacts['commitments']> {
    // arrays as comma-separated text: splitting is several times faster than the driver's array parser
    const rows: Array<Record<string, unknown>> = await runner.query(
      `SELECT id, code, title, lead_agency, array_to_string(supporting_agencies, ',') AS supporting_agencies,
              array_to_string(agenda_items, ',') AS agenda_items, status, due_date::text AS due_date, last_report_period
       FROM commitment_view`,
    );
    return rows.map((c) => ({
      id: c.id as string,
      code: c.code as string,
      title: c.title as string,
      leadAgency: c.lead_agency as string,
      supportingAgencies: list(c.supporting_agencies as string),
      agendaItems: list(c.agenda_items as string).map(Number),
      status: c.status as CommitmentStatus,
      dueDate: (c.due_date as string | null) ?? null,
      lastReportPeriod: (c.last_report_period as number | null) ?? null,
    }));
  }

  /** The year's reports, each knowing whether it repeats the words of the same agency's report on the same commitment the year before. */
  private async reports(runner: QueryRunner, year: number): Promise<SummaryFacts['reports']> {
    // (instants as epoch milliseconds: cheaper than the driver's timestamp parsing)
    const rows: Array<Record<string, unknown>> = await runner.query(
      `SELECT p.id, p.commitment_id, p.agency, p.period, p.kind, p.summary, floor(extract(epoch FROM p.reported_at) * 1000)::float8 AS reported_ms,
              EXISTS (SELECT 1 FROM progress_reports q
                      WHERE q.commitment_id = p.commitment_id AND q.period = p.period - 1 AND q.agency = p.agency
                        AND q.words_digest = p.words_digest) AS unchanged
       FROM progress_reports p WHERE p.period = $1`,
      [year],
    );
    return rows.map((r) => ({
      id: r.id as string,
      commitmentId: r.commitment_id as string,
      agency: r.agency as string,
      period: r.period as number,
      kind: r.kind as string,
      summary: r.summary as string,
      reportedAt: new Date(r.reported_ms as number),
      unchangedSincePreviousYear: r.unchanged as boolean,
    }));
  }

  /** Status changes since the year began: the year's changes, and each commitment's status when it began. */
  private async statusChanges(runner: QueryRunner, year: number): Promise<SummaryFacts['statusChanges']> {
    const rows: Array<Record<string, unknown>> = await runner.query(
      `SELECT position::text AS position, stream_id, floor(extract(epoch FROM occurred_at) * 1000)::float8 AS occurred_ms,
              payload->>'from' AS from_status, payload->>'to' AS to_status
       FROM events
       WHERE stream_type = 'commitment' AND type = 'CommitmentStatusChanged' AND occurred_at >= $1`,
      [new Date(Date.UTC(year, 0, 1))],
    );
    return rows.map((c) => ({
      position: Number(c.position),
      commitmentId: c.stream_id as string,
      occurredAt: new Date(c.occurred_ms as number),
      from: c.from_status as CommitmentStatus,
      to: c.to_status as CommitmentStatus,
    }));
  }
}
