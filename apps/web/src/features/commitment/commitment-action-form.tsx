import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import { fieldErrorsOf, focusFirstError, focusWhenShown } from './form-errors';
import { commitmentQuery, historyQuery, type Commitment } from './queries';
import { NotDoneAlert, RefusalAlert } from './refusal-alert';
import { useHistorySentence, useStatusName } from './wording';

/** What the page gives each of its forms: the commitment, and what to do when the form is done or cancelled. */
export interface CommitmentActionProps {
  commitment: Commitment;
  /** Closes the dialog and announces `message` on the page. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * The one shell of every form in the commitment page's dialog; a form supplies its fields (`children`) and its
 * request, and this does the rest the same way for all:
 * - the submit: the form's own checks first (the focus goes to the first field in error), then the request;
 * - the API's refusals of a field next to that field (`apiField`), focused; any other refusal in words, focused;
 * - a request made on the version the user saw (If-Match) that someone else overtook (409): who changed what since,
 *   and "Reload and reapply", which makes the same request on the commitment as it is now if it is still offered
 *   (`stillOffered`), keeping what the user typed;
 * - Cancel and the submit button; the sentence the page announces when it is done (`done`).
 */
export function CommitmentActionForm<Values, Variables, Result>({
  id,
  commitment,
  form,
  mutation,
  request,
  apiField,
  done,
  stillOffered = () => true,
  submitLabel,
  onDone,
  onCancel,
  children,
}: {
  /** The start of the ids of the form's elements: `${id}-failure` is the refusal's. */
  id: string;
  form: UseFormReturnType<Values>;
  mutation: UseMutationResult<Result, Error, Variables>;
  /** What to send for these values, on `version` of the commitment (the one the user decided on). */
  request: (values: Values, version: number) => Variables;
  /** The form's field and message for a field the API named, or null when the form has no such field. */
  apiField: (field: string) => { field: string; message: string } | null;
  done: (values: Values, result: Result) => string;
  /** After a 409: whether the commitment as it is now still offers this action to the user. */
  stillOffered?: (fresh: Commitment) => boolean;
  submitLabel: string;
  children: ReactNode;
} & CommitmentActionProps) {
  const intl = useIntl();
  const statusName = useStatusName();
  const queryClient = useQueryClient();
  // the version the user decided on, kept whatever the page reloads meanwhile
  const [version, setVersion] = useState(commitment.version);
  const [conflict, setConflict] = useState(false);
  const [noLonger, setNoLonger] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const failureId = `${id}-failure`;
  const conflictId = `${id}-conflict`;

  const send = (values: Values, at: number) => {
    setFailure(null);
    mutation.mutate(request(values, at), {
      onSuccess: (result) => onDone(done(values, result)),
      onError: (error) => {
        if (error instanceof ProblemError && error.problem.code === 'VERSION_CONFLICT') {
          setConflict(true);
          focusWhenShown(conflictId);
          return;
        }
        const fields = fieldErrorsOf(error, apiField);
        if (fields) {
          form.setErrors(fields);
          focusFirstError(formRef.current);
        } else {
          setFailure(error);
          focusWhenShown(failureId);
        }
      },
    });
  };

  /** Reads the commitment as it is now and, if the action is still open to the user, makes it on that version. */
  const reloadAndReapply = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...commitmentQuery(commitment.code), staleTime: 0 });
      setConflict(false);
      if (!stillOffered(fresh)) {
        setNoLonger(statusName(fresh.status));
        focusWhenShown(failureId);
        return;
      }
      setVersion(fresh.version);
      send(form.getValues(), fresh.version);
    } catch (error) {
      setConflict(false);
      setFailure(error);
      focusWhenShown(failureId);
    } finally {
      setReloading(false);
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={form.onSubmit(
        (values) => send(values, version),
        () => focusFirstError(formRef.current),
      )}
      noValidate
    >
      <Stack gap="md">
        {children}
        {conflict && (
          <ConflictNotice
            id={conflictId}
            code={commitment.code}
            since={version}
            reloading={reloading}
            onReload={() => void reloadAndReapply()}
          />
        )}
        {noLonger !== null && (
          <NotDoneAlert id={failureId}>{intl.formatMessage({ id: 'commitment.move.noLonger' }, { status: noLonger })}</NotDoneAlert>
        )}
        {failure !== null && <RefusalAlert error={failure} code={commitment.code} id={failureId} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {intl.formatMessage({ id: 'commitment.form.cancel' })}
          </Button>
          {!conflict && noLonger === null && (
            <Button type="submit" loading={mutation.isPending}>
              {submitLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Who changed what since the version the user saw (the history after it), and the way on: reload and reapply. */
function ConflictNotice({
  id,
  code,
  since,
  reloading,
  onReload,
}: {
  id: string;
  code: string;
  since: number;
  reloading: boolean;
  onReload: () => void;
}) {
  const intl = useIntl();
  const sentence = useHistorySentence();
  const history = useQuery(historyQuery(code));
  const changes = (history.data ?? []).filter((entry) => entry.version > since);
  return (
    <Alert
      id={id}
      tabIndex={-1}
      role="alert"
      color="orange"
      variant="light"
      title={intl.formatMessage({ id: 'commitment.conflict.title' })}
    >
      <Stack gap="sm">
        <Text size="sm">{intl.formatMessage({ id: 'commitment.conflict.intro' }, { count: changes.length })}</Text>
        {history.isPending ? (
          <Loader size="xs" aria-label={intl.formatMessage({ id: 'app.loading' })} />
        ) : (
          <List size="sm" spacing={4}>
            {changes.map((entry) => (
              <List.Item key={entry.position}>{sentence(entry)}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{intl.formatMessage({ id: 'commitment.conflict.kept' })}</Text>
        <Group>
          <Button onClick={onReload} loading={reloading}>
            {intl.formatMessage({ id: 'commitment.conflict.reapply' })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
