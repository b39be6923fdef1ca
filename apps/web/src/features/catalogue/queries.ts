import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { filtersOf, type CatalogueFilters, type CatalogueSearch } from './search';

export type Commitment = Schemas['CommitmentResponse'];
export type CommitmentPage = Schemas['CommitmentPageResponse'];
export type Facets = Schemas['CommitmentFacetsResponse'];
/** What the reference data routes answer (their OpenAPI description has no response shape yet). */
export interface Agency {
  code: string;
  name: string;
}
export interface AgendaItem {
  number: number;
  title: string;
}

/** Rows per page: as many as the API gives at once. */
export const PAGE_SIZE = 200;

export const commitmentPageQuery = (search: CatalogueSearch) =>
  queryOptions({
    queryKey: ['commitments', 'page', search],
    queryFn: async (): Promise<CommitmentPage> =>
      unwrap(
        await api.GET('/api/v1/commitments', {
          params: { query: { ...filtersOf(search), sort: search.sort, cursor: search.cursor, limit: PAGE_SIZE } },
        }),
      ),
    // the table stays while the next answer comes, rather than blinking empty at each filter
    placeholderData: keepPreviousData,
  });

export const facetsQuery = (filters: CatalogueFilters) =>
  queryOptions({
    queryKey: ['commitments', 'facets', filters],
    queryFn: async (): Promise<Facets> => unwrap(await api.GET('/api/v1/commitments/facets', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

export const agenciesQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: async () => (unwrap(await api.GET('/api/v1/agencies')) as unknown as { items: Agency[] }).items,
  staleTime: 60 * 60_000,
});

export const agendaItemsQuery = queryOptions({
  queryKey: ['agenda-items'],
  queryFn: async () => (unwrap(await api.GET('/api/v1/agenda-items')) as unknown as { items: AgendaItem[] }).items,
  staleTime: 60 * 60_000,
});
