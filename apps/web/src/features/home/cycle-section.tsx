import { Stack, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { Section } from '../../ui/section';
import type { AgendaCycle } from './queries';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reporting cycle: its deadline in the reader's own time zone, the days left, and in one sentence what the agency owes. */
export function CycleSection({ cycle, owed }: { cycle: AgendaCycle | null; owed: { agency: string; total: number } | null }) {
  const intl = useIntl();
  return (
    <Section title={intl.formatMessage({ id: 'home.cycle.title' })}>
      {cycle ? <CycleSummary cycle={cycle} owed={owed} /> : <Text>{intl.formatMessage({ id: 'home.cycle.none' })}</Text>}
    </Section>
  );
}

function CycleSummary({ cycle, owed }: { cycle: AgendaCycle; owed: { agency: string; total: number } | null }) {
  const intl = useIntl();
  const now = Date.now();
  const deadline = Date.parse(cycle.deadline);
  const opensAt = Date.parse(cycle.opensAt);
  // dates in the reader's own time zone and language, the zone named (dateStyle cannot be combined with it)
  const when = (instant: number) =>
    intl.formatDate(instant, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
  const year = String(cycle.year);
  const passed = deadline < now;
  return (
    <Stack gap="xs">
      <Text fw={600} size="lg">
        {intl.formatMessage({ id: 'home.cycle.year' }, { year })}
      </Text>
      {opensAt > now && <Text>{intl.formatMessage({ id: 'home.cycle.opens' }, { date: when(opensAt) })}</Text>}
      <Text>{intl.formatMessage({ id: 'home.cycle.deadline' }, { deadline: when(deadline) })}</Text>
      <Text fw={600}>
        {passed
          ? intl.formatMessage({ id: 'home.cycle.passed' })
          : intl.formatMessage({ id: 'home.cycle.daysLeft' }, { days: Math.floor((deadline - now) / DAY_MS) })}
      </Text>
      {owed && (
        <Text>
          {owed.total === 0
            ? intl.formatMessage({ id: 'home.owes.none' }, { agency: owed.agency, year })
            : passed
              ? intl.formatMessage({ id: 'home.owes.summaryLate' }, { agency: owed.agency, count: owed.total, year })
              : intl.formatMessage(
                  { id: 'home.owes.summary' },
                  { agency: owed.agency, count: owed.total, year, deadline: intl.formatDate(deadline, { dateStyle: 'long' }) },
                )}
        </Text>
      )}
    </Stack>
  );
}
