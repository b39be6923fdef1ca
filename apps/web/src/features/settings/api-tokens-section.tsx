import { Alert, Button, Code, CopyButton, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { apiTokensQuery, useCreateApiToken, useRevokeApiToken, type ApiToken } from './queries';

const EXPIRY_DAYS = ['never', '30', '90', '365'] as const;
const NAME_ID = 'api-token-name';

export function ApiTokensSection() {
  const intl = useIntl();
  const { data: tokens } = useSuspenseQuery(apiTokensQuery);
  const create = useCreateApiToken();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', expiry: '90' as (typeof EXPIRY_DAYS)[number] },
    validate: { name: (value) => (!value.trim() ? intl.formatMessage({ id: 'settings.tokens.error.nameMissing' }) : null) },
  });

  const submit = form.onSubmit(
    ({ name, expiry }) => {
      setCreated(null);
      setNotice(null);
      const expiresAt = expiry === 'never' ? undefined : new Date(Date.now() + Number(expiry) * 24 * 60 * 60 * 1000).toISOString();
      create.mutate(
        { name: name.trim(), expiresAt },
        {
          onSuccess: (token) => {
            setCreated({ name: token.name, token: token.token });
            form.reset();
          },
        },
      );
    },
    () => document.getElementById(NAME_ID)?.focus(),
  );

  const active = tokens.filter((t) => !t.revokedAt);
  return (
    <Section title={intl.formatMessage({ id: 'settings.tokens.title' })}>
      <Stack gap="md">
        <Text>{intl.formatMessage({ id: 'settings.tokens.help' })}</Text>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              id={NAME_ID}
              label={intl.formatMessage({ id: 'settings.tokens.name' })}
              description={intl.formatMessage({ id: 'settings.tokens.nameHelp' })}
              required
              maxLength={100}
              style={{ flex: '1 1 16rem' }}
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <NativeSelect
              label={intl.formatMessage({ id: 'settings.tokens.expiry' })}
              data={EXPIRY_DAYS.map((value) => ({
                value,
                label:
                  value === 'never'
                    ? intl.formatMessage({ id: 'settings.tokens.expiry.never' })
                    : intl.formatMessage({ id: 'settings.tokens.expiry.days' }, { days: Number(value) }),
              }))}
              key={form.key('expiry')}
              {...form.getInputProps('expiry')}
            />
            <Button type="submit" loading={create.isPending}>
              {intl.formatMessage({ id: 'settings.tokens.create' })}
            </Button>
          </Group>
        </form>
        {create.isError && <ProblemAlert error={create.error} />}
        {created && (
          <Alert
            variant="light"
            color="green"
            role="status"
            title={intl.formatMessage({ id: 'settings.tokens.created' }, { name: created.name })}
          >
            <Stack gap="xs">
              <Code
                block
                aria-label={intl.formatMessage({ id: 'settings.tokens.value' })}
                style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
              >
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy} w="fit-content">
                    {intl.formatMessage({ id: copied ? 'settings.tokens.copied' : 'settings.tokens.copy' })}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
        {notice && (
          <Alert variant="light" color="unBlue" role="status">
            {notice}
          </Alert>
        )}
        <Text fw={600}>
          {active.length === 0
            ? intl.formatMessage({ id: 'settings.tokens.none' })
            : intl.formatMessage({ id: 'settings.tokens.count' }, { count: active.length })}
        </Text>
        {active.length > 0 && (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {active.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                onRevoked={() => {
                  setCreated(null);
                  setNotice(intl.formatMessage({ id: 'settings.tokens.revokedNotice' }, { name: token.name }));
                }}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Section>
  );
}

function TokenRow({ token, onRevoked }: { token: ApiToken; onRevoked: () => void }) {
  const intl = useIntl();
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long' });
  const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.now();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600}>{token.name}</Text>
          <Group gap="md" wrap="wrap">
            <Text size="sm">{intl.formatMessage({ id: 'settings.tokens.prefix' }, { prefix: token.prefix })}</Text>
            <Text size="sm">{intl.formatMessage({ id: 'settings.tokens.createdOn' }, { date: date(token.createdAt) })}</Text>
            <Text size="sm">
              {token.lastUsedAt
                ? intl.formatMessage({ id: 'settings.tokens.lastUsed' }, { date: date(token.lastUsedAt) })
                : intl.formatMessage({ id: 'settings.tokens.neverUsed' })}
            </Text>
            <Text size="sm">
              {token.expiresAt === null
                ? intl.formatMessage({ id: 'settings.tokens.noExpiry' })
                : intl.formatMessage(
                    { id: expired ? 'settings.tokens.expired' : 'settings.tokens.expiresOn' },
                    { date: date(token.expiresAt) },
                  )}
            </Text>
          </Group>
        </Stack>
        <Button
          variant="outline"
          color="red"
          size="xs"
          aria-label={intl.formatMessage({ id: 'settings.tokens.revokeNamed' }, { name: token.name })}
          onClick={() => setConfirming(true)}
        >
          {intl.formatMessage({ id: 'settings.tokens.revoke' })}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={intl.formatMessage({ id: 'settings.tokens.revokeConfirm.title' }, { name: token.name })}
        closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.close' }) }}
        centered
      >
        <Stack gap="md">
          <Text>{intl.formatMessage({ id: 'settings.tokens.revokeConfirm.body' })}</Text>
          {revoke.isError && <ProblemAlert error={revoke.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {intl.formatMessage({ id: 'settings.tokens.revokeConfirm.cancel' })}
            </Button>
            <Button
              color="red.9"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    onRevoked();
                  },
                })
              }
            >
              {intl.formatMessage({ id: 'settings.tokens.revokeConfirm.confirm' })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
