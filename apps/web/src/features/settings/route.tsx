import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { apiTokensQuery } from './queries';

export const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/settings',
  loader: ({ context }) => context.queryClient.ensureQueryData(apiTokensQuery),
  // each page is a chunk of its own, loaded when its route is first visited
  component: lazyRouteComponent(() => import('./settings-page'), 'SettingsPage'),
});
