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

/** The export of the current view (every page): a plain link, which the session cookie authenticates (a GET needs no CSRF header). */
export function exportHref(search: CatalogueSearch, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries({ ...filtersOf(search), sort: search.sort }))
    if (value !== undefined) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  return `/api/v1/commitments/export?${params.toString().replace(/%2C/gi, ',')}`;
}
