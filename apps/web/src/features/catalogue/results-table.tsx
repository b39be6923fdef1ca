import { UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { memo, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../i18n/catalogue';
import type { Commitment } from './queries';
import type { CatalogueSort, SortField } from './search';
import classes from './catalogue.module.css';

/** What a sortable header shows of its order (aria-sort says it in words). */
const MARKS = { ascending: '▲', descending: '▼', none: '↕' };

interface ResultsTableProps {
  items: Commitment[];
  sort: CatalogueSort;
  onSort(sort: CatalogueSort): void;
  /** The next answer is on its way (the rows are the previous view's). */
  busy: boolean;
}

/**
 * One page of commitments as a table that scrolls sideways inside its own labelled region on narrow screens
 * (the page itself never does). Sortable headers are buttons, and say their order with aria-sort. Rows are
 * plain and memoised, so 200 of them render at once and a change of filter re-renders only what changed.
 */
export function ResultsTable({ items, sort, onSort, busy }: ResultsTableProps) {
  const intl = useIntl();
  const field = (sort.startsWith('-') ? sort.slice(1) : sort) as SortField;
  const descending = sort.startsWith('-');
  // one formatter for every row: the due date is a calendar day, shown in the reader's language
  const formatDay = useMemo(() => {
    const format = new Intl.DateTimeFormat(intl.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  }, [intl.locale]);

  const header = (column: SortField, message: MessageId) => {
    const active = field === column;
    const next: CatalogueSort = active && !descending ? `-${column}` : column;
    return (
      <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined} className={classes.th}>
        <UnstyledButton onClick={() => onSort(next)} className={classes.sortButton}>
          {intl.formatMessage({ id: message })}
          <span aria-hidden className={classes.sortMark}>
            {active ? (descending ? MARKS.descending : MARKS.ascending) : MARKS.none}
          </span>
        </UnstyledButton>
      </th>
    );
  };

  return (
    <div
      className={classes.tableRegion}
      role="region"
      aria-label={intl.formatMessage({ id: 'catalogue.table.label' })}
      aria-busy={busy || undefined}
      // keyboard users can scroll it sideways
      tabIndex={0}
    >
      <table className={classes.table}>
        <thead>
          <tr>
            {header('code', 'catalogue.column.code')}
            {header('title', 'catalogue.column.title')}
            {header('lead', 'catalogue.column.lead')}
            {header('status', 'catalogue.column.status')}
            {header('dueDate', 'catalogue.column.dueDate')}
            <th scope="col" className={classes.th}>
              {intl.formatMessage({ id: 'catalogue.column.overdue' })}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <Row key={item.code} item={item} formatDay={formatDay} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const Row = memo(function Row({ item, formatDay }: { item: Commitment; formatDay: (day: string) => string }) {
  const intl = useIntl();
  // plain elements: a Mantine component per cell made a page of 200 rows several times slower to render
  return (
    <tr>
      <td className={classes.code}>
        {/* a router link: the commitment page opens without reloading the app (and is preloaded on intent) */}
        <Link to="/commitments/$code" params={{ code: item.code }} className={classes.link}>
          {item.code}
        </Link>
      </td>
      <td className={classes.title}>{item.title}</td>
      <td>{item.leadAgency}</td>
      <td>
        <span className={classes.status} data-status={item.status}>
          {intl.formatMessage({ id: `catalogue.status.${item.status}` })}
        </span>
      </td>
      <td className={classes.nowrap}>{item.dueDate ? formatDay(item.dueDate) : intl.formatMessage({ id: 'catalogue.dueDate.none' })}</td>
      <td>
        {item.overdue ? (
          <span className={classes.overdue}>
            {intl.formatMessage(
              { id: 'catalogue.overdue.marker' },
              {
                reasons: intl.formatList(
                  item.overdueReasons.map((reason) => intl.formatMessage({ id: `catalogue.overdue.reason.${reason}` })),
                  { type: 'conjunction' },
                ),
              },
            )}
          </span>
        ) : (
          <span className={classes.dimmed}>{intl.formatMessage({ id: 'catalogue.overdue.none' })}</span>
        )}
      </td>
    </tr>
  );
});
