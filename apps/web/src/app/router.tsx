import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { annualSummariesRoute, annualSummaryRoute } from '../features/annual-summaries/route';
import { commitmentRoute } from '../features/commitment/route';
import { homeRoute } from '../features/home/route';
import { inboxRoute } from '../features/inbox/route';
import { settingsRoute } from '../features/settings/route';
import { catalogueRoute } from '../features/catalogue/route';
import { signInRoute } from '../features/sign-in/route';
import { rootRoute } from './routes/root';
import { signedInRoute } from './routes/signed-in';
import { PendingPage } from './layout/error-pages';
import { parseSearch, stringifySearch } from './search-params';

/** The route tree, in code: each feature owns its route; this is where they are put together. */
const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    homeRoute,
    inboxRoute,
    settingsRoute,
    catalogueRoute,
    commitmentRoute,
    annualSummariesRoute,
    annualSummaryRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // the loaders read through TanStack Query, which decides what is fresh
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultPendingComponent: PendingPage,
    parseSearch,
    stringifySearch,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
