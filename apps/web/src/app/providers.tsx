import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { setNonce } from 'get-nonce';
import { api } from '../api/client';
import type { Messages } from '../i18n/catalogue';
import { LocaleProvider } from '../i18n/locale-provider';
import type { Locale } from '../i18n/locales';
import { forgetSession, meQuery } from '../session/session';
import { cssVariablesResolver, theme } from '../ui/theme';
import { createAppRouter } from './router';

/** The nonce the server put in this page (the CSP allows Mantine's generated styles only with it). */
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
// the style Mantine's modals add to lock the page's scrolling (react-remove-scroll) carries it too
setNonce(styleNonce);

/** The data cache and the router, made before anything renders (main.tsx starts the first page's loading with them). */
export function createClients() {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => count < 2 && !(error instanceof Error && 'status' in error && Number(error.status) < 500),
        // what a route's loader has just fetched is not fetched again as its page mounts (it was, for every page:
        // the catalogue's 200 rows twice); changes invalidate what they touch
        staleTime: 5_000,
      },
    },
  });
  const router = createAppRouter(queryClient);
  // a session that ended meanwhile (idle, signed out elsewhere): back to sign-in, then back here
  api.use({
    async onResponse({ request, response }) {
      if (response.status !== 401 || new URL(request.url).pathname.endsWith('/auth/session')) return;
      // a wrong password given to confirm a change is a 401 too, but the session is fine
      const problem = (await response
        .clone()
        .json()
        .catch(() => null)) as { code?: string } | null;
      if (problem?.code === 'INVALID_CREDENTIALS') return;
      if (queryClient.getQueryData(meQuery.queryKey)) {
        forgetSession(queryClient);
        const here = router.state.location.href;
        void router.navigate({ to: '/sign-in', search: { redirect: here, sessionEnded: true } });
      }
    },
  });
  return { queryClient, router };
}

export type Clients = ReturnType<typeof createClients>;

export function App({ initial, clients: { queryClient, router } }: { initial: { locale: Locale; messages: Messages }; clients: Clients }) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      forceColorScheme="light"
      getStyleNonce={() => styleNonce}
    >
      <QueryClientProvider client={queryClient}>
        <LocaleProvider initial={initial}>
          <RouterProvider router={router} />
        </LocaleProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
