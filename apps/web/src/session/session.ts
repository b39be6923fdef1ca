import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap, type Schemas, type User } from '../api/client';
import { useLocale } from '../i18n/locale-provider';
import type { Locale } from '../i18n/locales';

/** Who is signed in in this browser (null: nobody). The session itself is an HttpOnly cookie no script reads. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<User | null> => unwrap(await api.GET('/api/v1/auth/session')).user,
  staleTime: 5 * 60_000,
});

/**
 * Nobody is signed in any more: everything read as the previous user goes (nothing of theirs may stay on screen).
 * The session query itself is set, not removed, so the components that show it follow at once.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQuery.queryKey[0] });
  queryClient.setQueryData(meQuery.queryKey, null);
}

export function useMe(): User | null {
  return useQuery(meQuery).data ?? null;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Schemas['LoginRequest']) => unwrap(await api.POST('/api/v1/auth/session', { body: credentials })),
    onSuccess: (user) => {
      forgetSession(queryClient);
      queryClient.setQueryData(meQuery.queryKey, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/v1/auth/session')),
    onSettled: () => forgetSession(queryClient),
  });
}

/** Shows the interface in another language and, when someone is signed in, stores it on their account. */
export function useChangeLanguage(): (locale: Locale) => Promise<void> {
  const queryClient = useQueryClient();
  const { changeLocale } = useLocale();
  return useCallback(
    async (locale: Locale) => {
      const me = queryClient.getQueryData(meQuery.queryKey);
      // the account's language first, so following the account (AppLayout) does not switch back meanwhile
      if (me) queryClient.setQueryData(meQuery.queryKey, (old) => (old ? { ...old, language: locale } : old));
      await changeLocale(locale);
      if (me) {
        try {
          queryClient.setQueryData(meQuery.queryKey, unwrap(await api.PATCH('/api/v1/me', { body: { language: locale } })));
        } catch (error) {
          queryClient.setQueryData(meQuery.queryKey, me);
          throw error;
        }
      }
    },
    [queryClient, changeLocale],
  );
}
