import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import { useProblemText } from '../../ui/problem-alert';

/** Actions a focal point may take on what its agency leads; reporting is open to supporting agencies too. */
const LEAD_ACTIONS = ['accept', 'start', 'submit_for_review', 'request_extension'];

/**
 * Why the API did not do it, in words: a refusal by the access rules (403) says who may do this instead; anything
 * else is said as the app says every failure.
 */
export function RefusalAlert({ error, code, id }: { error: unknown; code: string; id: string }) {
  const intl = useIntl();
  const problemText = useProblemText();
  const forbidden = error instanceof ProblemError && error.status === 403;
  const action = forbidden ? String((error.problem as { action?: unknown }).action ?? '') : '';
  const scope = action === 'report_progress' ? 'owner' : LEAD_ACTIONS.includes(action) ? 'lead' : 'other';
  return (
    <NotDoneAlert id={id}>
      {forbidden ? intl.formatMessage({ id: 'commitment.error.notAllowed' }, { scope, code }) : problemText(error)}
    </NotDoneAlert>
  );
}

/** "Not done", and why; it takes the focus (`id`) so that the reader hears it at once. */
export function NotDoneAlert({ id, children }: { id: string; children: ReactNode }) {
  const intl = useIntl();
  return (
    <Alert id={id} tabIndex={-1} color="red" variant="light" role="alert" title={intl.formatMessage({ id: 'commitment.error.title' })}>
      {children}
    </Alert>
  );
}
