import { Badge, Paper, Stack, Text } from '@mantine/core';
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
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {requests.map((request) => (
            <ExtensionItem key={request.requestId} request={request} />
          ))}
        </Stack>
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
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <CommitmentLine code={request.code} title={request.title} />
        <Text size="sm">
          {intl.formatMessage(
            { id: 'home.extensions.asked' },
            { date: day(request.requestedAt), dueDate: formatCalendarDate(intl, request.dueDate) },
          )}
        </Text>
        <Text size="sm">{intl.formatMessage({ id: 'home.extensions.reason' }, { reason: request.reason })}</Text>
        <div>
          <Badge variant="light" color={OUTCOME_COLOURS[request.outcome]} radius="sm" tt="none" size="lg">
            {outcome}
          </Badge>
        </div>
        {request.comment && <Text size="sm">{intl.formatMessage({ id: 'home.extensions.comment' }, { comment: request.comment })}</Text>}
      </Stack>
    </Paper>
  );
}
