import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../app/routes/signed-in';
import { recentNoticesQuery } from '../../notices/queries';
import { HomePage } from './home-page';
import { agendaQuery } from './queries';

export const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  loader: ({ context }) => {
    // the notices are not waited for: the page shows what the agency owes first
    void context.queryClient.prefetchQuery(recentNoticesQuery);
    return context.queryClient.ensureQueryData(agendaQuery);
  },
  // in the app's first chunk: the page everyone lands on after sign-in, shown without waiting for a chunk of its own
  component: HomePage,
});
