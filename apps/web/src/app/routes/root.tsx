import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { meQuery } from '../../session/session';
import { AppLayout } from '../layout/app-layout';
import { ErrorPage, NotFoundPage } from '../layout/error-pages';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  // who is signed in is known before the first paint, so the header does not change shape under the reader
  beforeLoad: ({ context }) => context.queryClient.ensureQueryData(meQuery),
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});
