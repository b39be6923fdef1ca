import type { Clock } from '@hld/kernel';

/**
 * What the commitments context needs to know about reporting cycles, and no more: the latest cycle whose
 * deadline has passed. From that deadline on, an open commitment whose lead agency has not reported for the
 * cycle's year is overdue ("report_missing") — whenever it was entered into the tracker: the commitments were
 * made for the 2013 HLD, and entering one late does not excuse its report. The reporting-cycles context provides it; without it, only due
 * dates make a commitment overdue.
 */
export abstract class ReportingObligations {
  abstract latestPassedDeadline(now: Date): Promise<{ year: number; deadline: Date } | null>;
}

export const OVERDUE_REASONS = ['due_date_passed', 'report_missing'] as const;
export type OverdueReason = (typeof OVERDUE_REASONS)[number];

export interface OverdueContext {
  today: string;
  cycle: { year: number; deadline: Date } | null;
  /** As of an earlier instant: only the reports effective by then, and recorded by then if given (see as-of.ts). */
  reportsKnown?: { effectiveBy: Date; recordedBy: Date | null };
}

/** What "overdue" means right now: today's date and the latest cycle whose deadline has passed (if cycles exist). */
export async function currentOverdueContext(clock: Clock, obligations?: ReportingObligations): Promise<OverdueContext> {
  return { today: clock.today(), cycle: (await obligations?.latestPassedDeadline(clock.now())) ?? null };
}

/**
 * The two overdue conditions as SQL over commitment_view aliased `c`, with their named parameters: one
 * definition for the list filter, the list's `overdueReasons` and the statistics.
 */
export function overdueSql(ctx: OverdueContext): { dueDatePassed: string; reportMissing: string; params: Record<string, unknown> } {
  const open = `c.status NOT IN ('completed', 'discontinued')`;
  const known = ctx.reportsKnown;
  const reportKnown = known
    ? ` AND pr.effective_at <= :reportsEffectiveBy${known.recordedBy ? ' AND pr.recorded_at <= :reportsRecordedBy' : ''}`
    : '';
  return {
    dueDatePassed: `(c.due_date IS NOT NULL AND c.due_date < :today AND ${open})`,
    reportMissing: ctx.cycle
      ? `(${open} AND NOT EXISTS (
           SELECT 1 FROM progress_reports pr WHERE pr.commitment_id = c.id AND pr.period = :cycleYear AND pr.agency = c.lead_agency${reportKnown}))`
      : 'false',
    params: {
      today: ctx.today,
      ...(ctx.cycle ? { cycleYear: ctx.cycle.year } : {}),
      ...(known ? { reportsEffectiveBy: known.effectiveBy, ...(known.recordedBy ? { reportsRecordedBy: known.recordedBy } : {}) } : {}),
    },
  };
}
