import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import classes from './home-page.module.css';
import { useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFollowInApp } from '../../ui/app-link';
import { formatCalendarDate } from '../../ui/calendar-date';
import { CommitmentLine } from './commitment-line';
import { useProblemText } from '../../ui/problem-alert';
import { commitmentPage, useReportNoChange, type Agenda, type OwedReport } from './queries';

/** How many are listed at first: the rest a click away (an agency can lead a few hundred). */
const FIRST = 10;

/**
 * What the agency still owes for the cycle, each with "Report progress" (the commitment's page, its report form
 * open) and "No change since the last report" (recorded here: the item leaves the list, and the status region
 * says so).
 */
export function OwedSection({ agency, year, owed }: { agency: string; year: number; owed: Agenda['owed'] }) {
  const intl = useIntl();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [showAll, setShowAll] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const items = showAll ? owed.items : owed.items.slice(0, FIRST);
  const hidden = owed.items.length - items.length;

  /** After one leaves the list, the focus goes to the next one's "No change" (or the section title): never lost. */
  const recorded = (code: string) => {
    setAnnouncement(intl.formatMessage({ id: 'home.owes.noChangeDone' }, { code, year: String(year) }));
    const index = items.findIndex((item) => item.code === code);
    const next = items[index + 1] ?? items[index - 1];
    requestAnimationFrame(() => {
      const target = next && document.getElementById(noChangeId(next.code));
      (target ?? headingRef.current)?.focus();
    });
  };

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p={{ base: 'md', sm: 'lg' }} radius="sm">
      <Title order={2} id={titleId} size="h3" mb="sm" ref={headingRef} tabIndex={-1}>
        {intl.formatMessage({ id: 'home.owes.title' }, { year: String(year) })}
      </Title>
      {/* always in the page, so that what it says is announced when it changes */}
      <div role="status">
        {announcement && (
          <Alert variant="light" color="green" mb="sm">
            {announcement}
          </Alert>
        )}
      </div>
      {owed.total === 0 ? (
        <Text>{intl.formatMessage({ id: 'home.owes.none' }, { agency, year: String(year) })}</Text>
      ) : (
        <Stack gap="sm">
          <Text>{intl.formatMessage({ id: 'home.owes.help' })}</Text>
          <ul className={classes.list} aria-label={intl.formatMessage({ id: 'home.owes.list' }, { year: String(year) })}>
            {items.map((item) => (
              <OwedItem key={item.code} item={item} year={year} onRecorded={recorded} />
            ))}
          </ul>
          {hidden > 0 && (
            <Button
              variant="default"
              onClick={() => setShowAll(true)}
              style={{ alignSelf: 'flex-start' }}
              classNames={{ root: classes.buttonRoot, label: classes.buttonLabel }}
            >
              {intl.formatMessage({ id: 'home.owes.showMore' }, { count: hidden })}
            </Button>
          )}
          {owed.total > owed.items.length && (
            <Text size="sm" c="dimmed">
              {intl.formatMessage({ id: 'home.owes.truncated' }, { shown: owed.items.length })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

const noChangeId = (code: string) => `no-change-${code}`;

function OwedItem({ item, year, onRecorded }: { item: OwedReport; year: number; onRecorded: (code: string) => void }) {
  const intl = useIntl();
  const follow = useFollowInApp();
  const problemText = useProblemText();
  const noChange = useReportNoChange();
  const report = commitmentPage(item.code, 'report');
  return (
    <li className={`${classes.item} ${classes.owed}`}>
      <CommitmentLine code={item.code} title={item.title} />
      <p className={classes.meta}>
        <span>
          {item.lastReportPeriod
            ? intl.formatMessage({ id: 'home.owes.lastReport' }, { year: String(item.lastReportPeriod) })
            : intl.formatMessage({ id: 'home.owes.neverReported' })}
        </span>
        {item.dueDate && <span>{intl.formatMessage({ id: 'home.owes.due' }, { date: formatCalendarDate(intl, item.dueDate) })}</span>}
      </p>
      <div className={classes.actions}>
        <Button
          component="a"
          href={report}
          onClick={follow(report)}
          size="sm"
          classNames={{ root: classes.buttonRoot, label: classes.buttonLabel }}
          aria-label={intl.formatMessage({ id: 'home.owes.reportNamed' }, { code: item.code })}
        >
          {intl.formatMessage({ id: 'home.owes.report' })}
        </Button>
        <Button
          id={noChangeId(item.code)}
          variant="default"
          size="sm"
          classNames={{ root: classes.buttonRoot, label: classes.buttonLabel }}
          loading={noChange.isPending}
          aria-label={intl.formatMessage({ id: 'home.owes.noChangeNamed' }, { code: item.code })}
          onClick={() => noChange.mutate({ code: item.code, year }, { onSuccess: () => onRecorded(item.code) })}
        >
          {intl.formatMessage({ id: 'home.owes.noChange' })}
        </Button>
      </div>
      {noChange.isError && (
        <p role="alert" className={classes.note} style={{ color: 'var(--mantine-color-error)' }}>
          {intl.formatMessage({ id: 'home.owes.noChangeFailed' }, { code: item.code, problem: problemText(noChange.error) })}
        </p>
      )}
    </li>
  );
}
