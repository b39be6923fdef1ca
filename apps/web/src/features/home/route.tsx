import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { recentNoticesQuery } from '../../notices/queries';
import { agendaQuery } from './queries';

export const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  loader: ({ context }) => {
    // the notices are not waited for: the page shows what the agency owes first
    void context.queryClient.prefetchQuery(recentNoticesQuery);
    return context.queryClient.ensureQueryData(agendaQuery);
  },
  // each page is a chunk of its own, loaded when its route is first visited
  component: lazyRouteComponent(() => import('./home-page'), 'HomePage'),
});
