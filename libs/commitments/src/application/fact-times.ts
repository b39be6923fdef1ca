import type { Clock } from '@hld/kernel';
import type { FactTimes } from '../domain/commitment.js';

/**
 * The two times of a command's fact: recorded now, by the clock; effective when its author says it happened
 * (a status change learned of by email, the date an agency reported), else now (the aggregate decides what now
 * means for it: see Commitment.timesOf).
 */
export function factTimes(clock: Clock, effectiveAt?: Date): FactTimes {
  return { ...(effectiveAt ? { effectiveAt } : {}), recordedAt: clock.now() };
}
