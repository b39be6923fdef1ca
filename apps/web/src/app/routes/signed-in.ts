import { createRoute, redirect } from '@tanstack/react-router';
import { meQuery } from '../../session/session';
import { rootRoute } from './root';

/** Every page under this route needs someone signed in; a deep link opened signed out comes back after sign-in. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me };
  },
});
