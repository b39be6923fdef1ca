import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { agenciesQuery, agendaItemsQuery, commitmentQuery, endOfDay, historyQuery, progressReportsQuery } from './queries';

/**
 * `act`: the form open on the page, so a link opens it directly (the home page's "Report progress" links to
 * `/commitments/ILO-a?act=report`): `report`, `no-change`, `extension`, or a lifecycle move named like its action
 * (`accept`, `start`, `submit-for-review`, `validate-completion`, `return-for-work`, `discontinue`, `reopen`). It
 * opens only when the API offers that action to the user now; otherwise the page says so.
 * `asOf`: a day (YYYY-MM-DD); the page then shows the commitment as it stood at the end of it, read only.
 */
export interface CommitmentSearch {
  act?: string;
  asOf?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACT = /^[a-z][a-z-]{1,40}$/;

export const commitmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/commitments/$code',
  validateSearch: (search: Record<string, unknown>): CommitmentSearch => ({
    act: typeof search.act === 'string' && ACT.test(search.act) ? search.act : undefined,
    asOf: typeof search.asOf === 'string' && DAY.test(search.asOf) ? search.asOf : undefined,
  }),
  loaderDeps: ({ search }) => ({ asOf: search.asOf }),
  loader: async ({ context: { queryClient }, params, deps }) => {
    // the sections below the details ask for these as they mount; asked now, they arrive with the rest instead of
    // one round trip later (not waited for: the page shows its details first)
    void queryClient.prefetchQuery(progressReportsQuery(params.code));
    void queryClient.prefetchQuery(historyQuery(params.code));
    // read together; a refusal (an unknown code, not registered yet on that day) is the page's to say, in words
    await Promise.allSettled([
      queryClient.ensureQueryData(commitmentQuery(params.code, deps.asOf ? endOfDay(deps.asOf) : undefined)),
      queryClient.ensureQueryData(agenciesQuery),
      queryClient.ensureQueryData(agendaItemsQuery),
    ]);
  },
  // each page is a chunk of its own, loaded when its route is first visited
  component: lazyRouteComponent(() => import('./commitment-page'), 'CommitmentPage'),
});
