import type { CommitmentStatus } from '@hld/commitments';
import {
  agencyTables,
  agendaItemSections,
  annexOf,
  citeReports,
  classifyChange,
  compileSummary,
  foldStatusChanges,
  judgeStanding,
  registerCommitments,
  reportingRate,
  utcDays,
  type CitedReport,
  type ReportFact,
  type StatusChangeFact,
  type SummaryFacts,
} from './compile-summary.js';
import { aCommitmentFact, DEFAULT_OVERDUE_AT as AT, summaryFacts } from '../../../../test/helpers/summary-facts.js';

const commitment = aCommitmentFact;
// agenda items out of order and two agencies: the compilation must sort them itself
const facts = (overrides: Partial<SummaryFacts> = {}): SummaryFacts =>
  summaryFacts({
    agendaItems: [
      { number: 2, title: 'Two' },
      { number: 1, title: 'One' },
    ],
    agencies: [
      { code: 'ILO', name: 'International Labour Organization' },
      { code: 'IOM', name: 'International Organization for Migration' },
    ],
    ...overrides,
  });

describe('Compiling the annual summary', () => {
  it("classifies each status change into at most one of the year's changes", () => {
    expect(classifyChange('proposed', 'accepted')).toBe('newlyAccepted');
    expect(classifyChange('proposed', 'in_progress')).toBe('started');
    expect(classifyChange('accepted', 'in_progress')).toBe('started');
    expect(classifyChange('under_review', 'in_progress')).toBeNull(); // returned for work
    expect(classifyChange('in_progress', 'under_review')).toBeNull();
    expect(classifyChange('under_review', 'completed')).toBe('completed');
    expect(classifyChange('accepted', 'discontinued')).toBe('discontinued');
    expect(classifyChange('completed', 'in_progress')).toBe('reopened');
    expect(classifyChange('discontinued', 'in_progress')).toBe('reopened');
  });

  it('orders sections 1..8 then "other", and codes by code point whatever the input order', () => {
    const { body, annex } = compileSummary(
      facts({ commitments: [commitment('b-x', { agendaItems: [] }), commitment('B-a', { agendaItems: [2] }), commitment('A-z')] }),
    );
    expect(body.agendaItems.map((s) => s.number)).toEqual([1, 2, null]);
    expect([...annex.commitments()].map((c) => c.code)).toEqual(['A-z', 'B-a', 'b-x']);
    expect(body.agendaItems[2]).toMatchObject({ title: 'Other recommendations', commitments: 1 });
  });

  it('counts an agency as owing a report only if it led a commitment open at some time in the year', () => {
    const closedBefore = commitment('IOM-a', { leadAgency: 'IOM', status: 'discontinued' });
    const closedDuring = commitment('ILO-a', { status: 'completed' });
    const { body } = compileSummary(
      facts({
        commitments: [closedBefore, closedDuring],
        statusChanges: [
          {
            position: 7,
            commitmentId: closedDuring.id,
            occurredAt: new Date('2014-05-01T00:00:00Z'),
            from: 'under_review',
            to: 'completed',
          },
        ],
      }),
    );
    expect(body.overview.reporting).toMatchObject({ owed: 1, reported: 0, percent: 0, notReported: ['ILO'] });
    expect(body.agencies.find((a) => a.code === 'IOM')).toMatchObject({ owed: false, led: 1 });
  });

  it("counts and lists as overdue what the commitments' definition says at the instant, with its reasons", () => {
    const at = { day: '2015-01-31', cycleYear: 2014 };
    const { body } = compileSummary(
      facts({
        overdueAt: at,
        commitments: [
          commitment('A-late', { dueDate: '2015-01-30' }, at),
          commitment('B-today', { dueDate: '2015-01-31', overdueReasons: [] }, at), // reported for 2014: not overdue
          commitment('C-done', { dueDate: '2014-01-01', status: 'completed' }, at),
          commitment('D-silent', { leadAgency: 'IOM', dueDate: '2015-06-30' }, at),
        ],
      }),
    );
    expect(body.overview.overdue).toBe(2);
    expect(body.agendaItems[0].overdue).toEqual([
      {
        commitmentCode: 'A-late',
        title: 'Title of A-late',
        leadAgency: 'ILO',
        dueDate: '2015-01-30',
        status: 'proposed',
        reasons: ['due_date_passed', 'report_missing'],
        missingReportPeriod: 2014,
      },
      {
        commitmentCode: 'D-silent',
        title: 'Title of D-silent',
        leadAgency: 'IOM',
        dueDate: '2015-06-30',
        status: 'proposed',
        reasons: ['report_missing'],
        missingReportPeriod: 2014,
      },
    ]);
  });
});

describe('The steps of the compilation', () => {
  const dayOf = utcDays();
  const change = (position: number, id: string, occurredAt: string, from: CommitmentStatus, to: CommitmentStatus): StatusChangeFact => ({
    position,
    commitmentId: `id-${id}`,
    occurredAt: new Date(occurredAt),
    from,
    to,
  });
  const report = (id: string, code: string, agency: string, reportedAt: string, summary = `Report ${id}.`): ReportFact => ({
    id,
    commitmentId: `id-${code}`,
    agency,
    period: 2014,
    kind: 'report',
    summary,
    reportedAt: new Date(reportedAt),
    unchangedSincePreviousYear: false,
    reportedLate: false,
  });
  const register = registerCommitments([
    commitment('B', { agendaItems: [2, 1, 2], supportingAgencies: ['IOM'] }),
    commitment('A', { leadAgency: 'IOM', agendaItems: [], status: 'completed' }),
    commitment('C', { agendaItems: [9], dueDate: '2014-12-31' }),
  ]);
  const noHistory = foldStatusChanges(register, [], 2014, dayOf);

  it('registerCommitments: code-point order (upper case first), each id indexed by its place', () => {
    expect(register.commitments.map((c) => c.code)).toEqual(['A', 'B', 'C']);
    expect([...register.indexOf]).toEqual([
      ['id-A', 0],
      ['id-B', 1],
      ['id-C', 2],
    ]);
    expect(registerCommitments([commitment('b'), commitment('B'), commitment('a')]).commitments.map((c) => c.code)).toEqual([
      'B',
      'a',
      'b',
    ]);
  });

  it('utcDays: the UTC day of an instant, whatever the time of day', () => {
    const days = utcDays();
    expect(days(new Date('2014-03-01T23:59:59.999Z'))).toBe('2014-03-01');
    expect(days(new Date('2014-03-01T00:00:00Z'))).toBe('2014-03-01');
    expect(days(new Date('2014-02-28T23:59:59.999-05:00'))).toBe('2014-03-01');
  });

  describe('foldStatusChanges', () => {
    const history = foldStatusChanges(
      register,
      // (given out of log order: it sorts them)
      [
        change(5, 'B', '2014-06-01T00:00:00Z', 'in_progress', 'completed'),
        change(3, 'B', '2014-02-01T00:00:00Z', 'accepted', 'in_progress'),
        change(4, 'gone', '2014-03-01T00:00:00Z', 'proposed', 'accepted'),
        change(6, 'A', '2014-07-01T00:00:00Z', 'in_progress', 'completed'),
        change(2, 'A', '2014-01-10T00:00:00Z', 'completed', 'in_progress'),
        change(7, 'C', '2015-01-02T00:00:00Z', 'proposed', 'discontinued'),
      ],
      2014,
      dayOf,
    );

    it("says each commitment's status on 1 January from its first change since then (after the year too)", () => {
      expect(history.statusAtYearStart).toEqual(['completed', 'accepted', 'proposed']);
    });

    it("counts the year's changes, of commitments the snapshot does not hold too, and none after the year", () => {
      expect(history.changesDuringYear).toEqual({ newlyAccepted: 1, started: 1, completed: 2, discontinued: 0, reopened: 1 });
    });

    it("keeps each commitment's changes of the year in log order, cited by event position and day, and the completions", () => {
      expect(history.statusChanges[0]).toEqual([
        { from: 'completed', to: 'in_progress', citation: { commitmentCode: 'A', eventPosition: 2, date: '2014-01-10' } },
        { from: 'in_progress', to: 'completed', citation: { commitmentCode: 'A', eventPosition: 6, date: '2014-07-01' } },
      ]);
      expect(history.statusChanges[2]).toBeUndefined();
      expect(history.completions.map((c) => [c.at, c.change.position])).toEqual([
        [1, 5],
        [0, 6],
      ]);
    });

    it('marks a commitment that moved to an open status during the year, even if it closed again', () => {
      expect(history.openedDuringYear).toEqual([true, true, false]);
    });
  });

  it('foldStatusChanges: in effective order, so a change recorded later but effective earlier comes first', () => {
    const backDated = foldStatusChanges(
      register,
      [
        change(9, 'C', '2014-05-01T00:00:00Z', 'accepted', 'in_progress'),
        change(10, 'C', '2014-03-01T00:00:00Z', 'proposed', 'accepted'), // recorded after, effective before
      ],
      2014,
      dayOf,
    );
    expect(backDated.statusAtYearStart[2]).toBe('proposed');
    expect(backDated.statusChanges[2]!.map((c) => [c.citation.eventPosition, c.citation.date])).toEqual([
      [10, '2014-03-01'],
      [9, '2014-05-01'],
    ]);
  });

  it('compileSummary: states both instants, and counts and marks the reports recorded after the deadline', () => {
    const b = commitment('B');
    const late = (id: string, reportedLate: boolean): ReportFact => ({
      id,
      commitmentId: b.id,
      agency: 'ILO',
      period: 2014,
      kind: 'report',
      summary: `Report ${id}.`,
      reportedAt: new Date('2015-02-12T00:00:00Z'),
      unchangedSincePreviousYear: false,
      reportedLate,
    });
    const { body, annex } = compileSummary(facts({ commitments: [b], reports: [late('r1', false), late('r2', true)] }));
    expect(body.provenance).toMatchObject({
      asAt: '2014-12-31T23:59:59.999Z',
      recordedBy: '2015-01-31T00:00:00.000Z',
      compiledAsOf: '2015-01-31T00:00:00.000Z',
    });
    expect(body.overview.reportedLate).toBe(1);
    const statements = body.agendaItems[0].progress[0].statements;
    expect(statements.map((s) => [s.citation.reportId, s.citation.date, s.reportedLate])).toEqual([
      ['r1', '2015-02-12', false],
      ['r2', '2015-02-12', true],
    ]);
    expect([...annex.progressReports()].map((r) => r.reportedLate)).toEqual([false, true]);
    // with a knownAt, that is the recorded instant it states
    const known = compileSummary(facts({ knownAt: new Date('2015-01-20T00:00:00Z') }));
    expect(known.body.provenance.recordedBy).toBe('2015-01-20T00:00:00.000Z');
  });

  describe('citeReports', () => {
    const { reports, reportedBy } = citeReports(
      register,
      [
        report('r3', 'B', 'ILO', '2015-02-01T10:00:00Z', 'ILO did this. [Source: Report of the 13th Coordination Meeting (2015), para. 3]'),
        report('r2', 'B', 'IOM', '2015-01-01T10:00:00Z'),
        report('r9', 'gone', 'ILO', '2015-01-01T10:00:00Z'),
        report('r1', 'B', 'ILO', '2015-01-05T10:00:00Z'),
        report('r0', 'A', 'IOM', '2015-01-05T10:00:00Z'),
        report('r4', 'B', 'ILO', '2015-01-05T09:00:00Z'),
      ],
      dayOf,
    );

    it('leaves out reports on commitments the snapshot does not hold; cites in code, agency, day and id order', () => {
      expect(reports.map((r) => r.fact.id)).toEqual(['r0', 'r1', 'r4', 'r3', 'r2']);
      expect(reports.map((r) => r.at)).toEqual([0, 1, 1, 1, 1]);
    });

    it('builds each statement: the citation with the document the report names, and an excerpt of its own words', () => {
      expect(reports[3]).toMatchObject({
        text: 'ILO did this.',
        statement: {
          citation: {
            commitmentCode: 'B',
            reportId: 'r3',
            agency: 'ILO',
            date: '2015-02-01',
            document: { title: 'Report of the 13th Coordination Meeting (2015)', symbol: null, locator: 'para. 3', page: null },
          },
          period: 2014,
          kind: 'report',
          excerpt: 'ILO did this.',
          excerptIsWholeText: true,
          unchangedSincePreviousYear: false,
        },
      });
    });

    it('lists per commitment the agencies that reported on it, once each', () => {
      expect(reportedBy).toEqual([['IOM'], ['ILO', 'IOM'], undefined]);
    });
  });

  describe('judgeStanding', () => {
    it('gives the overdue reasons the snapshot judged for each commitment, and counts them', () => {
      const standing = judgeStanding(register, noHistory, AT);
      expect(standing.overdue).toEqual([undefined, undefined, ['due_date_passed']]);
      expect(standing.overdueCount).toBe(1);
      expect(standing.missingReportPeriod).toBeNull();
      const judged = registerCommitments([
        commitment('D', { overdueReasons: ['report_missing'] }),
        commitment('E', { overdueReasons: [] }),
      ]);
      const late = judgeStanding(judged, foldStatusChanges(judged, [], 2014, dayOf), { day: '2015-01-31', cycleYear: 2014 });
      expect([late.overdue, late.overdueCount, late.missingReportPeriod]).toEqual([[['report_missing'], undefined], 1, 2014]);
    });

    it('owed: the lead agencies of commitments open on 1 January or opened during the year', () => {
      expect([...judgeStanding(register, noHistory, AT).owed]).toEqual(['ILO']); // A was completed all year
      const reopened = foldStatusChanges(register, [change(1, 'A', '2014-05-01T00:00:00Z', 'completed', 'in_progress')], 2014, dayOf);
      expect([...judgeStanding(register, reopened, AT).owed].sort()).toEqual(['ILO', 'IOM']);
      const openThenClosed = foldStatusChanges(
        register,
        [change(1, 'A', '2014-05-01T00:00:00Z', 'under_review', 'completed')],
        2014,
        dayOf,
      );
      expect([...judgeStanding(register, openThenClosed, AT).owed].sort()).toEqual(['ILO', 'IOM']);
    });
  });

  it('reportingRate: per cent with one decimal, null when nobody owed; the lists in code-point order', () => {
    const cited = (agencies: string[]) => agencies.map((agency) => ({ fact: { agency } }) as CitedReport);
    expect(reportingRate(new Set(['WHO', 'ILO', 'IOM']), cited(['ILO', 'UNU', 'CMS', 'ILO']))).toEqual({
      owed: 3,
      reported: 1,
      percent: 33.3,
      notReported: ['IOM', 'WHO'],
      reportedWithoutObligation: ['CMS', 'UNU'],
    });
    expect(reportingRate(new Set(), cited(['ILO']))).toMatchObject({
      owed: 0,
      reported: 0,
      percent: null,
      reportedWithoutObligation: ['ILO'],
    });
  });

  describe('agendaItemSections', () => {
    const history = foldStatusChanges(register, [change(1, 'B', '2014-06-01T00:00:00Z', 'under_review', 'completed')], 2014, dayOf);
    const { reports } = citeReports(
      register,
      [report('r1', 'B', 'ILO', '2015-01-05T10:00:00Z'), report('r2', 'A', 'IOM', '2015-01-05T10:00:00Z')],
      dayOf,
    );
    const standing = judgeStanding(register, history, AT);
    const sections = agendaItemSections(
      [
        { number: 2, title: 'Two' },
        { number: 1, title: 'One' },
      ],
      register,
      { history, reports, standing },
      dayOf,
    );

    it('one section per agenda item in number order, then "other" for commitments linked to none', () => {
      expect(sections.map((s) => [s.number, s.title, s.commitments])).toEqual([
        [1, 'One', 1],
        [2, 'Two', 1],
        [null, 'Other recommendations', 1],
      ]);
    });

    it('a commitment is in each of its agenda items once, with its reports and completions; unknown items are ignored', () => {
      for (const section of sections.slice(0, 2)) {
        expect(section.progress).toEqual([{ agency: 'ILO', statements: [reports[1].statement] }]);
        expect(section.completed).toEqual([
          {
            commitmentCode: 'B',
            title: 'Title of B',
            leadAgency: 'ILO',
            statusNow: 'proposed',
            citation: { commitmentCode: 'B', eventPosition: 1, date: '2014-06-01' },
          },
        ]);
      }
      expect(sections[2].progress).toEqual([{ agency: 'IOM', statements: [reports[0].statement] }]);
      expect(sections.flatMap((s) => s.overdue)).toEqual([]); // C (overdue) links only to item 9, which does not exist
    });
  });

  it('agencyTables: one table per agency that leads, supports or reported, in code order, with every commitment it owns', () => {
    const { reports, reportedBy } = citeReports(
      register,
      [report('r1', 'B', 'IOM', '2015-01-05T10:00:00Z'), report('r2', 'C', 'UNU', '2015-01-05T10:00:00Z')],
      dayOf,
    );
    const tables = agencyTables([{ code: 'ILO', name: 'International Labour Organization' }], register, {
      history: noHistory,
      reportedBy,
      owed: new Set(['ILO']),
      reports,
    });
    expect(tables.map((t) => [t.code, t.name, t.led, t.supported, t.owed, t.reports])).toEqual([
      ['ILO', 'International Labour Organization', 2, 0, true, 0],
      ['IOM', 'IOM', 1, 1, false, 1],
      ['UNU', 'UNU', 0, 0, false, 1],
    ]);
    expect(tables[1].commitments).toEqual([
      { commitmentCode: 'A', role: 'lead', status: 'completed', reported: false, statusChanges: [] },
      { commitmentCode: 'B', role: 'supporting', status: 'proposed', reported: true, statusChanges: [] },
    ]);
  });

  it('annexOf: every commitment in code order, flagged when overdue; the full text of every report', () => {
    const { reports } = citeReports(register, [report('r1', 'B', 'ILO', '2015-01-05T10:00:00Z', 'All of it. [Source: A/68/190]')], dayOf);
    const annex = annexOf(register, judgeStanding(register, noHistory, AT), reports);
    expect([...annex.commitments()].map((c) => [c.code, c.overdue])).toEqual([
      ['A', false],
      ['B', false],
      ['C', true],
    ]);
    expect([...annex.progressReports()]).toEqual([
      {
        reportId: 'r1',
        commitmentCode: 'B',
        agency: 'ILO',
        date: '2015-01-05',
        period: 2014,
        kind: 'report',
        document: { title: null, symbol: 'A/68/190', locator: null, page: null },
        text: 'All of it.',
        unchangedSincePreviousYear: false,
        reportedLate: false,
      },
    ]);
  });
});
