import { Stack } from '@mantine/core';
import { useIntl } from 'react-intl';
import { PageTitle } from '../../ui/page-title';
import { ApiTokensSection } from './api-tokens-section';
import { LanguageSection } from './language-section';
import { PasswordSection } from './password-section';

export function SettingsPage() {
  const intl = useIntl();
  return (
    <Stack gap="lg" maw={720}>
      <PageTitle>{intl.formatMessage({ id: 'settings.title' })}</PageTitle>
      <LanguageSection />
      <PasswordSection />
      <ApiTokensSection />
    </Stack>
  );
}
