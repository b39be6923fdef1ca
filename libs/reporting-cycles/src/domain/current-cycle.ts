import type { ReportingCycleState } from './reporting-cycle.js';

/**
 * The cycle focal points work on now: the latest that has opened (its deadline may have passed: reports are
 * still owed, and late), else the next to open; null when there is none.
 */
export function currentCycle<C extends Pick<ReportingCycleState, 'year' | 'opensAt'>>(cycles: readonly C[], now: Date): C | null {
  const opened = cycles.filter((c) => c.opensAt <= now);
  if (opened.length > 0) return opened.reduce((a, b) => (b.year > a.year ? b : a));
  return [...cycles].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0] ?? null;
}
