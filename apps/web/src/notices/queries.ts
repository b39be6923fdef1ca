import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type Notice = Schemas['NotificationResponse'];

/** How often the header asks for the unread count while the app is open (a minute: reminders are daily at most). */
export const UNREAD_REFRESH_MS = 60_000;

/** What the page shows is not asked for again when it mounts just after its route loaded it. */
const FRESH_MS = 30_000;

/** Every query about the signed-in user's notifications starts with this key: marking read refreshes them all. */
const NOTICES = ['me', 'notifications'] as const;

/** The inbox: unread first, then newest first. */
export const inboxQuery = queryOptions({
  queryKey: [...NOTICES, 'inbox'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me/notifications', { params: { query: { limit: 100 } } })),
  staleTime: FRESH_MS,
});

/** The few latest notices, for the home page. */
export const recentNoticesQuery = queryOptions({
  queryKey: [...NOTICES, 'recent'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me/notifications', { params: { query: { limit: 5 } } })),
  staleTime: FRESH_MS,
});

/** How many notices are unread (the header's count), asked again every minute at most. */
export const unreadCountQuery = queryOptions({
  queryKey: [...NOTICES, 'unread'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me/notifications', { params: { query: { unread: true, limit: 1 } } })).unread,
  staleTime: UNREAD_REFRESH_MS,
  refetchInterval: UNREAD_REFRESH_MS,
});

export function useMarkNoticeRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES }),
  });
}

export function useMarkAllNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/me/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES }),
  });
}
