import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type ReportingCycle = Schemas['ReportingCycleResponse'];

export const reportingCyclesQuery = queryOptions({
  queryKey: ['reporting-cycles'],
  queryFn: async () => unwrap(await api.GET('/api/v1/reporting-cycles')).items,
  staleTime: 5 * 60_000,
});

/** The cycle a focal point works on now: the latest that has opened, else the next to open. */
export function currentCycle(cycles: readonly ReportingCycle[], now: number): ReportingCycle | null {
  const opened = cycles.filter((c) => Date.parse(c.opensAt) <= now);
  if (opened.length > 0) return opened.reduce((a, b) => (b.year > a.year ? b : a));
  const upcoming = [...cycles].sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt));
  return upcoming[0] ?? null;
}
