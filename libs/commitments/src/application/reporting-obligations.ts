import { overdueContext, type CycleDeadline, type OverdueContext } from '../domain/overdue.js';

/**
 * What the commitments context needs to know about reporting cycles, and no more: each cycle's year and
 * deadline. From a cycle's deadline on, an open commitment whose lead agency has not reported for the cycle's
 * year is overdue ("report_missing", see domain/overdue.ts) — whenever it was entered into the tracker: the
 * commitments were made for the 2013 HLD, and entering one late does not excuse its report. The reporting-cycles
 * context provides it; without it, only due dates make a commitment overdue.
 */
export abstract class ReportingObligations {
  /** Every reporting cycle's year and deadline, in any order. */
  abstract cycleDeadlines(): Promise<CycleDeadline[]>;
}

/**
 * What overdue means at `instant` (now, or a past instant for an as-of read): its day and the latest cycle whose
 * deadline had passed by then, as the cycles' deadlines stand today.
 */
export async function overdueContextAt(instant: Date, obligations?: ReportingObligations): Promise<OverdueContext> {
  return overdueContext(instant, (await obligations?.cycleDeadlines()) ?? []);
}
