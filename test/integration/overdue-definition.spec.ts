import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  COMMITMENT_STATUSES,
  isLeadReportMissing,
  isOpen,
  leadReportMissingSql,
  openSql,
  overdueContext,
  overdueReasons,
  overdueSql,
  type CommitmentStatus,
  type OverdueContext,
  type OverdueRelations,
} from '@hld/commitments';
import { startCommitmentsContext } from '../helpers/commitments-context.js';

/**
 * Open and overdue are written twice in domain/overdue.ts, as predicates and as SQL fragments. This puts a table of
 * cases into PostgreSQL (every status × due dates around the day × the reports the lead agency and a supporting one
 * have) and checks, in several contexts, that both say the same of each case, over the commitments' own tables and
 * over the public views other contexts read. The cases are written in a transaction that is rolled back.
 */
const LEAD = 'CASE-LEAD';
const SUPPORT = 'CASE-SUPPORT';

interface Case {
  code: string;
  id: string;
  status: CommitmentStatus;
  dueDate: string | null;
  reports: Array<{ agency: string; period: number }>;
}

const DUE_DATES = [null, '2015-02-27', '2015-02-28', '2015-03-01', '2015-03-02', '2016-02-29'];
const REPORTS: Array<Case['reports']> = [
  [],
  [{ agency: LEAD, period: 2014 }],
  [{ agency: LEAD, period: 2013 }],
  [{ agency: SUPPORT, period: 2014 }],
  [
    { agency: LEAD, period: 2014 },
    { agency: LEAD, period: 2014 },
    { agency: SUPPORT, period: 2013 },
  ],
];

const CASES: Case[] = COMMITMENT_STATUSES.flatMap((status) =>
  DUE_DATES.flatMap((dueDate) => REPORTS.map((reports) => ({ code: '', id: randomUUID(), status, dueDate, reports }))),
).map((c, i) => ({ ...c, code: `OVERDUE-CASE-${String(i).padStart(3, '0')}` }));

const leadReportPeriods = (c: Case) => c.reports.filter((r) => r.agency === LEAD).map((r) => r.period);

/** Two cycles, and instants on either side of a deadline: the context is derived as every caller derives it. */
const CYCLES = [
  { year: 2013, deadline: new Date('2014-01-16T04:59:59.999Z') },
  { year: 2014, deadline: new Date('2015-01-16T04:59:59.999Z') },
];
const CONTEXTS: Array<[string, OverdueContext]> = [
  ['no cycle at all, 1 March 2015', overdueContext(new Date('2015-03-01T12:00:00Z'), [])],
  ['after the 2014 deadline, 1 March 2015', overdueContext(new Date('2015-03-01T00:00:00Z'), CYCLES)],
  ['1 ms before the 2014 deadline (the 2013 cycle has passed)', overdueContext(new Date('2015-01-16T04:59:59.998Z'), CYCLES)],
  ['at the 2014 deadline', overdueContext(new Date('2015-01-16T04:59:59.999Z'), CYCLES)],
  ['before any deadline', overdueContext(new Date('2013-06-01T00:00:00Z'), CYCLES)],
  ['28 February 2015, after the 2014 deadline', { day: '2015-02-28', cycleYear: 2014 }],
  ['29 February 2016 (a leap day), after the 2014 deadline', { day: '2016-02-29', cycleYear: 2014 }],
];

const RELATIONS: Array<[string, string, OverdueRelations]> = [
  ['the read models', 'commitment_view', { commitments: 'c', progressReports: 'progress_reports' }],
  ['the public views', 'commitments_public_commitments', { commitments: 'c', progressReports: 'commitments_public_progress_reports' }],
];

describe('Open and overdue: the SQL fragments and the predicates agree, case by case (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let runner: QueryRunner;

  beforeAll(async () => {
    app = await startCommitmentsContext();
    runner = app.get<DataSource>(getDataSourceToken()).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    for (const c of CASES) {
      await runner.query(
        `INSERT INTO commitment_view (id, code, title, text, source, kind, lead_agency, supporting_agencies, due_date, status, version, registered_at, updated_at)
         VALUES ($1, $2, 'Case', 'Case', 'test', 'agency-recommendation', $3, $4, $5, $6, 1, now(), now())`,
        [c.id, c.code, LEAD, [SUPPORT], c.dueDate, c.status],
      );
      for (const r of c.reports) {
        await runner.query(
          `INSERT INTO progress_reports (id, commitment_id, period, agency, summary, reported_at, reported_by, event_position, effective_at, recorded_at)
           VALUES ($1, $2, $3, $4, 'Case report.', now(), 'test', 0, now(), now())`,
          [randomUUID(), c.id, r.period, r.agency],
        );
      }
    }
  });

  afterAll(async () => {
    await runner?.rollbackTransaction();
    await runner?.release();
    await app?.close();
  });

  it('covers the boundaries: every status, due yesterday, today and tomorrow, lead and supporting reports', () => {
    expect(CASES).toHaveLength(COMMITMENT_STATUSES.length * DUE_DATES.length * REPORTS.length);
    expect(new Set(CONTEXTS.map(([, at]) => `${at.day}/${at.cycleYear}`)).size).toBe(CONTEXTS.length);
    expect(CONTEXTS.map(([, at]) => at.cycleYear)).toEqual([null, 2014, 2013, 2014, null, 2014, 2014]);
  });

  describe.each(RELATIONS)('over %s', (_label, commitments, relations) => {
    const judged = async (sql: string): Promise<Map<string, unknown>> => {
      const rows: Array<{ code: string; value: unknown }> = await runner.query(
        `SELECT c.code, ${sql} AS value FROM ${commitments} c WHERE c.code LIKE 'OVERDUE-CASE-%' ORDER BY c.code`,
      );
      return new Map(rows.map((r) => [r.code, r.value]));
    };
    const selected = async (condition: string): Promise<string[]> =>
      (
        (await runner.query(
          `SELECT c.code FROM ${commitments} c WHERE c.code LIKE 'OVERDUE-CASE-%' AND ${condition} ORDER BY c.code`,
        )) as Array<{ code: string }>
      ).map((r) => r.code);

    it.each(CONTEXTS)('gives each case the reasons of the predicate: %s', async (_context, at) => {
      const sql = overdueSql(at, relations);
      const expected = new Map(CASES.map((c) => [c.code, overdueReasons({ ...c, leadReportPeriods: leadReportPeriods(c) }, at)]));
      expect(await judged(sql.reasons)).toEqual(expected);
      const overdue = CASES.filter((c) => expected.get(c.code)!.length > 0).map((c) => c.code);
      expect(await selected(sql.overdue)).toEqual(overdue);
      expect(await selected(`NOT ${sql.overdue}`)).toEqual(CASES.map((c) => c.code).filter((code) => !overdue.includes(code)));
      expect(await selected(sql.dueDatePassed)).toEqual(
        CASES.filter((c) => expected.get(c.code)!.includes('due_date_passed')).map((c) => c.code),
      );
      expect(await selected(sql.reportMissing)).toEqual(
        CASES.filter((c) => expected.get(c.code)!.includes('report_missing')).map((c) => c.code),
      );
    });

    it('is never overdue in a terminal status, is overdue from the day after the due date, and only for the lead report', async () => {
      const at: OverdueContext = { day: '2015-03-01', cycleYear: 2014 };
      const reasons = await judged(overdueSql(at, relations).reasons);
      const of = (status: CommitmentStatus, dueDate: string | null, reports: number) =>
        reasons.get(CASES.find((c) => c.status === status && c.dueDate === dueDate && c.reports === REPORTS[reports])!.code);
      for (const status of ['completed', 'discontinued'] as const) expect(of(status, '2015-02-27', 0)).toEqual([]);
      expect(of('in_progress', '2015-02-28', 1)).toEqual(['due_date_passed']); // due yesterday
      expect(of('in_progress', '2015-03-01', 1)).toEqual([]); // due today
      expect(of('in_progress', null, 3)).toEqual(['report_missing']); // a supporting agency's report does not count
      expect(of('in_progress', null, 2)).toEqual(['report_missing']); // nor the lead's report of another year
      expect(of('proposed', '2015-02-27', 0)).toEqual(['due_date_passed', 'report_missing']);
    });

    it("open and the compliance's missing reports agree with theirs too", async () => {
      expect(await selected(openSql('c'))).toEqual(CASES.filter((c) => isOpen(c.status)).map((c) => c.code));
      for (const period of [2013, 2014, 2015])
        expect(await selected(leadReportMissingSql(relations, period))).toEqual(
          CASES.filter((c) => isLeadReportMissing({ ...c, leadReportPeriods: leadReportPeriods(c) }, period)).map((c) => c.code),
        );
    });
  });
});
