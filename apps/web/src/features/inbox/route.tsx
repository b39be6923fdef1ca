import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { inboxQuery } from '../../notices/queries';

export const inboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/inbox',
  loader: ({ context }) => context.queryClient.ensureQueryData(inboxQuery),
  // each page is a chunk of its own, loaded when its route is first visited
  component: lazyRouteComponent(() => import('./inbox-page'), 'InboxPage'),
});
