import { Badge, Text } from '@mantine/core';
import classes from './home-page.module.css';
import { useIntl } from 'react-intl';
import { formatCalendarDate } from '../../ui/calendar-date';
import { CommitmentLine } from './commitment-line';
import { Section } from '../../ui/section';
import type { ExtensionRequest } from './queries';

const OUTCOME_COLOURS = { pending: 'gray', approved: 'green', declined: 'red' } as const;

/** The agency's extension requests: those waiting for a coordinator, then those decided in the last year, with the outcome. */
export function ExtensionsSection({ requests }: { requests: ExtensionRequest[] }) {
  const intl = useIntl();
  return (
    <Section title={intl.formatMessage({ id: 'home.extensions.title' })}>
      {requests.length === 0 ? (
        <Text>{intl.formatMessage({ id: 'home.extensions.none' })}</Text>
      ) : (
        <ul className={`${classes.list} ${classes.compact}`}>
          {requests.map((request) => (
            <ExtensionItem key={request.requestId} request={request} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function ExtensionItem({ request }: { request: ExtensionRequest }) {
  const intl = useIntl();
  const day = (instant: string) => intl.formatDate(instant, { dateStyle: 'long' });
  const outcome = intl.formatMessage(
    { id: `home.extensions.outcome.${request.outcome}` },
    { date: request.decidedAt ? day(request.decidedAt) : '', dueDate: formatCalendarDate(intl, request.dueDate) },
  );
  return (
    <li className={classes.item}>
      <CommitmentLine code={request.code} title={request.title} />
      <p className={classes.note}>
        {intl.formatMessage(
          { id: 'home.extensions.asked' },
          { date: day(request.requestedAt), dueDate: formatCalendarDate(intl, request.dueDate) },
        )}
      </p>
      <p className={classes.note}>{intl.formatMessage({ id: 'home.extensions.reason' }, { reason: request.reason })}</p>
      <Badge variant="light" color={OUTCOME_COLOURS[request.outcome]} radius="sm" tt="none" size="lg" mt={6}>
        {outcome}
      </Badge>
      {request.comment && (
        <p className={classes.note}>{intl.formatMessage({ id: 'home.extensions.comment' }, { comment: request.comment })}</p>
      )}
    </li>
  );
}
