import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { agenciesQuery, agendaItemsQuery, commitmentPageQuery, facetsQuery } from './queries';
import { filtersOf, validateCatalogueSearch } from './search';

export const catalogueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/commitments',
  validateSearch: validateCatalogueSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const loading = Promise.all([
      queryClient.ensureQueryData(commitmentPageQuery(deps)),
      queryClient.ensureQueryData(facetsQuery(filtersOf(deps))),
      queryClient.ensureQueryData(agenciesQuery),
      queryClient.ensureQueryData(agendaItemsQuery),
    ]);
    // a change of filter or page on the screen does not wait: the page shows the previous answer until the next
    // one, and says itself if it fails
    if (cause === 'enter' || cause === 'preload') await loading;
    else loading.catch(() => undefined);
  },
  // each page is a chunk of its own, loaded when its route is first visited
  component: lazyRouteComponent(() => import('./catalogue-page'), 'CataloguePage'),
});
