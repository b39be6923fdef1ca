import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { apiTokensQuery } from './queries';
import { SettingsPage } from './settings-page';

export const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/settings',
  loader: ({ context }) => context.queryClient.ensureQueryData(apiTokensQuery),
  component: SettingsPage,
});
