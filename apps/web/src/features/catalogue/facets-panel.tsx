import { Button, Checkbox, Collapse, MultiSelect, Pill, Radio, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { agendaItemTitle } from '../../ui/agenda-item-title';
import type { Agency, AgendaItem, Facets } from './queries';
import { STATUSES, type CatalogueFilters, type CatalogueSearch, type CommitmentStatus } from './search';
import classes from './catalogue.module.css';

interface FacetsPanelProps {
  search: CatalogueSearch;
  facets: Facets | undefined;
  agencies: Agency[];
  agendaItems: AgendaItem[];
  onChange(change: Partial<CatalogueFilters>): void;
  /** Absent when no filter is set. */
  onClear?: () => void;
}

type Counted = Array<{ value: string; count: number }>;

/**
 * The filters, each with how many commitments choosing a value would give (counted with the other filters:
 * see the API's facets). On narrow screens they fold away behind a button, so the results are not pushed far down.
 */
export function FacetsPanel({ search, facets, agencies, agendaItems, onChange, onClear }: FacetsPanelProps) {
  const intl = useIntl();
  // read at once (not after a first paint), so that a narrow screen never shows the open panel for a moment
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const chosen = (['agency', 'lead', 'supporting', 'agendaItem', 'sdgTarget', 'status'] as const).reduce(
    (n, key) => n + (search[key]?.length ?? 0),
    search.overdue === undefined ? 0 : 1,
  );
  const names = new Map(agencies.map((a) => [a.code, a.name]));
  const count = (label: string, n: number) => intl.formatMessage({ id: 'catalogue.facet.option' }, { label, count: n });
  const agencyOptions = (counted: Counted | undefined) =>
    (counted ?? []).map(({ value, count: n }) => ({
      value,
      label: count(
        names.has(value) ? intl.formatMessage({ id: 'catalogue.facet.agencyName' }, { code: value, name: names.get(value) }) : value,
        n,
      ),
    }));
  const statusCounts = new Map<string, number>((facets?.status ?? []).map((f) => [f.value, f.count]));
  const agendaCounts = new Map<number, number>((facets?.agendaItem ?? []).map((f) => [f.value, f.count]));
  const overdueCount = (value: boolean) => facets?.overdue.find((f) => f.value === value)?.count ?? 0;
  const nothing = intl.formatMessage({ id: 'catalogue.facet.nothingFound' });

  const agencySelect = (key: 'agency' | 'lead' | 'supporting', label: string) => (
    <MultiSelect
      label={label}
      placeholder={search[key]?.length ? undefined : intl.formatMessage({ id: 'catalogue.facet.anyAgency' })}
      data={agencyOptions(facets?.[key])}
      value={search[key] ?? []}
      onChange={(values) => onChange({ [key]: values.length ? values : undefined })}
      searchable
      clearable
      nothingFoundMessage={nothing}
      // a chosen agency by its code alone: its name and count are in the list
      renderPill={({ value, onRemove }) => (
        <Pill withRemoveButton onRemove={onRemove}>
          {value}
        </Pill>
      )}
    />
  );

  const panel = (
    <Stack gap="lg">
      {agencySelect('agency', intl.formatMessage({ id: 'catalogue.facet.agency' }))}
      {agencySelect('lead', intl.formatMessage({ id: 'catalogue.facet.lead' }))}
      {agencySelect('supporting', intl.formatMessage({ id: 'catalogue.facet.supporting' }))}
      <Checkbox.Group
        label={intl.formatMessage({ id: 'catalogue.facet.status' })}
        value={search.status ?? []}
        onChange={(values) => onChange({ status: values.length ? (values as CommitmentStatus[]) : undefined })}
      >
        <Stack gap={6} mt={6}>
          {STATUSES.map((status) => (
            <Checkbox
              key={status}
              value={status}
              label={count(intl.formatMessage({ id: `catalogue.status.${status}` }), statusCounts.get(status) ?? 0)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Radio.Group
        label={intl.formatMessage({ id: 'catalogue.facet.overdue' })}
        value={search.overdue === undefined ? 'any' : String(search.overdue)}
        onChange={(value) => onChange({ overdue: value === 'any' ? undefined : value === 'true' })}
      >
        <Stack gap={6} mt={6}>
          <Radio value="any" label={intl.formatMessage({ id: 'catalogue.overdue.any' })} />
          <Radio value="true" label={count(intl.formatMessage({ id: 'catalogue.overdue.yes' }), overdueCount(true))} />
          <Radio value="false" label={count(intl.formatMessage({ id: 'catalogue.overdue.no' }), overdueCount(false))} />
        </Stack>
      </Radio.Group>
      <Checkbox.Group
        label={intl.formatMessage({ id: 'catalogue.facet.agendaItem' })}
        value={(search.agendaItem ?? []).map(String)}
        onChange={(values) => onChange({ agendaItem: values.length ? values.map(Number).sort((a, b) => a - b) : undefined })}
      >
        <Stack gap={6} mt={6}>
          {agendaItems.map((item) => (
            <Checkbox
              key={item.number}
              value={String(item.number)}
              label={count(
                intl.formatMessage(
                  { id: 'catalogue.facet.agendaItemName' },
                  { number: item.number, title: agendaItemTitle(intl, item.number, item.title) },
                ),
                agendaCounts.get(item.number) ?? 0,
              )}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <MultiSelect
        label={intl.formatMessage({ id: 'catalogue.facet.sdgTarget' })}
        placeholder={search.sdgTarget?.length ? undefined : intl.formatMessage({ id: 'catalogue.facet.anyTarget' })}
        data={(facets?.sdgTarget ?? []).map(({ value, count: n }) => ({ value, label: count(value, n) }))}
        value={search.sdgTarget ?? []}
        onChange={(values) => onChange({ sdgTarget: values.length ? values : undefined })}
        searchable
        clearable
        nothingFoundMessage={nothing}
      />
      {onClear && (
        <Button variant="default" onClick={onClear}>
          {intl.formatMessage({ id: 'catalogue.filters.clear' })}
        </Button>
      )}
    </Stack>
  );

  return (
    <section aria-labelledby={headingId} className={classes.facets}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {intl.formatMessage({ id: 'catalogue.filters.title' })}
      </Title>
      {wide ? (
        panel
      ) : (
        <>
          <Button variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={panelId} mb="sm">
            {intl.formatMessage({ id: open ? 'catalogue.filters.hide' : 'catalogue.filters.show' }, { count: chosen })}
          </Button>
          <Collapse expanded={open} id={panelId}>
            {panel}
          </Collapse>
        </>
      )}
    </section>
  );
}
