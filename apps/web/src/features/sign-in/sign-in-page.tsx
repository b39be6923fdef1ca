import { Alert, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { PasswordField } from '../../ui/password-field';
import { useForm } from '@mantine/form';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useLayoutEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import { useSignIn } from '../../session/session';
import { PageTitle } from '../../ui/page-title';
import { useProblemText } from '../../ui/problem-alert';

const route = getRouteApi('/sign-in');
const FIELD_IDS = { email: 'sign-in-email', password: 'sign-in-password' } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInPage() {
  const intl = useIntl();
  const router = useRouter();
  const search = route.useSearch();
  const signIn = useSignIn();
  const problemText = useProblemText();
  const [failure, setFailure] = useState<string | null>(null);
  const refocusPassword = useRef(false);

  // Emptying the password remounts its input (Mantine's uncontrolled form changes its key), which drops the focus.
  // Taking it back in the same commit that shows the message means nobody, person or script, ever sees the message
  // without the focus in the field where they type again.
  useLayoutEffect(() => {
    if (!refocusPassword.current) return;
    refocusPassword.current = false;
    document.getElementById(FIELD_IDS.password)?.focus();
  });

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validateInputOnBlur: false,
    validate: {
      email: (value) =>
        !value.trim()
          ? intl.formatMessage({ id: 'signIn.error.emailMissing' })
          : !EMAIL.test(value.trim())
            ? intl.formatMessage({ id: 'signIn.error.emailInvalid' })
            : null,
      password: (value) => (!value ? intl.formatMessage({ id: 'signIn.error.passwordMissing' }) : null),
    },
  });

  const submit = form.onSubmit(
    (values) => {
      setFailure(null);
      signIn.mutate(
        { email: values.email.trim(), password: values.password },
        {
          onSuccess: () => void router.history.push(search.redirect ?? '/'),
          onError: (error) => {
            // the message is announced (role=alert); focus goes back where the person will type again
            refocusPassword.current = true;
            setFailure(failureText(error));
            form.setFieldValue('password', '');
          },
        },
      );
    },
    // the first field in error takes the focus; its message is tied to it (aria-describedby)
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first === 'email' || first === 'password') document.getElementById(FIELD_IDS[first])?.focus();
    },
  );

  function failureText(error: unknown): string {
    if (error instanceof ProblemError) {
      if (error.problem.code === 'INVALID_CREDENTIALS') return intl.formatMessage({ id: 'signIn.error.invalidCredentials' });
      if (error.status === 429)
        return intl.formatMessage({ id: 'signIn.error.throttled' }, { seconds: Number(error.problem.retryAfterSeconds ?? 60) });
    }
    return problemText(error);
  }

  return (
    <Stack maw={440} mx="auto" gap="lg">
      <PageTitle>{intl.formatMessage({ id: 'signIn.title' })}</PageTitle>
      {(search.signedOut || search.sessionEnded) && !failure && (
        <Alert variant="light" color="unBlue" role="status">
          {intl.formatMessage({ id: search.sessionEnded ? 'app.sessionEnded' : 'app.signedOut' })}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="sm">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{intl.formatMessage({ id: 'signIn.intro' })}</Text>
            {failure && (
              <Alert color="red" variant="light">
                {failure}
              </Alert>
            )}
            <TextInput
              id={FIELD_IDS.email}
              label={intl.formatMessage({ id: 'signIn.email' })}
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordField
              id={FIELD_IDS.password}
              label={intl.formatMessage({ id: 'signIn.password' })}
              autoComplete="current-password"
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {intl.formatMessage({ id: 'signIn.submit' })}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="gray.7">
        {intl.formatMessage({ id: 'signIn.forgotten' })}
      </Text>
    </Stack>
  );
}
