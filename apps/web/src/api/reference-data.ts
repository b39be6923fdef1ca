import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';

/**
 * The agencies and the agenda items: reference data that several screens name things by, read once an hour at
 * most and shared in the query cache under one key each.
 */
export const agenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: async () => unwrap(await api.GET('/api/v1/agencies')).items,
  staleTime: 60 * 60_000,
});

export const agendaItemsQuery = queryOptions({
  queryKey: ['agenda-items'],
  queryFn: async () => unwrap(await api.GET('/api/v1/agenda-items')).items,
  staleTime: 60 * 60_000,
});
