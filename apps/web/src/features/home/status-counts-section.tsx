import { Stack, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { AppLink } from '../../ui/app-link';
import { Section } from '../../ui/section';
import { cataloguePage, STATUSES, type StatusTally } from './queries';

/** What the agency leads (or supports), by status: each count links to the catalogue, filtered. */
export function StatusCountsSection({ agency, relation, counts }: { agency: string; relation: 'lead' | 'supported'; counts: StatusTally }) {
  const intl = useIntl();
  const total = STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const filter = relation === 'lead' ? { lead: agency } : { supporting: agency };
  return (
    <Section title={intl.formatMessage({ id: relation === 'lead' ? 'home.counts.lead' : 'home.counts.supported' }, { agency })}>
      {total === 0 ? (
        <Text>{intl.formatMessage({ id: 'home.counts.none' })}</Text>
      ) : (
        <Stack gap="xs">
          <Stack
            component="ul"
            gap={4}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={intl.formatMessage({ id: relation === 'lead' ? 'home.counts.leadList' : 'home.counts.supportedList' }, { agency })}
          >
            {STATUSES.filter((status) => counts[status] > 0).map((status) => (
              <li key={status}>
                <AppLink href={cataloguePage({ ...filter, status })}>
                  {intl.formatMessage(
                    { id: 'home.counts.status' },
                    { status: intl.formatMessage({ id: `home.status.${status}` }), count: intl.formatNumber(counts[status]) },
                  )}
                </AppLink>
              </li>
            ))}
          </Stack>
          <AppLink href={cataloguePage(filter)} fw={600}>
            {intl.formatMessage({ id: 'home.counts.all' }, { count: total })}
          </AppLink>
        </Stack>
      )}
    </Section>
  );
}
