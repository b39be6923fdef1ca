import { FIRST_REPORTING_PERIOD } from '@hld/commitments';
import { InvalidSummaryYear } from './summary-errors.js';

/** The first year a summary can cover: the HLD took place in October 2013. */
export const FIRST_SUMMARY_YEAR = FIRST_REPORTING_PERIOD;

/** Throws unless `year` is a reporting year: from 2013 to next year (a summary may be prepared ahead). */
export function assertSummaryYear(year: unknown, now: Date): asserts year is number {
  const latest = now.getUTCFullYear() + 1;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_SUMMARY_YEAR || year > latest) {
    throw new InvalidSummaryYear(year, FIRST_SUMMARY_YEAR, latest);
  }
}

/**
 * The instant the summary of `year` describes the world at (effective time): the last millisecond of 31 December,
 * UTC. Reporting cycles define no cut-off of their own (a cycle's deadline is when the year's reports are due, in the
 * year after), so the calendar year's end is the cut-off.
 */
export function summaryCutOff(year: number): Date {
  return new Date(Date.UTC(year, 11, 31, 23, 59, 59, 999));
}
