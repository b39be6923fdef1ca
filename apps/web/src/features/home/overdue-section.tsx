import { Stack, Text } from '@mantine/core';
import classes from './home-page.module.css';
import { useIntl } from 'react-intl';
import { AppLink } from '../../ui/app-link';
import { formatCalendarDate } from '../../ui/calendar-date';
import { CommitmentLine } from './commitment-line';
import { Section } from '../../ui/section';
import { cataloguePage, type Agenda, type OverdueCommitment } from './queries';

/** What is overdue, each with the reason in words; the whole system's when the reader has no agency. */
export function OverdueSection({ agency, overdue }: { agency: string | null; overdue: Agenda['overdue'] }) {
  const intl = useIntl();
  const summary =
    overdue.total === 0
      ? agency
        ? intl.formatMessage({ id: 'home.overdue.none' }, { agency })
        : intl.formatMessage({ id: 'home.overdue.noneAll' })
      : agency
        ? intl.formatMessage({ id: 'home.overdue.summary' }, { agency, count: overdue.total })
        : intl.formatMessage({ id: 'home.overdue.summaryAll' }, { count: overdue.total });
  return (
    <Section title={intl.formatMessage({ id: 'home.overdue.title' })}>
      <Stack gap="sm">
        <Text>{summary}</Text>
        {overdue.items.length > 0 && (
          <ul className={`${classes.list} ${classes.compact}`} aria-label={intl.formatMessage({ id: 'home.overdue.list' })}>
            {overdue.items.map((item) => (
              <OverdueItem key={item.code} item={item} showLead={item.leadAgency !== agency} reportYear={overdue.reportYear} />
            ))}
          </ul>
        )}
        {overdue.total > overdue.items.length && (
          <AppLink href={cataloguePage({ lead: agency ?? undefined, overdue: true })} fw={600}>
            {intl.formatMessage({ id: 'home.overdue.seeAll' }, { count: overdue.total })}
          </AppLink>
        )}
      </Stack>
    </Section>
  );
}

function OverdueItem({ item, showLead, reportYear }: { item: OverdueCommitment; showLead: boolean; reportYear: number | null }) {
  const intl = useIntl();
  const reasons = item.overdueReasons.map((reason) =>
    reason === 'due_date_passed'
      ? intl.formatMessage(
          { id: 'home.overdue.reason.due_date_passed' },
          { date: item.dueDate ? formatCalendarDate(intl, item.dueDate) : '' },
        )
      : intl.formatMessage({ id: 'home.overdue.reason.report_missing' }, { year: String(reportYear ?? '') }),
  );
  return (
    <li className={classes.item}>
      <CommitmentLine code={item.code} title={item.title} />
      {showLead && <p className={classes.meta}>{intl.formatMessage({ id: 'home.overdue.ledBy' }, { agency: item.leadAgency })}</p>}
      <p className={classes.note}>
        {intl.formatMessage({ id: 'home.overdue.why' }, { reasons: intl.formatList(reasons, { type: 'conjunction' }) })}
      </p>
    </li>
  );
}
