import { Anchor, Button, Grid, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { PageTitle } from '../../ui/page-title';
import { ProblemAlert } from '../../ui/problem-alert';
import { FacetsPanel } from './facets-panel';
import { agenciesQuery, agendaItemsQuery, commitmentPageQuery, facetsQuery, PAGE_SIZE } from './queries';
import { ResultsTable } from './results-table';
import {
  exportHref,
  filtersOf,
  hasFacetFilters,
  SORT_FIELDS,
  withoutFacetFilters,
  type CatalogueFilters,
  type CatalogueSearch,
  type CatalogueSort,
} from './search';
import classes from './catalogue.module.css';

const route = getRouteApi('/signed-in/commitments');

/** The message of each order in the "Sort by" menu. */
const SORT_LABELS = {
  code: 'catalogue.sort.code',
  '-code': 'catalogue.sort.codeDesc',
  title: 'catalogue.sort.title',
  '-title': 'catalogue.sort.titleDesc',
  lead: 'catalogue.sort.lead',
  '-lead': 'catalogue.sort.leadDesc',
  status: 'catalogue.sort.status',
  '-status': 'catalogue.sort.statusDesc',
  dueDate: 'catalogue.sort.dueDate',
  '-dueDate': 'catalogue.sort.dueDateDesc',
} as const satisfies Record<CatalogueSort, string>;

/**
 * The catalogue: every commitment, searched, filtered by facets with counts, sorted, a page of 200 at a time,
 * and downloaded as it is shown. Everything it shows is in the URL, so a view is a link that survives a reload.
 */
export function CataloguePage() {
  const intl = useIntl();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters = filtersOf(search);
  const page = useQuery(commitmentPageQuery(search));
  const facets = useQuery(facetsQuery(filters));
  const agencies = useQuery(agenciesQuery);
  const agendaItems = useQuery(agendaItemsQuery);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  /** A new view: filters or order changed, so back to its first page. */
  const show = useCallback(
    (change: Partial<CatalogueSearch>) =>
      void navigate({ search: (previous) => ({ ...previous, ...change, cursor: undefined, page: undefined }) }),
    [navigate],
  );
  const changeFilter = useCallback((change: Partial<CatalogueFilters>) => show(change), [show]);
  const changeSort = useCallback((sort: CatalogueSort) => show({ sort: sort === 'code' ? undefined : sort }), [show]);

  const goToPage = (cursor: string | undefined, number: number | undefined) => {
    void navigate({ search: (previous) => ({ ...previous, cursor, page: number }) });
    resultsHeading.current?.focus();
  };

  const sort = search.sort ?? 'code';
  const data = page.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const pageNumber = search.page ?? 1;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{intl.formatMessage({ id: 'catalogue.title' })}</PageTitle>
        <Text maw="48rem">{intl.formatMessage({ id: 'catalogue.intro' })}</Text>
      </div>
      <SearchForm value={search.q ?? ''} onSearch={(q) => changeFilter({ q: q || undefined })} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <FacetsPanel
            search={search}
            facets={facets.data}
            agencies={agencies.data ?? []}
            agendaItems={agendaItems.data ?? []}
            onChange={changeFilter}
            onClear={hasFacetFilters(search) ? () => show(withoutFacetFilters) : undefined}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
              <div>
                <Title order={2} size="h3" ref={resultsHeading} tabIndex={-1} className={classes.resultsHeading}>
                  {intl.formatMessage({ id: 'catalogue.results' })}
                </Title>
                {/* announced after each change of filter: how many commitments the view has now */}
                <Group gap="xs" role="status" aria-live="polite" aria-atomic="true">
                  <Text fw={600} size="lg">
                    {data ? intl.formatMessage({ id: 'catalogue.total' }, { count: data.total }) : ''}
                  </Text>
                  {data && data.total > PAGE_SIZE && (
                    <Text c="dimmed">{intl.formatMessage({ id: 'catalogue.page' }, { page: pageNumber, pages })}</Text>
                  )}
                </Group>
              </div>
              <NativeSelect
                label={intl.formatMessage({ id: 'catalogue.sort.label' })}
                value={sort}
                onChange={(event) => changeSort(event.currentTarget.value as CatalogueSort)}
                data={SORT_FIELDS.flatMap((field) =>
                  [field, `-${field}` as const].map((value) => ({ value, label: intl.formatMessage({ id: SORT_LABELS[value] }) })),
                )}
              />
            </Group>
            {page.isError && <ProblemAlert error={page.error} />}
            {data && data.total === 0 && <Text>{intl.formatMessage({ id: 'catalogue.empty' })}</Text>}
            {data && data.items.length > 0 && (
              <ResultsTable items={data.items} sort={sort} onSort={changeSort} busy={page.isPlaceholderData && page.isFetching} />
            )}
            {page.isFetching && (
              <Group gap="xs" c="dimmed" aria-hidden>
                <Loader size="xs" />
                <Text size="sm">{intl.formatMessage({ id: 'catalogue.loading' })}</Text>
              </Group>
            )}
            <Group gap="sm">
              {search.cursor && (
                <Button variant="default" onClick={() => goToPage(undefined, undefined)}>
                  {intl.formatMessage({ id: 'catalogue.first' })}
                </Button>
              )}
              {data?.nextCursor && (
                <Button onClick={() => goToPage(data.nextCursor ?? undefined, pageNumber + 1)}>
                  {intl.formatMessage({ id: 'catalogue.next' })}
                </Button>
              )}
            </Group>
            {data && data.total > 0 && <ExportLinks search={search} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A search box that searches when submitted (Enter or the button), not at each key: one announcement per search. */
function SearchForm({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const intl = useIntl();
  const [text, setText] = useState(value);
  // the URL changed under it (back button, "clear all filters"): show what is searched now
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          label={intl.formatMessage({ id: 'catalogue.search.label' })}
          description={intl.formatMessage({ id: 'catalogue.search.help' })}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={200}
          style={{ flex: '1 1 18rem', maxWidth: '36rem' }}
        />
        <Button type="submit">{intl.formatMessage({ id: 'catalogue.search.submit' })}</Button>
      </Group>
    </form>
  );
}

/** Downloads of the whole view (every page, in this order): plain links, authenticated by the session cookie. */
function ExportLinks({ search }: { search: CatalogueSearch }) {
  const intl = useIntl();
  const id = useId();
  return (
    <section aria-labelledby={id} className={classes.export}>
      <Title order={2} size="h4" id={id}>
        {intl.formatMessage({ id: 'catalogue.export.title' })}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {intl.formatMessage({ id: 'catalogue.export.help' })}
      </Text>
      <Group gap="lg">
        <Anchor href={exportHref(search, 'csv')}>{intl.formatMessage({ id: 'catalogue.export.csv' })}</Anchor>
        <Anchor href={exportHref(search, 'xlsx')}>{intl.formatMessage({ id: 'catalogue.export.xlsx' })}</Anchor>
      </Group>
    </section>
  );
}
