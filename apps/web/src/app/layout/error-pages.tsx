import { Anchor, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { PageTitle } from '../../ui/page-title';
import { useProblemText } from '../../ui/problem-alert';

export function NotFoundPage() {
  const intl = useIntl();
  return (
    <Stack gap="md">
      <PageTitle>{intl.formatMessage({ id: 'app.notFound.title' })}</PageTitle>
      <Text>{intl.formatMessage({ id: 'app.notFound.body' })}</Text>
      <Anchor component={Link} to="/">
        {intl.formatMessage({ id: 'app.notFound.home' })}
      </Anchor>
    </Stack>
  );
}

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const intl = useIntl();
  const text = useProblemText();
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle>{intl.formatMessage({ id: 'app.error.title' })}</PageTitle>
      <Text role="alert">{text(error)}</Text>
      <Button onClick={reset}>{intl.formatMessage({ id: 'app.error.retry' })}</Button>
    </Stack>
  );
}

/** Shown when a page takes more than a moment to load (slow links). */
export function PendingPage() {
  const intl = useIntl();
  return (
    <Center py="xl" role="status">
      <Loader size="sm" mr="sm" aria-hidden />
      <Text>{intl.formatMessage({ id: 'app.loading' })}</Text>
    </Center>
  );
}
