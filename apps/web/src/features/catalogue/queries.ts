import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { filtersOf, type CatalogueFilters, type CatalogueSearch } from './search';

export type Commitment = Schemas['CommitmentResponse'];
export type CommitmentPage = Schemas['CommitmentPageResponse'];
export type Facets = Schemas['CommitmentFacetsResponse'];
export type Agency = Schemas['AgencyResponse'];
export type AgendaItem = Schemas['AgendaItemResponse'];

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

export { agenciesQuery, agendaItemsQuery } from '../../api/reference-data';
