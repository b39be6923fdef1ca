import { Stack } from '@mantine/core';
import { useIntl } from 'react-intl';
import { AppLink } from '../../ui/app-link';
import { Section } from '../../ui/section';
import { cataloguePage } from './queries';

/** For readers without an agency (coordinators, viewers, admins): the way to the lists. */
export function SystemSection() {
  const intl = useIntl();
  return (
    <Section title={intl.formatMessage({ id: 'home.system.title' })}>
      <Stack gap="xs" align="flex-start">
        <AppLink href={cataloguePage()}>{intl.formatMessage({ id: 'home.system.browse' })}</AppLink>
        <AppLink href={cataloguePage({ overdue: true })}>{intl.formatMessage({ id: 'home.system.overdue' })}</AppLink>
      </Stack>
    </Section>
  );
}
