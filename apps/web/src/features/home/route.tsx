import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { reportingCyclesQuery } from './queries';

export const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  loader: ({ context }) => context.queryClient.ensureQueryData(reportingCyclesQuery),
  // each page is a chunk of its own, loaded when its route is first visited
  component: lazyRouteComponent(() => import('./home-page'), 'HomePage'),
});
