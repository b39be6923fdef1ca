import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Commitment = Schemas['CommitmentResponse'];
export type Status = Commitment['status'];
export type AllowedAction = Schemas['AvailableActionResponse'];
export type HistoryEntry = Schemas['HistoryEntryResponse'];
export type Actor = Pick<Schemas['ActorResponse'], 'id'> & { role?: string | null; agency?: string | null };
export type Agency = Schemas['AgencyResponse'];
export type AgendaItem = Schemas['AgendaItemResponse'];
export type DiscontinuationCategory = NonNullable<Schemas['TransitionRequest']['category']>;
export type ProgressReports = Schemas['ProgressReportsResponse'];
export type ProgressReport = Schemas['ProgressReportResponse'];
export type ReportProgressBody = Schemas['ReportProgressRequest'];
export type ReportingCycle = Schemas['ReportingCycleResponse'];

const key = (code: string) => ['commitment', code] as const;

/** The commitment now, or as it stood at `asOf` (an instant). */
export const commitmentQuery = (code: string, asOf?: string) =>
  queryOptions({
    queryKey: [...key(code), 'state', asOf ?? 'now'],
    queryFn: async () => unwrap(await api.GET('/api/v1/commitments/{idOrCode}', { params: { path: { idOrCode: code }, query: { asOf } } })),
    // a refusal (404: unknown, or not registered yet then) is an answer, not a failure to retry on the next mount
    retryOnMount: false,
  });

export const historyQuery = (code: string) =>
  queryOptions({
    queryKey: [...key(code), 'history'],
    queryFn: async () => unwrap(await api.GET('/api/v1/commitments/{idOrCode}/history', { params: { path: { idOrCode: code } } })).items,
  });

export const progressReportsQuery = (code: string) =>
  queryOptions({
    queryKey: [...key(code), 'progress-reports'],
    queryFn: async () => unwrap(await api.GET('/api/v1/commitments/{idOrCode}/progress-reports', { params: { path: { idOrCode: code } } })),
  });

export { agenciesQuery, agendaItemsQuery } from '../../api/reference-data';

/** The reporting cycles, for the period a report is most likely for (the latest cycle that has opened). */
export const reportingCyclesQuery = queryOptions({
  queryKey: ['commitment-page', 'reporting-cycles'],
  queryFn: async () => unwrap(await api.GET('/api/v1/reporting-cycles')).items,
  staleTime: 5 * 60_000,
});

/** The period a new report is for unless the user picks another: the latest cycle that has opened, else last year. */
export function defaultPeriod(cycles: readonly ReportingCycle[], now: Date): number {
  const opened = cycles.filter((c) => Date.parse(c.opensAt) <= now.getTime()).map((c) => c.year);
  return opened.length > 0 ? Math.max(...opened) : Math.max(FIRST_PERIOD, now.getFullYear() - 1);
}

/** The HLD took place in October 2013: nothing is reported before. */
export const FIRST_PERIOD = 2013;

/** After a change: the commitment, its history and its reports are read again. */
function useRefresh(code: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key(code) });
}

export function useReportProgress(code: string) {
  const refresh = useRefresh(code);
  return useMutation({
    mutationFn: async (body: ReportProgressBody) =>
      unwrap(await api.POST('/api/v1/commitments/{idOrCode}/progress-reports', { params: { path: { idOrCode: code } }, body })),
    onSettled: refresh,
  });
}

export interface TransitionBody {
  to: Status;
  reason?: string;
  category?: DiscontinuationCategory;
  supersededBy?: string;
}

/** A lifecycle move, made on the version the user saw (If-Match): 409 when someone changed it since. */
export function useTransition(code: string) {
  const refresh = useRefresh(code);
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: TransitionBody }) =>
      unwrap(
        await api.POST('/api/v1/commitments/{idOrCode}/transitions', {
          params: { path: { idOrCode: code }, header: { 'If-Match': `"${version}"` } },
          body,
        }),
      ),
    onSettled: refresh,
  });
}

export function useRequestExtension(code: string) {
  const refresh = useRefresh(code);
  return useMutation({
    mutationFn: async (body: { dueDate: string; reason: string }) =>
      unwrap(await api.POST('/api/v1/commitments/{idOrCode}/extension-requests', { params: { path: { idOrCode: code } }, body })),
    onSettled: refresh,
  });
}

/** The last instant of a day in the reader's time zone: "as it stood on 3 March" includes what happened that day. */
export function endOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 23, 59, 59, 999).toISOString();
}
