import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Agenda = Schemas['MyAgendaResponse'];
export type AgendaCycle = Schemas['AgendaCycle'];
export type OwedReport = Schemas['OwedReportResponse'];
export type StatusTally = Schemas['StatusTallyResponse'];
export type CommitmentStatus = keyof StatusTally;
export type OverdueCommitment = Schemas['OverdueCommitmentResponse'];
export type ExtensionRequest = Schemas['ExtensionRequestResponse'];

export const STATUSES: readonly CommitmentStatus[] = ['proposed', 'accepted', 'in_progress', 'under_review', 'completed', 'discontinued'];

/** What the signed-in user's agency has to do now (GET /me/agenda): the home page's one request. */
export const agendaQuery = queryOptions({
  queryKey: ['me', 'agenda'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me/agenda')),
  // not asked for again as the page mounts just after its route loaded it; a "no change" refreshes it
  staleTime: 30_000,
});

/**
 * "No change since the last report" for the cycle's year: a no-change progress report. Reports append, so the API
 * asks for no version (If-Match); the commitment leaves the list as soon as the API has recorded it.
 */
export function useReportNoChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, year }: { code: string; year: number }) =>
      unwrap(
        await api.POST('/api/v1/commitments/{idOrCode}/progress-reports', {
          params: { path: { idOrCode: code } },
          // a no-change needs no summary (the API words it); the generated type still lists it as required
          body: { period: year, kind: 'no_change' } as Schemas['ReportProgressRequest'],
        }),
      ),
    onSuccess: (_, { code }) => {
      queryClient.setQueryData(agendaQuery.queryKey, (agenda) =>
        agenda
          ? {
              ...agenda,
              owed: { total: agenda.owed.total - 1, items: agenda.owed.items.filter((item) => item.code !== code) },
            }
          : agenda,
      );
      // what is overdue may have changed too
      void queryClient.invalidateQueries({ queryKey: agendaQuery.queryKey });
    },
  });
}

/**
 * The catalogue's addresses (`/commitments` and its filters in the URL): the home page links there for the
 * full lists behind its counts.
 */
export const cataloguePage = (
  filters: { lead?: string; supporting?: string; status?: CommitmentStatus; overdue?: boolean } = {},
): string => {
  const params = new URLSearchParams();
  if (filters.lead) params.set('lead', filters.lead);
  if (filters.supporting) params.set('supporting', filters.supporting);
  if (filters.status) params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', 'true');
  const query = params.toString();
  return query ? `/commitments?${query}` : '/commitments';
};

export const commitmentPage = (code: string, act?: 'report'): string =>
  `/commitments/${encodeURIComponent(code)}${act ? `?act=${act}` : ''}`;
