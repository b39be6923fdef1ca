import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useIntl } from 'react-intl';
import type { User } from '../../api/client';
import { useMe } from '../../session/session';
import { PageTitle } from '../../ui/page-title';
import { CycleSection } from './cycle-section';
import { ExtensionsSection } from './extensions-section';
import { NoticesSection } from './notices-section';
import { OverdueSection } from './overdue-section';
import { OwedSection } from './owed-section';
import { agendaQuery } from './queries';
import { StatusCountsSection } from './status-counts-section';
import { SystemSection } from './system-section';

/**
 * The first page after sign-in. For a focal point: the reporting cycle and what the agency still owes for it
 * (with "no change" in one click), what it leads and supports, what is overdue and why, its extension requests,
 * the latest notices. Without an agency (coordinators, viewers, admins): the cycle, the system's overdue work and
 * the way to the lists.
 */
export function HomePage() {
  const intl = useIntl();
  const me = useMe();
  const { data: agenda } = useSuspenseQuery(agendaQuery);
  // what comes below the cycle and the list of what is owed is rendered just after, in the background (in
  // slices), so that the top of the page shows sooner on a slow phone
  const showTheRest = useDeferredValue(true, false);
  if (!me) return null;
  const agency = agenda.agency;
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{intl.formatMessage({ id: 'home.title' }, { name: me.name })}</PageTitle>
        <Group gap="sm" mt="-sm">
          <Text>{intl.formatMessage({ id: 'home.signedInAs' }, { email: me.email })}</Text>
          <Badge variant="light" color="unBlue" size="lg" radius="sm" tt="none">
            <RoleText user={me} />
          </Badge>
        </Group>
      </div>
      <CycleSection cycle={agenda.cycle} owed={agency ? { agency, total: agenda.owed.total } : null} />
      {agency && agenda.cycle && <OwedSection agency={agency} year={agenda.cycle.year} owed={agenda.owed} />}
      {showTheRest && (
        <>
          {agency ? (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <StatusCountsSection agency={agency} relation="lead" counts={agenda.lead} />
              <StatusCountsSection agency={agency} relation="supported" counts={agenda.supported} />
            </SimpleGrid>
          ) : (
            <SystemSection />
          )}
          <OverdueSection agency={agency} overdue={agenda.overdue} />
          {agency && <ExtensionsSection requests={agenda.extensionRequests} />}
          <NoticesSection />
        </>
      )}
    </Stack>
  );
}

function RoleText({ user }: { user: User }) {
  const intl = useIntl();
  if (user.role === 'focal_point' && user.agency) return <>{intl.formatMessage({ id: 'role.focalPointOf' }, { agency: user.agency })}</>;
  return <>{intl.formatMessage({ id: `role.${user.role}` })}</>;
}
