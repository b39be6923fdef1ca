import {
  dueDatePassesAt,
  isOpen,
  isOverdue,
  latestPassedCycle,
  overdueContext,
  overdueReasons,
  overdueSql,
  type OverdueContext,
} from './overdue.js';
import { COMMITMENT_STATUSES } from './lifecycle.js';

/** The predicates alone; test/integration/overdue-definition.spec.ts holds the SQL fragments to the same answers. */
describe('Open and overdue', () => {
  const at = (day: string, cycleYear: number | null = null): OverdueContext => ({ day, cycleYear });
  const c = (over: Partial<Parameters<typeof overdueReasons>[0]> = {}) => ({
    status: 'in_progress' as const,
    dueDate: null,
    leadReportPeriods: [],
    ...over,
  });

  it('open is every status but completed and discontinued', () => {
    expect(COMMITMENT_STATUSES.filter(isOpen)).toEqual(['proposed', 'accepted', 'in_progress', 'under_review']);
  });

  it('a due date has passed from the day after it: due today is not overdue, due yesterday is', () => {
    expect(overdueReasons(c({ dueDate: '2015-01-15' }), at('2015-01-15'))).toEqual([]);
    expect(overdueReasons(c({ dueDate: '2015-01-15' }), at('2015-01-16'))).toEqual(['due_date_passed']);
    expect(overdueReasons(c({ dueDate: null }), at('2016-01-01'))).toEqual([]);
    expect(dueDatePassesAt('2015-01-15')).toEqual(new Date('2015-01-16T00:00:00Z'));
    expect(dueDatePassesAt('2016-02-29')).toEqual(new Date('2016-03-01T00:00:00Z'));
  });

  it('a terminal status is never overdue, for either reason', () => {
    for (const status of ['completed', 'discontinued'] as const)
      expect(overdueReasons(c({ status, dueDate: '2014-01-01' }), at('2016-01-01', 2015))).toEqual([]);
  });

  it("a report is missing only once a cycle's deadline has passed, and only the lead agency's report of that year counts", () => {
    expect(overdueReasons(c(), at('2016-01-01', null))).toEqual([]);
    expect(overdueReasons(c(), at('2016-01-20', 2015))).toEqual(['report_missing']);
    expect(overdueReasons(c({ leadReportPeriods: [2015] }), at('2016-01-20', 2015))).toEqual([]);
    expect(overdueReasons(c({ leadReportPeriods: [2014] }), at('2016-01-20', 2015))).toEqual(['report_missing']);
    expect(overdueReasons(c({ dueDate: '2015-06-30' }), at('2016-01-20', 2015))).toEqual(['due_date_passed', 'report_missing']);
    expect(isOverdue(c({ leadReportPeriods: [2015] }), at('2016-01-20', 2015))).toBe(false);
  });

  it('judges at an instant: its UTC day and the latest cycle whose deadline is at or before it', () => {
    const cycles = [
      { year: 2014, deadline: new Date('2015-01-16T04:59:59.999Z') },
      { year: 2015, deadline: new Date('2016-01-16T04:59:59.999Z') },
    ];
    expect(overdueContext(new Date('2015-01-16T04:59:59.998Z'), cycles)).toEqual({ day: '2015-01-16', cycleYear: null });
    expect(overdueContext(new Date('2015-01-16T04:59:59.999Z'), cycles)).toEqual({ day: '2015-01-16', cycleYear: 2014 });
    expect(overdueContext(new Date('2016-03-01T00:00:00Z'), [...cycles].reverse())).toEqual({ day: '2016-03-01', cycleYear: 2015 });
    expect(latestPassedCycle([], new Date())).toBeNull();
  });

  it('writes the SQL over the relations the caller names, and refuses what is not a name, a day or a year', () => {
    const sql = overdueSql(at('2015-03-01', 2014), { commitments: 'c', progressReports: 'commitments_public_progress_reports' });
    expect(sql.dueDatePassed).toBe(
      `(c.status NOT IN ('completed', 'discontinued') AND c.due_date IS NOT NULL AND c.due_date < DATE '2015-03-01')`,
    );
    expect(sql.reportMissing).toContain('FROM commitments_public_progress_reports overdue_report');
    expect(sql.reportMissing).toContain('overdue_report.period = 2014');
    expect(overdueSql(at('2015-03-01'), { commitments: 'c', progressReports: 'progress_reports' }).reportMissing).toBe('FALSE');
    expect(() => overdueSql(at('2015-02-30'), { commitments: 'c', progressReports: 'progress_reports' })).toThrow(/Not a day/);
    expect(() => overdueSql(at("2015-01-01' OR '1"), { commitments: 'c', progressReports: 'progress_reports' })).toThrow(/Not a day/);
    expect(() => overdueSql(at('2015-03-01', 2014.5), { commitments: 'c', progressReports: 'progress_reports' })).toThrow(/Not a year/);
    expect(() => overdueSql(at('2015-03-01'), { commitments: 'c; DROP TABLE x', progressReports: 'progress_reports' })).toThrow(/relation/);
  });
});
