import { Badge, Group, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { User } from '../../api/client';
import { useMe } from '../../session/session';
import { PageTitle } from '../../ui/page-title';
import { Section } from '../../ui/section';
import { currentCycle, reportingCyclesQuery, type ReportingCycle } from './queries';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first page after sign-in: who is signed in and the reporting cycle. (What the agency owes comes next.) */
export function HomePage() {
  const intl = useIntl();
  const me = useMe();
  const { data: cycles } = useSuspenseQuery(reportingCyclesQuery);
  if (!me) return null;
  const cycle = currentCycle(cycles, Date.now());
  return (
    <Stack gap="lg">
      <PageTitle>{intl.formatMessage({ id: 'home.title' }, { name: me.name })}</PageTitle>
      <Group gap="sm">
        <Text>{intl.formatMessage({ id: 'home.signedInAs' }, { email: me.email })}</Text>
        <Badge variant="light" color="unBlue" size="lg" radius="sm" tt="none">
          <RoleText user={me} />
        </Badge>
      </Group>
      <Section title={intl.formatMessage({ id: 'home.cycle.title' })}>
        {cycle ? <CycleSummary cycle={cycle} /> : <Text>{intl.formatMessage({ id: 'home.cycle.none' })}</Text>}
      </Section>
      <Text c="gray.7">{intl.formatMessage({ id: 'home.next' })}</Text>
    </Stack>
  );
}

function RoleText({ user }: { user: User }) {
  const intl = useIntl();
  if (user.role === 'focal_point' && user.agency) return <>{intl.formatMessage({ id: 'role.focalPointOf' }, { agency: user.agency })}</>;
  return <>{intl.formatMessage({ id: `role.${user.role}` })}</>;
}

function CycleSummary({ cycle }: { cycle: ReportingCycle }) {
  const intl = useIntl();
  const now = Date.now();
  const deadline = Date.parse(cycle.deadline);
  const opensAt = Date.parse(cycle.opensAt);
  // dates in the reader's own time zone and language
  const when = (instant: number) => intl.formatDate(instant, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <Stack gap="xs">
      <Text fw={600} size="lg">
        {intl.formatMessage({ id: 'home.cycle.year' }, { year: String(cycle.year) })}
      </Text>
      {opensAt > now && <Text>{intl.formatMessage({ id: 'home.cycle.opens' }, { date: when(opensAt) })}</Text>}
      <Text>{intl.formatMessage({ id: 'home.cycle.deadline' }, { deadline: when(deadline) })}</Text>
      <Text fw={600}>
        {deadline < now
          ? intl.formatMessage({ id: 'home.cycle.passed' })
          : intl.formatMessage({ id: 'home.cycle.daysLeft' }, { days: Math.floor((deadline - now) / DAY_MS) })}
      </Text>
    </Stack>
  );
}
