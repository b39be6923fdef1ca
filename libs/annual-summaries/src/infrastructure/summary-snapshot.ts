import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import type { CommitmentStatus } from '@hld/commitments';
import type { SummaryFacts } from '../domain/compile-summary.js';
import { sameTextKey } from '../domain/progress-text.js';

const list = (joined: string): string[] => (joined ? joined.split(',') : []);

/**
 * Reads everything a summary needs in ONE read-only REPEATABLE READ transaction, so commands that append events
 * while it reads cannot tear the numbers: every table is seen as of the same snapshot, and the highest event
 * position visible in it is recorded as the summary's position.
 *
 * It reads the commitments' read models (commitment_view, progress_reports) and the event log directly: the
 * commitments context's queries run on their own connections and cannot share a snapshot.
 */
@Injectable()
export class SummarySnapshotReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(year: number, asOf: Date): Promise<SummaryFacts> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const facts = await this.readInSnapshot(runner, year, asOf);
      await runner.commitTransaction();
      return facts;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async readInSnapshot(runner: QueryRunner, year: number, asOf: Date): Promise<SummaryFacts> {
    // The first statement takes the snapshot; everything after it sees the log as of this position.
    const [{ position }] = await runner.query(`SELECT coalesce(max(position), 0)::text AS position FROM events`);
    const agendaItems: Array<{ number: number; title: string }> = await runner.query(`SELECT number, title FROM agenda_items`);
    const agencies: Array<{ code: string; name: string }> = await runner.query(`SELECT code, name FROM agencies`);
    // arrays as comma-separated text: splitting is several times faster than the driver's array parser
    const commitments: Array<Record<string, unknown>> = await runner.query(
      `SELECT id, code, title, lead_agency, array_to_string(supporting_agencies, ',') AS supporting_agencies,
              array_to_string(agenda_items, ',') AS agenda_items, status, due_date::text AS due_date, last_report_period
       FROM commitment_view`,
    );
    const reports: Array<Record<string, unknown>> = await runner.query(
      `SELECT id, commitment_id, agency, period, kind, summary, floor(extract(epoch FROM reported_at) * 1000)::float8 AS reported_ms
       FROM progress_reports WHERE period = $1`,
      [year],
    );
    // the previous year's texts that a report of this year could repeat: same agency, same commitment
    const previous: Array<{ commitment_id: string; agency: string; summary: string }> = await runner.query(
      `SELECT q.commitment_id, q.agency, q.summary FROM progress_reports q
       WHERE q.period = $1 - 1
         AND EXISTS (SELECT 1 FROM progress_reports p WHERE p.period = $1 AND p.commitment_id = q.commitment_id AND p.agency = q.agency)`,
      [year],
    );
    const previousTexts = new Set(previous.map((q) => `${q.commitment_id}|${q.agency}|${sameTextKey(q.summary)}`));
    // status changes since the year began: the year's changes, and each commitment's status when it began
    // (instants as epoch milliseconds: cheaper than the driver's timestamp parsing)
    const changes: Array<Record<string, unknown>> = await runner.query(
      `SELECT position::text AS position, stream_id, floor(extract(epoch FROM occurred_at) * 1000)::float8 AS occurred_ms,
              payload->>'from' AS from_status, payload->>'to' AS to_status
       FROM events
       WHERE stream_type = 'commitment' AND type = 'CommitmentStatusChanged' AND occurred_at >= $1`,
      [new Date(Date.UTC(year, 0, 1))],
    );
    return {
      year,
      asOf,
      eventPosition: Number(position),
      agendaItems: agendaItems.map((a) => ({ number: Number(a.number), title: a.title })),
      agencies,
      commitments: commitments.map((c) => ({
        id: c.id as string,
        code: c.code as string,
        title: c.title as string,
        leadAgency: c.lead_agency as string,
        supportingAgencies: list(c.supporting_agencies as string),
        agendaItems: list(c.agenda_items as string).map(Number),
        status: c.status as CommitmentStatus,
        dueDate: (c.due_date as string | null) ?? null,
        lastReportPeriod: (c.last_report_period as number | null) ?? null,
      })),
      reports: reports.map((r) => ({
        id: r.id as string,
        commitmentId: r.commitment_id as string,
        agency: r.agency as string,
        period: r.period as number,
        kind: r.kind as string,
        summary: r.summary as string,
        reportedAt: new Date(r.reported_ms as number),
        unchangedSincePreviousYear: previousTexts.has(`${r.commitment_id as string}|${r.agency as string}|${sameTextKey(r.summary as string)}`),
      })),
      statusChanges: changes.map((c) => ({
        position: Number(c.position),
        commitmentId: c.stream_id as string,
        occurredAt: new Date(c.occurred_ms as number),
        from: c.from_status as CommitmentStatus,
        to: c.to_status as CommitmentStatus,
      })),
    };
  }
}
