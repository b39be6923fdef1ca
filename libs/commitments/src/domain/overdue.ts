import { readDate } from '@hld/kernel';
import { isTerminal, TERMINAL_STATUSES, type CommitmentStatus } from './lifecycle.js';

/**
 * Open and overdue: the one definition, for every list, count, notice and summary of every context.
 *
 * - **Open**: neither completed nor discontinued. Only an open commitment can be overdue, or owe a report.
 * - **Overdue** at a moment, for one or both reasons (`overdueReasons`, in this order):
 *   - `due_date_passed`: its due date is before the day of that moment (UTC). Due today is not overdue yet;
 *     due yesterday is.
 *   - `report_missing`: the deadline of a reporting cycle has passed by that moment, and the lead agency has no
 *     progress report (or no-change confirmation) on it for that cycle's year. Only the latest cycle whose
 *     deadline has passed counts; a supporting agency's report does not stand in for the lead's.
 *
 * The moment is an `OverdueContext` (its day and the latest passed cycle's year), never "now": a past moment is
 * judged exactly as the present one. Each rule is written twice, side by side: a predicate over facts in memory
 * and an SQL fragment over named columns. The fragments read, on the relation the caller names for commitments,
 * `id`, `status`, `due_date`, `lead_agency` (commitment_view, or the public view commitments_public_commitments)
 * and, on the relation it names for progress reports, `commitment_id`, `period`, `agency` (progress_reports, or
 * commitments_public_progress_reports). test/integration/overdue-definition.spec.ts holds both to the same
 * answers in PostgreSQL.
 */

export const OVERDUE_REASONS = ['due_date_passed', 'report_missing'] as const;
export type OverdueReason = (typeof OVERDUE_REASONS)[number];

/** Where overdue is judged: a day, and the reporting cycle whose deadline had passed by then. */
export interface OverdueContext {
  /** The day, YYYY-MM-DD (UTC): a due date before it has passed. */
  day: string;
  /** The year of the latest reporting cycle whose deadline had passed at the moment judged; null when none had. */
  cycleYear: number | null;
  /**
   * For a past moment (an as-of read): only the reports effective by `effective`, and recorded by `recorded` when
   * given, count as made. Absent: every report recorded so far counts. (The in-memory predicates take the lead's
   * report periods already chosen so.)
   */
  reportsBy?: { effective: Date; recorded: Date | null };
}

/** A reporting cycle, as far as overdue is concerned. */
export interface CycleDeadline {
  year: number;
  deadline: Date;
}

/** The latest cycle whose deadline is at or before `instant` (a deadline has passed from its own instant on). */
export function latestPassedCycle<C extends CycleDeadline>(cycles: Iterable<C>, instant: Date): C | null {
  let latest: C | null = null;
  for (const cycle of cycles)
    if (cycle.deadline.getTime() <= instant.getTime() && (!latest || cycle.deadline.getTime() > latest.deadline.getTime())) latest = cycle;
  return latest;
}

/** What overdue means at `instant`, given every cycle's deadline: the instant's day (UTC) and the latest passed cycle. */
export function overdueContext(instant: Date, cycles: Iterable<CycleDeadline>): OverdueContext {
  return { day: instant.toISOString().slice(0, 10), cycleYear: latestPassedCycle(cycles, instant)?.year ?? null };
}

/** What the predicates need to know of a commitment. */
export interface OverdueFacts {
  status: CommitmentStatus;
  dueDate: string | null;
  /** The periods (years) its lead agency reported for on it: progress reports or no-change confirmations. */
  leadReportPeriods: readonly number[];
}

// ---- in memory ----

export function isOpen(status: CommitmentStatus): boolean {
  return !isTerminal(status);
}

/** Open, with a due date before `day`. */
export function isDueDatePassed(c: Pick<OverdueFacts, 'status' | 'dueDate'>, day: string): boolean {
  return isOpen(c.status) && c.dueDate !== null && c.dueDate < day;
}

/** Open, and its lead agency has not reported for `period` (what a reporting cycle's compliance calls missing). */
export function isLeadReportMissing(c: Pick<OverdueFacts, 'status' | 'leadReportPeriods'>, period: number): boolean {
  return isOpen(c.status) && !c.leadReportPeriods.includes(period);
}

/** Why the commitment is overdue in this context, in OVERDUE_REASONS order; empty when it is not. */
export function overdueReasons(c: OverdueFacts, at: OverdueContext): OverdueReason[] {
  const reasons: OverdueReason[] = [];
  if (isDueDatePassed(c, at.day)) reasons.push('due_date_passed');
  if (at.cycleYear !== null && isLeadReportMissing(c, at.cycleYear)) reasons.push('report_missing');
  return reasons;
}

export function isOverdue(c: OverdueFacts, at: OverdueContext): boolean {
  return overdueReasons(c, at).length > 0;
}

/** The first instant at which a due date has passed: the start of the next day (UTC). */
export function dueDatePassesAt(dueDate: string): Date {
  const { year, month, day } = calendarDay(dueDate);
  return new Date(Date.UTC(year, month - 1, day + 1));
}

// ---- in SQL ----

/** The relations the fragments read: a name or alias of each, as the caller's query calls them. */
export interface OverdueRelations {
  /** Has the commitment columns `id`, `status`, `due_date`, `lead_agency` (e.g. `c` for commitment_view c). */
  commitments: string;
  /** Has the progress report columns `commitment_id`, `period`, `agency` (e.g. `progress_reports`). */
  progressReports: string;
}

export interface OverdueSql {
  dueDatePassed: string;
  reportMissing: string;
  /** Either reason. */
  overdue: string;
  /** The reasons as a text[], in OVERDUE_REASONS order (empty when not overdue). */
  reasons: string;
}

/** `isOpen` over `commitments`. */
export function openSql(commitments: string): string {
  return `${name(commitments)}.status NOT IN (${TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}

/** `isDueDatePassed` over `commitments`. */
export function dueDatePassedSql(commitments: string, day: string): string {
  const c = name(commitments);
  return `(${openSql(c)} AND ${c}.due_date IS NOT NULL AND ${c}.due_date < ${sqlDay(day)})`;
}

/**
 * `isLeadReportMissing` over the two relations; with `reportsBy`, only the reports effective (and recorded) by then
 * count, which reads the progress reports' `effective_at` and `recorded_at` too.
 */
export function leadReportMissingSql(relations: OverdueRelations, period: number, reportsBy?: OverdueContext['reportsBy']): string {
  const c = name(relations.commitments);
  const known = reportsBy
    ? ` AND overdue_report.effective_at <= ${sqlInstant(reportsBy.effective)}` +
      (reportsBy.recorded ? ` AND overdue_report.recorded_at <= ${sqlInstant(reportsBy.recorded)}` : '')
    : '';
  return `(${openSql(c)} AND NOT EXISTS (SELECT 1 FROM ${name(relations.progressReports)} overdue_report
    WHERE overdue_report.commitment_id = ${c}.id AND overdue_report.period = ${sqlYear(period)} AND overdue_report.agency = ${c}.lead_agency${known}))`;
}

/**
 * `overdueReasons` over the two relations, as boolean conditions and as the list of reasons. The context's values
 * are written into the text as literals (checked: a day and a year), so the fragments need no parameters and fit
 * any query, whatever its parameter style.
 */
export function overdueSql(at: OverdueContext, relations: OverdueRelations): OverdueSql {
  const dueDatePassed = dueDatePassedSql(relations.commitments, at.day);
  const reportMissing = at.cycleYear === null ? 'FALSE' : leadReportMissingSql(relations, at.cycleYear, at.reportsBy);
  return {
    dueDatePassed,
    reportMissing,
    overdue: `(${dueDatePassed} OR ${reportMissing})`,
    reasons: `array_remove(ARRAY[CASE WHEN ${dueDatePassed} THEN 'due_date_passed' END, CASE WHEN ${reportMissing} THEN 'report_missing' END], NULL)`,
  };
}

const NAME = /^[a-z_][a-z0-9_]*$/;
function name(relation: string): string {
  if (!NAME.test(relation)) throw new Error(`Not a relation name: ${relation}`);
  return relation;
}

function calendarDay(day: string) {
  const reading = readDate(day);
  if (!reading.ok) throw new Error(`Not a day: ${JSON.stringify(day)} ${reading.problem}`);
  return reading.value;
}

function sqlDay(day: string): string {
  calendarDay(day);
  return `DATE '${day}'`;
}

function sqlInstant(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new Error('Not an instant');
  return `TIMESTAMPTZ '${instant.toISOString()}'`;
}

function sqlYear(year: number): string {
  if (!Number.isSafeInteger(year)) throw new Error(`Not a year: ${year}`);
  return String(year);
}
