import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { rootRoute } from '../../app/routes/root';
import { safeRedirect } from '../../session/safe-redirect';
import { meQuery } from '../../session/session';

export interface SignInSearch {
  /** Where to go once signed in (a deep link opened while signed out). */
  redirect?: string;
  /** Arrived here by signing out. */
  signedOut?: boolean;
  /** Arrived here because the session ended while the app was open. */
  sessionEnded?: boolean;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    redirect: safeRedirect(search.redirect),
    signedOut: search.signedOut === true || search.signedOut === 'true' ? true : undefined,
    sessionEnded: search.sessionEnded === true || search.sessionEnded === 'true' ? true : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    // already signed in: straight on
    if (await context.queryClient.ensureQueryData(meQuery)) throw redirect({ href: search.redirect ?? '/' });
  },
  // a chunk of its own (with the form library), which the signed-in pages need not load
  component: lazyRouteComponent(() => import('./sign-in-page'), 'SignInPage'),
});
