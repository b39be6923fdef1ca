import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type SummaryVersion = Schemas['SummaryVersionResponse'];
export type SummaryStatus = SummaryVersion['status'];
export type SummaryFormat = keyof SummaryVersion['links']['downloads'];

/** The HLD took place in October 2013: the first year a summary covers. */
export const FIRST_SUMMARY_YEAR = 2013;

/** How often a year's versions are asked for again while one of them is queued or running. */
export const FOLLOW_MS = 1_500;

/** The years a reader chooses from, newest first: this year back to the first. */
export function summaryYears(now: Date): number[] {
  const years: number[] = [];
  for (let year = Math.max(now.getFullYear(), FIRST_SUMMARY_YEAR); year >= FIRST_SUMMARY_YEAR; year -= 1) years.push(year);
  return years;
}

export const isUnderWay = (version: SummaryVersion) => version.status === 'queued' || version.status === 'running';

const key = (year: number) => ['annual-summaries', year] as const;

/**
 * A year's versions, newest first; asked for again every moment while one is queued or running, so the page follows
 * a compilation until it is done or failed.
 */
export const summaryVersionsQuery = (year: number) =>
  queryOptions({
    queryKey: key(year),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/annual-summaries/{year}', { params: { path: { year } } })).items.toSorted(
        (a, b) => b.version - a.version,
      ),
    refetchInterval: (query) => (query.state.data?.some(isUnderWay) ? FOLLOW_MS : false),
    // a refusal (a year the API does not know) is an answer, not a failure to retry on the next mount
    retryOnMount: false,
  });

export function useRequestSummary(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (knownAt: string | undefined) => unwrap(await api.POST('/api/v1/annual-summaries', { body: { year, knownAt } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(year) }),
  });
}

/** The last instant of a day in the reader's time zone, and never after now (the API cannot know the future). */
export function knownAtOf(day: string, now: Date): string {
  const [year, month, date] = day.split('-').map(Number);
  const end = new Date(year, month - 1, date, 23, 59, 59, 999);
  return new Date(Math.min(end.getTime(), now.getTime())).toISOString();
}

/** Today in the reader's time zone, as a date input writes it (YYYY-MM-DD). */
export function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
