import { Alert } from '@mantine/core';
import { useIntl } from 'react-intl';
import { ProblemError } from '../api/client';

/** Any failure, in words: the network, an outage, our own fault (with the reference to quote), or a refusal. */
export function useProblemText(): (error: unknown) => string {
  const intl = useIntl();
  return (error: unknown) => {
    if (!(error instanceof ProblemError) || error.status === 0) return intl.formatMessage({ id: 'app.error.offline' });
    if (error.status === 503) return intl.formatMessage({ id: 'app.error.unavailable' });
    if (error.status >= 500) return intl.formatMessage({ id: 'app.error.generic' }, { requestId: error.problem.requestId ?? '—' });
    return intl.formatMessage({ id: 'app.error.notAccepted' }, { detail: error.problem.detail });
  };
}

export function ProblemAlert({ error }: { error: unknown }) {
  const text = useProblemText();
  const intl = useIntl();
  return (
    <Alert color="red" variant="light" title={intl.formatMessage({ id: 'app.error.title' })}>
      {text(error)}
    </Alert>
  );
}
