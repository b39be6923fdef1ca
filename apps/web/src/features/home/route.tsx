import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { reportingCyclesQuery } from './queries';
import { HomePage } from './home-page';

export const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  loader: ({ context }) => context.queryClient.ensureQueryData(reportingCyclesQuery),
  component: HomePage,
});
