import { Alert, Button, Group, Stack } from '@mantine/core';
import { PasswordField } from '../../ui/password-field';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import { useMe } from '../../session/session';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { useChangePassword } from './queries';

const MIN_LENGTH = 12;
const IDS = { currentPassword: 'password-current', newPassword: 'password-new', confirmation: 'password-confirm' } as const;

export function PasswordSection() {
  const intl = useIntl();
  const changePassword = useChangePassword();
  const me = useMe();
  const [changed, setChanged] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: (value) => (!value ? intl.formatMessage({ id: 'settings.password.error.currentMissing' }) : null),
      newPassword: (value) => (value.length < MIN_LENGTH ? intl.formatMessage({ id: 'settings.password.error.tooShort' }) : null),
      confirmation: (value, values) =>
        value !== values.newPassword ? intl.formatMessage({ id: 'settings.password.error.mismatch' }) : null,
    },
  });
  const focus = (field: keyof typeof IDS) => requestAnimationFrame(() => document.getElementById(IDS[field])?.focus());

  const submit = form.onSubmit(
    ({ currentPassword, newPassword }) => {
      setChanged(false);
      setFailure(null);
      changePassword.mutate(
        { currentPassword, newPassword },
        {
          onSuccess: () => {
            form.reset();
            setChanged(true);
          },
          onError: (error) => {
            // the API's refusals, in words next to the field they concern
            if (error instanceof ProblemError && error.problem.code === 'INVALID_CREDENTIALS') {
              form.setFieldError('currentPassword', intl.formatMessage({ id: 'settings.password.error.currentWrong' }));
              focus('currentPassword');
            } else if (error instanceof ProblemError && error.fieldMessage('newPassword')) {
              form.setFieldError('newPassword', intl.formatMessage({ id: 'settings.password.error.tooShort' }));
              focus('newPassword');
            } else {
              setFailure(error);
            }
          },
        },
      );
    },
    (errors) => {
      const first = (Object.keys(IDS) as Array<keyof typeof IDS>).find((field) => field in errors);
      if (first) focus(first);
    },
  );

  return (
    <Section title={intl.formatMessage({ id: 'settings.password.title' })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          {/* whose password this is, for password managers */}
          <input type="text" name="username" autoComplete="username" value={me?.email ?? ''} readOnly hidden />
          <PasswordField
            id={IDS.currentPassword}
            label={intl.formatMessage({ id: 'settings.password.current' })}
            autoComplete="current-password"
            required
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            id={IDS.newPassword}
            label={intl.formatMessage({ id: 'settings.password.new' })}
            description={intl.formatMessage({ id: 'settings.password.newHelp' })}
            autoComplete="new-password"
            required
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <PasswordField
            id={IDS.confirmation}
            label={intl.formatMessage({ id: 'settings.password.confirm' })}
            autoComplete="new-password"
            required
            key={form.key('confirmation')}
            {...form.getInputProps('confirmation')}
          />
          <Group>
            <Button type="submit" loading={changePassword.isPending}>
              {intl.formatMessage({ id: 'settings.password.submit' })}
            </Button>
          </Group>
          {changed && (
            <Alert variant="light" color="green" role="status">
              {intl.formatMessage({ id: 'settings.password.changed' })}
            </Alert>
          )}
          {failure !== null && <ProblemAlert error={failure} />}
        </Stack>
      </form>
    </Section>
  );
}
