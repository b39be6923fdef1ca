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
