import { Badge, DataList, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { Section } from '../../ui/section';
import { agendaItemTitle } from '../../ui/agenda-item-title';
import { agenciesQuery, agendaItemsQuery, type Commitment, type Status } from './queries';
import { useDates, useStatusName } from './wording';

const STATUS_COLOURS: Record<Status, string> = {
  proposed: 'gray',
  accepted: 'unBlue',
  in_progress: 'unBlue',
  under_review: 'orange',
  completed: 'green',
  discontinued: 'dark',
};

/** The status as a badge and in a sentence, the due date (and the original one if it moved), why it is overdue. */
export function StatusSummary({ commitment }: { commitment: Commitment }) {
  const intl = useIntl();
  const statusName = useStatusName();
  const { day } = useDates();
  const extended = commitment.dueDate !== null && commitment.originalDueDate !== null && commitment.originalDueDate !== commitment.dueDate;
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Badge color={STATUS_COLOURS[commitment.status] ?? 'gray'} variant="light" size="lg" radius="sm" tt="none">
          {statusName(commitment.status)}
        </Badge>
        {commitment.overdue && (
          <Badge color="red" variant="light" size="lg" radius="sm" tt="none">
            {intl.formatMessage({ id: 'commitment.overdue' })}
          </Badge>
        )}
      </Group>
      <Text>{intl.formatMessage({ id: 'commitment.statusMeaning' }, { status: commitment.status })}</Text>
      <Text fw={600}>
        {commitment.dueDate
          ? intl.formatMessage({ id: 'commitment.due' }, { dueDate: day(commitment.dueDate) })
          : intl.formatMessage({ id: 'commitment.noDueDate' })}
      </Text>
      {extended && <Text>{intl.formatMessage({ id: 'commitment.originallyDue' }, { dueDate: day(commitment.originalDueDate!) })}</Text>}
      {commitment.overdueReasons.map((reason) => (
        <Text key={reason} c="red.9">
          {intl.formatMessage({ id: 'commitment.overdueReason' }, { reason })}
        </Text>
      ))}
      {commitment.pendingExtension && (
        <Text>
          {intl.formatMessage(
            { id: 'commitment.pendingExtension' },
            { dueDate: day(commitment.pendingExtension.dueDate), reason: commitment.pendingExtension.reason },
          )}
        </Text>
      )}
    </Stack>
  );
}

/** What the commitment says, where it comes from, whose it is, and what it is linked to. */
export function DetailsSection({ commitment }: { commitment: Commitment }) {
  const intl = useIntl();
  const agencies = useQuery(agenciesQuery);
  const agendaItems = useQuery(agendaItemsQuery);
  const agencyName = (code: string) => {
    const name = agencies.data?.find((a) => a.code === code)?.name;
    return name ? intl.formatMessage({ id: 'commitment.agencyNamed' }, { name, code }) : code;
  };
  const none = intl.formatMessage({ id: 'commitment.none' });
  return (
    <Section title={intl.formatMessage({ id: 'commitment.details.title' })}>
      <Stack gap="md">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{commitment.text}</Text>
        <DataList orientation="vertical" gap="md" withDivider>
          <DataList.Item>
            <DataList.ItemLabel>{intl.formatMessage({ id: 'commitment.details.kind' })}</DataList.ItemLabel>
            <DataList.ItemValue>
              {intl.formatMessage({ id: 'commitment.kind' }, { kind: commitment.kind.replace(/-/g, '_') })}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{intl.formatMessage({ id: 'commitment.details.source' })}</DataList.ItemLabel>
            <DataList.ItemValue>{commitment.source}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{intl.formatMessage({ id: 'commitment.details.lead' })}</DataList.ItemLabel>
            <DataList.ItemValue>{agencyName(commitment.leadAgency)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>
              {intl.formatMessage({ id: 'commitment.details.supporting' }, { count: commitment.supportingAgencies.length })}
            </DataList.ItemLabel>
            <DataList.ItemValue>
              {commitment.supportingAgencies.length === 0 ? (
                none
              ) : (
                <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {commitment.supportingAgencies.map((code) => (
                    <li key={code}>{agencyName(code)}</li>
                  ))}
                </Stack>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>
              {intl.formatMessage({ id: 'commitment.details.agendaItems' }, { count: commitment.agendaItems.length })}
            </DataList.ItemLabel>
            <DataList.ItemValue>
              {commitment.agendaItems.length === 0 ? (
                none
              ) : (
                <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {commitment.agendaItems.map((number) => (
                    <li key={number}>
                      {intl.formatMessage(
                        { id: 'commitment.agendaItem' },
                        {
                          number,
                          title: agendaItemTitle(intl, number, agendaItems.data?.find((item) => item.number === number)?.title ?? ''),
                        },
                      )}
                    </li>
                  ))}
                </Stack>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>
              {intl.formatMessage({ id: 'commitment.details.sdgTargets' }, { count: commitment.sdgTargets.length })}
            </DataList.ItemLabel>
            <DataList.ItemValue>{commitment.sdgTargets.length === 0 ? none : intl.formatList(commitment.sdgTargets)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Stack>
    </Section>
  );
}
